export function actionFields(html: string): Record<string, string>;
export function clusterFormFields(
  clusterName: string,
): { requestId: string; clusterName: string } & Record<string, string>;
