import { actionFields, clusterFormFields } from '../scripts/form-post.mjs';
import { clusterNames } from './support/aws';
import { expect, test } from './support/fixtures';
import { E2E } from './support/settings';

const REFUSED = 'Refused: this form was sent from another site.';

test('a post with another site’s Origin, or forged Host headers, is refused with 403 and creates nothing', async ({
  request,
}) => {
  const form = {
    ...actionFields(await (await request.get('/clusters/create')).text()),
    ...clusterFormFields('forged'),
  };
  const forgeries: Record<string, string>[] = [
    { origin: 'http://attacker.test' },
    { origin: 'http://attacker.test', 'x-forwarded-host': 'attacker.test' },
    { origin: 'null' },
  ];
  for (const headers of forgeries) {
    const answer = await request.post('/clusters/create', { multipart: form, headers, maxRedirects: 0 });
    expect(answer.status(), JSON.stringify(headers)).toBe(403);
    expect(await answer.text()).toContain(REFUSED);
  }
  // The app's own origin still works.
  const own = await request.post('/clusters/create', {
    multipart: form,
    headers: { origin: E2E.appUrl },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(303);
  // Stored, then created by the worker.
  await expect.poll(clusterNames).toEqual(['forged']);
});

test('a form on another site that posts to the app is refused in the browser', async ({ page, request }) => {
  const hidden = actionFields(await (await request.get('/clusters/create')).text());
  const fields = { ...hidden, ...clusterFormFields('from-elsewhere') };
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${String(value).replaceAll('"', '&quot;')}">`)
    .join('');
  await page.route('http://attacker.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Win a prize</title><form method="post" enctype="multipart/form-data" action="${E2E.appUrl}/clusters/create">${inputs}<button>Claim</button></form>`,
    }),
  );
  await page.goto('http://attacker.test/prize');
  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByText(REFUSED)).toBeVisible();
  expect(await clusterNames()).toEqual([]);
});
