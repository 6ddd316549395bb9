/** Where the end-to-end servers listen, and the dummy credentials the app server runs with. */
const motoPort = Number(process.env.E2E_MOTO_PORT ?? 5101);
const proxyPort = Number(process.env.E2E_PROXY_PORT ?? 5102);
const appPort = Number(process.env.E2E_APP_PORT ?? 3101);

export const E2E = {
  motoPort,
  proxyPort,
  appPort,
  motoUrl: `http://127.0.0.1:${motoPort}`,
  proxyUrl: `http://127.0.0.1:${proxyPort}`,
  appUrl: `http://127.0.0.1:${appPort}`,
  region: 'us-east-1',
  accessKeyId: 'E2EDUMMYACCESSKEYID',
  /** Known so a test can prove it never reaches the browser. */
  secretAccessKey: 'e2e-Secret-Never-Sent-To-Browser-7f3kQ9',
};
