import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepServerLog } from './support/server-logs';
import { CreateClusterCommand } from '@aws-sdk/client-ecs';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { demoPeopleForApp, startIdentityProvider, WEB_CLIENT } from '../scripts/sandbox/identity-provider.mjs';
import { clusterNames, describeCluster, ecs } from './support/aws';
import { type AppServer, startApp } from './support/app-server';
import { expectNoViolations } from './support/axe';
import { expect, formRuns, openSection, test } from './support/fixtures';
import { E2E } from './support/settings';

/**
 * The team portal, signed in for real: the sandbox's OpenID Connect provider (oidc-provider),
 * Better Auth in the app, and the rules of e2e/support/portal-policy.yaml. Every refusal is
 * checked at its field and in AWS; the cross-team tests try the page, a forged post and the URLs.
 */

const IDP_PORT = 3116;
const APP_PORT = 3117;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const POLICY_FILE = join(__dirname, 'support', 'portal-policy.yaml');

let app: AppServer;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
let databaseFile: string;

function portalEnvironment(issuer: string): Record<string, string> {
  return {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: WEB_CLIENT.id,
    OIDC_CLIENT_SECRET: WEB_CLIENT.secret,
    AUTH_SECRET: 'portal-tests-secret-that-is-long-enough-0123456789',
    APP_URL,
    POLICY_FILE,
    SANDBOX_PEOPLE: demoPeopleForApp(),
  };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  idp = await startIdentityProvider({ port: IDP_PORT, appUrl: APP_URL });
  databaseFile = join(mkdtempSync(join(tmpdir(), 'portal-')), 'journal.db');
  app = await startApp(APP_PORT, `file:${databaseFile}`, portalEnvironment(idp.issuer));
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.close();
});

