import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the production build (`next start`) in headless Chromium. The app talks to
 * "AWS" through a fault-injecting proxy in front of a moto server; tests check the result in moto.
 * Each worker starts its own moto, proxy and app (e2e/support/fixtures.ts) and runs a spec file at
 * a time, resetting its moto before every test; two workers share this 2-core machine's work.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  // Many pages follow a run in the background worker and refresh every 2 s: on a loaded 2-core
  // machine "created" can take more than Playwright's default 5 s to show. Speed is measured by
  // the benchmarks, never here.
  expect: { timeout: 15_000 },
  use: {
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
  // The last check reads every line the app servers wrote (npm test empties their folder first).
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'server logs', testMatch: /server-logs\.check\.ts/, dependencies: ['chromium'] },
  ],
});
