import { E2E } from './support/settings';
import { expect, expectCreated, test } from './support/fixtures';

/**
 * /metrics, as Prometheus scrapes it: for the bearer of METRICS_TOKEN only, in the text format,
 * counting what the app just did: the pages it answered by route, the AWS calls it made, the
 * request it ran and its steps.
 */
const scrape = async (token?: string) =>
  fetch(`${E2E.appUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** A sample's value, by its name and labels as the text format writes them. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('counts pages, AWS calls and requests, for the bearer of METRICS_TOKEN only', async ({ page }) => {
  expect((await scrape()).status).toBe(401);
  expect((await scrape('not-the-token')).status).toBe(401);
  const before = await (await scrape(E2E.metricsToken)).text();

  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('metrics-demo');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expectCreated(page, 'metrics-demo');
  await page.goto('/clusters');

  const answer = await scrape(E2E.metricsToken);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const after = await answer.text();
  const grew = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);

  // Pages by their route's pattern, not by the address asked for.
  expect(grew('ecs_portal_http_requests_total{method="GET",route="/clusters",status="200"}')).toBeGreaterThanOrEqual(1);
  expect(
    grew('ecs_portal_http_requests_total{method="GET",route="/clusters/[name]",status="200"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(after).toMatch(/ecs_portal_http_request_duration_seconds_bucket\{le="0\.5",method="GET",route="\/clusters"/);
  // The AWS calls of those pages and of the run.
  expect(
    grew('ecs_portal_aws_calls_total{service="ECS",operation="ListClusters",outcome="ok"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(grew('ecs_portal_aws_calls_total{service="ECS",operation="CreateCluster",outcome="ok"}')).toBe(1);
  // The request's step, and the journal's count of succeeded creates.
  expect(grew('ecs_portal_step_duration_seconds_count{kind="create",action="ecs:CreateCluster",status="done"}')).toBe(
    1,
  );
  expect(sample(after, 'ecs_portal_requests{kind="create",state="succeeded"}')).toBeGreaterThanOrEqual(1);
  expect(sample(after, 'ecs_portal_oldest_queued_request_age_seconds')).toBe(0);
  // Node.js's own: memory and the event loop.
  expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
});
