import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { appEnvironment, E2E } from './e2e/support/settings';

// A new request journal for every run; test workers inherit the id, so they name the same file.
const runId = (process.env.E2E_RUN_ID ??= String(Date.now()));

/**
 * End-to-end tests drive the production build (`next start`) in headless Chromium. The app talks to
 * "AWS" through a fault-injecting proxy in front of a moto server; tests check the result in moto.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1, // one moto, reset before every test
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  // Many pages follow a run in the background worker and refresh every 2 s: on a loaded 2-core
  // machine "created" can take more than Playwright's default 5 s to show. Speed is measured by
  // the benchmarks, never here.
  expect: { timeout: 15_000 },
  use: {
    baseURL: E2E.appUrl,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: `python3 scripts/sandbox/moto_server.py -H 127.0.0.1 -p ${E2E.motoPort}`,
      url: `${E2E.motoUrl}/moto-api/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: 'node e2e/support/fault-proxy.mjs',
      url: `${E2E.proxyUrl}/__faults`,
      env: { FAULT_PROXY_TARGET: E2E.motoUrl, FAULT_PROXY_PORT: String(E2E.proxyPort) },
      reuseExistingServer: false,
    },
    {
      command: `npx next start -p ${E2E.appPort}`,
      url: `${E2E.appUrl}/clusters/create`,
      env: appEnvironment(`file:${join(tmpdir(), `ecs-console-e2e-${runId}.db`)}`),
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