/** Signs in through the real flow: the app's sign-in page, the identity provider's login, back. */
async function signIn(page: Page, login: 'alice' | 'bob' | 'admin', name: string) {
  await page.goto(`${APP_URL}/clusters`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclusters$/);
  await expectNoViolations(page);
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole('heading', { name: 'Sandbox identity provider' })).toBeVisible();
  await expect(page.getByLabel('Login')).toHaveValue(login);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${APP_URL}/clusters`);
  await expect(page.getByRole('form', { name: 'Your account' })).toContainText(`Signed in as ${name}`);
}

async function openCreatePage(page: Page) {
  await page.goto(`${APP_URL}/clusters/create`);
  await formRuns(page);
}

const create = (page: Page) => page.getByRole('button', { name: 'Create', exact: true }).click();

function auditEvents(requestId: string) {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db
      .prepare('select actor, team, action, policy_version, detail from audit_events where request_id = ? order by at')
      .all(requestId) as { actor: string; team: string; action: string; policy_version: string; detail: string }[];
  } finally {
    db.close();
  }
}

test('health is answered without signing in, never cached, and names no secret', async () => {
  const live = await fetch(`${APP_URL}/api/health/live`, { redirect: 'manual' });
  expect(live.status).toBe(200);
  const ready = await fetch(`${APP_URL}/api/health/ready`, { redirect: 'manual' });
  expect(ready.status).toBe(200);
  expect(ready.headers.get('cache-control')).toBe('no-store');
  const text = await ready.text();
  expect(JSON.parse(text)).toEqual({
    status: 'ready',
    checks: {
      journal: { ok: true },
      worker: { ok: true },
      awsCredentials: { ok: true },
      policy: { ok: true, detail: expect.stringMatching(/^version [0-9a-f]+$/) },
    },
  });
  for (const secret of [E2E.secretAccessKey, E2E.accessKeyId, '127.0.0.1']) expect(text).not.toContain(secret);
});

test('a payments person sees the team’s rules on the form, and each broken rule is refused at its field with nothing sent to AWS', async ({
  page,
}) => {
  await signIn(page, 'alice', 'Alice Kim');
  await openCreatePage(page);
  // The rules before anything is submitted.
  await expect(page.getByLabel('Team')).toHaveValue('payments');
  await expect(page.getByLabel('Cluster name')).toHaveValue('payments-');
  await expect(page.getByLabel('Cluster name')).toHaveAccessibleDescription(/start with “payments-”/);
  await expect(page.getByLabel('Key of tag 1')).toHaveValue('cost-center');
  await expect(page.getByText('Allowed values: cc-100, cc-200')).toBeVisible();
  await expect(page.getByLabel('Container Insights', { exact: true })).toBeChecked();

  // A name without the prefix, a value outside the allowed ones.
  await page.getByLabel('Cluster name').fill('api');
  await page.getByLabel('Value of tag 1').fill('cc-999');
  await create(page);
  await expect(page.getByLabel('Cluster name')).toHaveAccessibleDescription(
    /Your team’s cluster names start with “payments-”\./,
  );
  await expect(page.getByLabel('Value of tag 1')).toHaveAccessibleDescription(
    /The tag “cost-center” must be one of: cc-100, cc-200\./,
  );
  await expect(page.getByRole('link', { name: 'Your team’s cluster names start with “payments-”.' })).toBeVisible();

  // The required tag removed, Container Insights below the minimum, EC2 outside the rules.
  await page.getByLabel('Cluster name').fill('payments-api');
  await page.getByRole('button', { name: 'Remove tag 1' }).click();
  await openSection(page, /Monitoring/);
  await page.getByLabel('Turn off').check();
  await page.getByRole('checkbox', { name: 'Amazon EC2 instances' }).check();
  await expect(page.getByText('Your team may use these instance types: t3.*.')).toBeVisible();
  await expect(page.locator('#instance-type-options option')).not.toHaveCount(0);
  for (const option of await page.locator('#instance-type-options option').all()) {
    expect(await option.getAttribute('value')).toMatch(/^t3\./);
  }
  await page.getByLabel('EC2 instance type').fill('m5.large');
  await page.getByLabel('Maximum').fill('11');
  await expect(page.getByLabel('Maximum')).toHaveAccessibleDescription(/at most 10 instances/);
  await create(page);
  await expect(page.locator('#tags-error')).toHaveText('Your team requires the tag “cost-center”.');
  await expect(page.getByRole('group', { name: 'Container Insights' })).toContainText(
    'Your team requires Container Insights at level “enabled” or above.',
  );
  await expect(page.getByLabel('EC2 instance type')).toHaveAccessibleDescription(
    /Your team may use only these instance types: t3\.\*\./,
  );
  await expect(page.getByLabel('Maximum')).toHaveAccessibleDescription(
    /Your team’s groups may have at most 10 instances\./,
  );
  expect(await clusterNames()).toEqual([]);
});

test('a compliant request creates the cluster tagged with the team, and the audit trail names the person', async ({
  page,
}) => {
  await signIn(page, 'alice', 'Alice Kim');
  await openCreatePage(page);
  await page.getByLabel('Cluster name').fill('payments-web');
  await page.getByLabel('Value of tag 1').fill('cc-200');
  const requestId = await page.locator('input[name="requestId"]').inputValue();
  await create(page);
  await expect(page.getByRole('status').filter({ hasText: 'Cluster payments-web has been created.' })).toBeVisible();

  const cluster = await describeCluster('payments-web');
  expect(cluster?.tags).toEqual(
    expect.arrayContaining([
      { key: 'team', value: 'payments' },
      { key: 'cost-center', value: 'cc-200' },
    ]),
  );
  expect(cluster?.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
  const events = auditEvents(requestId);
  expect(events[0]).toMatchObject({ actor: 'alice@example.com', team: 'payments', action: 'allowed', detail: null });
  expect(events[0]?.policy_version).toMatch(/^[0-9a-f]{16}$/);
  expect(events.map((event) => event.action)).toEqual(['allowed', 'submitted', 'claimed', 'succeeded']);

  await page.goto(`${APP_URL}/requests/${requestId}`);
  await expect(page.getByRole('main')).toContainText('alice@example.com');
  await expect(page.getByRole('main')).toContainText(events[0]!.policy_version);
  await expectNoViolations(page);
  // The portal's secrets stay on the server.
  for (const secret of [WEB_CLIENT.secret, portalEnvironment(idp.issuer).AUTH_SECRET!]) {
    expect(await page.content()).not.toContain(secret);
  }
});

test('a payments person cannot see or act for the search team: not on the page, not by a forged post, not by URL', async ({
  page,
  request,
}) => {
  // A payments cluster made outside the app, and the search team's cluster and request, made by bob.
  await ecs.send(new CreateClusterCommand({ clusterName: 'payments-web', tags: [{ key: 'team', value: 'payments' }] }));
  await signIn(page, 'bob', 'Bob Lee');
  await openCreatePage(page);
  await expect(page.getByLabel('Team')).toHaveValue('search');
  await expect(page.getByText('Your team uses AWS Fargate only')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Amazon EC2 instances' })).toHaveCount(0);
  await page.getByLabel('Cluster name').fill('search-index');
  await create(page);
  await expect(page.getByRole('status').filter({ hasText: 'Cluster search-index has been created.' })).toBeVisible();
  const bobsRequest = new URL(page.url()).searchParams.get('request')!;
  await page.context().clearCookies();

  await signIn(page, 'alice', 'Alice Kim');
  await expect(page.getByRole('link', { name: 'search-index' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'payments-web' })).toBeVisible();
  await page.goto(`${APP_URL}/clusters/search-index`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('No cluster named search-index exists');
  await expect(page.getByRole('main')).not.toContainText('arn:aws:ecs');
  await page.goto(`${APP_URL}/requests/${bobsRequest}`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText(`There is no request ${bobsRequest}.`);
  await page.goto(`${APP_URL}/requests`);
  await expect(page.getByRole('link', { name: 'search-index' })).toHaveCount(0);

  // The form as the browser would post it, with the other team named in it.
  await openCreatePage(page);
  await expect(page.getByRole('option', { name: 'search' })).toHaveCount(0);
  await page.getByLabel('Cluster name').fill('search-forged');
  await page.getByLabel('Value of tag 1').fill('cc-100');
  await page.locator('select[name="team"]').evaluate((select: HTMLSelectElement) => {
    select.add(new Option('search', 'search'));
    select.value = 'search';
  });
  await page.evaluate(() => document.querySelector<HTMLFormElement>('form:has(#clusterName)')!.requestSubmit());
  await expect(page.getByLabel('Team')).toHaveAccessibleDescription(/You cannot create clusters for this team\./);
  expect(await clusterNames()).not.toContain('search-forged');

  // Without the browser's cookies, nothing: the API of the pages answers with the sign-in page.
  const anonymous = await request.get(`${APP_URL}/clusters/search-index`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain('/sign-in');
});

test('no session, a tampered cookie and an ended session are sent to sign in; another origin’s post is refused', async ({
  page,
  browser,
}) => {
  const fresh = await browser.newContext();
  const stranger = await fresh.newPage();
  await stranger.goto(`${APP_URL}/requests`);
  await expect(stranger).toHaveURL(/\/sign-in\?next=%2Frequests$/);
  await fresh.close();

  await signIn(page, 'alice', 'Alice Kim');
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith('session_token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await page.context().addCookies([{ ...session!, value: `${session!.value.slice(0, -4)}AAAA` }]);
  await page.goto(`${APP_URL}/clusters`);
  await expect(page).toHaveURL(/\/sign-in/);

  await page.context().addCookies([session!]);
  await page.goto(`${APP_URL}/clusters`);
  await expect(page).toHaveURL(`${APP_URL}/clusters`);
  // The session ends (its identity-provider session was not renewed in time).
  const db = new Database(databaseFile);
  const { expiresAt } = db.prepare('select expiresAt from auth_sessions limit 1').get() as { expiresAt: unknown };
  // In the form Better Auth stores it, an hour ago.
  const past = new Date(Date.now() - 3_600_000);
  const ended =
    typeof expiresAt === 'number' ? (expiresAt > 1e12 ? past.getTime() : past.getTime() / 1000) : past.toISOString();
  db.prepare('update auth_sessions set expiresAt = ?').run(ended);
  db.close();
  await page.goto(`${APP_URL}/clusters/create`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclusters%2Fcreate$/);

  const crossSite = await page.request.post(`${APP_URL}/clusters/create`, {
    headers: { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: 'clusterName=payments-evil',
  });
  expect(crossSite.status()).toBe(403);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'alice', 'Alice Kim');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto(`${APP_URL}/clusters`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an admin sees every team’s clusters and requests, and can pick a team', async ({ page }) => {
  for (const [name, team] of [
    ['payments-one', 'payments'],
    ['search-one', 'search'],
  ]) {
    await ecs.send(new CreateClusterCommand({ clusterName: name, tags: [{ key: 'team', value: team! }] }));
  }
  await signIn(page, 'admin', 'Ada Admin');
  await expect(page.getByRole('form', { name: 'Your account' })).toContainText('platform admin');
  await expect(page.getByRole('row', { name: /search-one/ })).toContainText('search');
  await page.getByLabel('Team').selectOption('payments');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/clusters\?.*team=payments/);
  await expect(page.getByRole('link', { name: 'payments-one' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'search-one' })).toHaveCount(0);
  await page.goto(`${APP_URL}/requests`);
  await expect(page.getByRole('link', { name: 'search-index' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'payments-web' })).toBeVisible();
  await page.goto(`${APP_URL}/requests?team=search`);
  await expect(page.getByRole('link', { name: 'search-index' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'payments-web' })).toHaveCount(0);

  // The form starts with the first team, search. Choosing payments raises Container Insights to its
  // minimum in the Monitoring section, which is sent as set though nobody opened it.
  await openCreatePage(page);
  await expect(page.getByLabel('Team', { exact: true })).toHaveValue('search');
  await page.getByLabel('Team', { exact: true }).selectOption('payments');
  await page.getByLabel('Cluster name').fill('payments-by-admin');
  await page.getByLabel('Value of tag 1').fill('cc-100');
  await create(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Cluster payments-by-admin has been created.' }),
  ).toBeVisible();
  expect((await describeCluster('payments-by-admin'))?.settings).toEqual([
    { name: 'containerInsights', value: 'enabled' },
  ]);
});

test('deletes follow the team’s rules: search may not delete, payments deletes its own, and the audit trail names the person', async ({
  page,
  browser,
}) => {
  for (const [name, team] of [
    ['search-logs', 'search'],
    ['payments-old', 'payments'],
  ]) {
    await ecs.send(new CreateClusterCommand({ clusterName: name, tags: [{ key: 'team', value: team! }] }));
  }
  await signIn(page, 'alice', 'Alice Kim');
  // Another team's cluster is not there for her, on its page or its delete page.
  await page.goto(`${APP_URL}/clusters/search-logs/delete`);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'No cluster named search-logs exists in this Region.',
  );

  await page.goto(`${APP_URL}/clusters/payments-old/delete`);
  await expectNoViolations(page);
  const requestId = await page.locator('input[name="requestId"]').inputValue();
  await page.getByLabel('To confirm deletion, type “payments-old” in the field.').fill('payments-old');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cluster payments-old has been deleted' })).toBeVisible({
    timeout: 20_000,
  });
  expect((await describeCluster('payments-old'))?.status).toBe('INACTIVE');
  const events = auditEvents(requestId);
  expect(events[0]).toMatchObject({ actor: 'alice@example.com', team: 'payments', action: 'allowed' });
  expect(events.map((event) => event.action)).toEqual(['allowed', 'submitted', 'claimed', 'succeeded']);

  // The search team's rules say allowDeletes: false.
  const bobsBrowser = await browser.newContext();
  const bob = await bobsBrowser.newPage();
  await signIn(bob, 'bob', 'Bob Lee');
  await bob.goto(`${APP_URL}/clusters/search-logs`);
  await expect(bob.getByRole('heading', { level: 1, name: 'search-logs' })).toBeVisible();
  await expect(bob.getByRole('link', { name: 'Delete cluster' })).toHaveCount(0);
  await bob.goto(`${APP_URL}/clusters/search-logs/delete`);
  await expect(bob.getByRole('main').getByRole('alert')).toHaveText(
    'Your team’s rules do not let its people delete its clusters. A platform admin can.',
  );
  await expect(bob.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  expect((await describeCluster('search-logs'))?.status).toBe('ACTIVE');
  await bobsBrowser.close();
});

test('the audit page: a member sees their team’s decisions, an admin every team’s, filtered, and both download them', async ({
  page,
  browser,
}) => {
  // Column cells of the audit table: the time is the row's header, then request, action, who, team, decision.
  const column = (on: Page, index: number) => on.locator(`table tbody tr > :nth-child(${index})`).allTextContents();
  await signIn(page, 'alice', 'Alice Kim');
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expectNoViolations(page);
  // The earlier tests' decisions: alice's refused and allowed creates, all of team payments.
  expect(new Set(await column(page, 5))).toEqual(new Set(['payments']));
  expect(await column(page, 6)).toEqual(expect.arrayContaining(['Refused', 'Allowed', 'Submitted']));

  await page.getByLabel('Decision').selectOption('refused');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\/audit\?.*decision=refused/);
  expect(new Set(await column(page, 6))).toEqual(new Set(['Refused']));
  // Each refusal says which rule, in words.
  await expect(page.locator('table tbody tr').first()).toContainText('Your team');

  // The CSV holds the same events, the member's team's only.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('at,requestId,clusterName,kind,actor,team,decision,policyVersion,violations,worker');
  expect(csv.length - 1).toBe(await page.locator('table tbody tr').count());
  expect(csv.slice(1).every((row) => row.includes(',payments,refused,'))).toBe(true);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin', 'Ada Admin');
  await admin.goto(`${APP_URL}/audit?actor=bob%40example.com`);
  expect(new Set(await column(admin, 4))).toEqual(new Set(['bob@example.com']));
  expect(new Set(await column(admin, 5))).toEqual(new Set(['search']));
  // A date the filter cannot read is said at the form, and nothing is listed.
  await admin.goto(`${APP_URL}/audit?since=someday`);
  await expect(admin.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
  await expect(admin.getByLabel('From')).toHaveAccessibleDescription(/The filter’s From cannot be read/);
});

test('a team at its cluster cap is refused, counting the team’s ACTIVE clusters in AWS', async ({ page }) => {
  // Five ACTIVE clusters tagged for payments, made outside the app; one of another team's.
  await ecs.send(new CreateClusterCommand({ clusterName: 'search-a', tags: [{ key: 'team', value: 'search' }] }));
  for (const name of ['payments-a', 'payments-b', 'payments-c', 'payments-d', 'payments-e']) {
    await ecs.send(new CreateClusterCommand({ clusterName: name, tags: [{ key: 'team', value: 'payments' }] }));
  }
  await signIn(page, 'alice', 'Alice Kim');
  await openCreatePage(page);
  await page.getByLabel('Cluster name').fill('payments-sixth');
  await page.getByLabel('Value of tag 1').fill('cc-100');
  await create(page);
  await expect(page.getByLabel('Cluster name')).toHaveAccessibleDescription(
    /Team payments already has 5 active clusters, its limit\./,
  );
  expect(await clusterNames()).not.toContain('payments-sixth');
});

test('an invalid policy file stops the server with every problem by line', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.yaml');
  writeFileSync(file, 'teams:\n  payments:\n    maxInstances: lots\n    prefix: payments-\n');
  const env = {
    ...process.env,
    ...portalEnvironment(idp.issuer),
    POLICY_FILE: file,
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'policy-')), 'journal.db')}`,
  };
  const server = spawn(
    process.execPath,
    [join(__dirname, '..', 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', '3118', '-H', '127.0.0.1'],
    { env },
  );
  keepServerLog(server, 'invalid-policy', env);
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
  expect(code).not.toBe(0);
  expect(output).toContain(`The policy file ${file} cannot be used:`);
  expect(output).toContain('line 3: teams.payments.maxInstances');
  expect(output).toContain('line 4: teams.payments.prefix is not a rule this app knows');
});
