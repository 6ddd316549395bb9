/**
 * Where the end-to-end servers listen, and the dummy credentials the app server runs with. Each
 * Playwright worker runs servers of its own (see fixtures.ts), 100 ports further on per worker,
 * so workers share no AWS state, faults or journal.
 */
const lane = 100 * Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const motoPort = Number(process.env.E2E_MOTO_PORT ?? 5101) + lane;
const proxyPort = Number(process.env.E2E_PROXY_PORT ?? 5102) + lane;
const appPort = Number(process.env.E2E_APP_PORT ?? 3101) + lane;

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
  /** The bearer token /metrics asks for. */
  metricsToken: 'e2e-metrics-token-4b9d1c',
};

/** What the app server runs with in the end-to-end tests: "AWS" is the fault proxy in front of moto. */
export function appEnvironment(databaseUrl: string): Record<string, string> {
  return {
    NEXT_TELEMETRY_DISABLED: '1',
    AWS_ENDPOINT_URL: E2E.proxyUrl,
    AWS_REGION: E2E.region,
    AWS_ACCESS_KEY_ID: E2E.accessKeyId,
    AWS_SECRET_ACCESS_KEY: E2E.secretAccessKey,
    ECS_CONSOLE_SANDBOX: '1',
    DATABASE_URL: databaseUrl,
    // As npm start does: the worker hands its requests back on SIGTERM, then ends the process.
    NEXT_MANUAL_SIG_HANDLE: 'true',
    // Tests change the account between page views: lists are read from moto every time.
    AWS_LIST_CACHE_SECONDS: '0',
    // Shorter deadlines than the defaults, so the tests of a hanging AWS end sooner: each attempt
    // 10 s, a page view or a submit 8 s in all, so the page's deadline is the one a test sees. Not
    // shorter: on a loaded 2-core machine the EC2 lists' seven reads of moto can take 4 s.
    AWS_REQUEST_TIMEOUT_MS: '10000',
    AWS_PAGE_DEADLINE_MS: '8000',
    // /metrics on the app's port; no loopback listener, which the servers of a run would contend for.
    METRICS_TOKEN: E2E.metricsToken,
  };
}
