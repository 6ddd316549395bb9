import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { E2E } from './support/settings';
import { expect, expectCreated, test } from './support/fixtures';

/**
 * The app server runs with a known dummy secret key (see support/settings.ts). Nothing the browser
 * can receive may contain it: pages, their scripts and styles, RSC payloads, or action responses.
 */
const SECRET = E2E.secretAccessKey;

test('the server’s AWS secret key never reaches the browser', async ({ page, request }) => {
  const bodies: { url: string; body: string }[] = [];
  page.on('response', async (response) => {
    const body = await response.text().catch(() => '');
    bodies.push({ url: response.url(), body });
  });

  // A whole session: list, create (failing once, then succeeding), the cluster page.
  await page.goto('/clusters');
  await page.getByRole('link', { name: 'Create cluster' }).click();
  await page.getByLabel('Cluster name').fill('secret-check');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expectCreated(page, 'secret-check');
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('secret-check');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByLabel('Cluster name')).toHaveAttribute('aria-invalid', 'true');

  // Every page as HTML and as an RSC payload, and every asset each one links to.
  for (const path of ['/clusters', '/clusters/create', '/clusters/secret-check', '/clusters/missing']) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const response = await request.get(path, { headers });
      const body = await response.text();
      bodies.push({ url: `${path} ${JSON.stringify(headers)}`, body });
      for (const [, asset] of body.matchAll(/(\/_next\/static\/[^"'\s)\\]+)/g)) {
        bodies.push({ url: asset ?? '', body: await (await request.get(asset ?? '')).text() });
      }
    }
  }

  // Everything the build would ever serve as a static file.
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  for (const file of walk('.next/static')) bodies.push({ url: file, body: readFileSync(file, 'utf8') });

  expect(bodies.length).toBeGreaterThan(20);
  expect(bodies.some((b) => b.url.includes('/_next/static/') && b.url.endsWith('.js'))).toBe(true);
  const leaks = bodies
    .filter(({ body }) => body.includes(SECRET) || body.includes(E2E.accessKeyId))
    .map(({ url }) => url);
  expect(leaks).toEqual([]);
});
