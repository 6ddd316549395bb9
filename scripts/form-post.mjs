// The Create cluster form as a browser without JavaScript posts it, for the benchmark and for
// tests that post it directly. Node built-ins only.
import { randomUUID } from 'node:crypto';

/** The hidden fields React puts in the Create cluster form to name its server action. */
export function actionFields(html) {
  const field = html.indexOf('name="clusterName"');
  const form = html.slice(html.lastIndexOf('<form', field), html.indexOf('</form>', field));
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(
      ([, name, value = '']) => [name, value.replaceAll('&quot;', '"').replaceAll('&amp;', '&')],
    ),
  );
}

/**
 * A post for a Fargate cluster of this name. Only what differs from the form's defaults is named:
 * a text field a post leaves out takes its default on the server, as one the page had not rendered.
 * Checkboxes are present only when checked, so Fargate's is named; EC2 fields are added by callers.
 */
export function clusterFormFields(clusterName) {
  return { requestId: randomUUID(), clusterName, fargate: 'on', instanceType: 't3.medium' };
}
