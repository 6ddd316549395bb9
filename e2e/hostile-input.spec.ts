import type { APIRequestContext } from '@playwright/test';
import { actionFields, clusterFormFields } from '../scripts/form-post.mjs';
import { callsSeen, clusterNames, resetAws } from './support/aws';
import { expect, expectCreated, formRuns, test } from './support/fixtures';

/**
 * Requests no page of this app sends: each is answered 4xx with a message, the server keeps
 * answering, and AWS is never asked anything (the fault proxy in front of moto counts every call).
 */

interface Hostile {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The exact status when it matters; any 4xx otherwise. */
  status?: number;
}

const BOUNDARY = '----hostile7MA4YWxkTrZu0gW';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart body with these fields in this order (React sends the arguments field last). */
function multipart(fields: [string, string][]): string {
  return (
    fields
      .map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${BOUNDARY}--\r\n`
  );
}

const FORM = Object.entries(clusterFormFields('hostile'));
const prefixed = (prefix: string) => FORM.map(([name, value]): [string, string] => [prefix + name, value]);
const EDITING = JSON.stringify({ status: 'editing' });

/** Texts that are not what the JavaScript form sends as its arguments, in many shapes. */
const BODIES: [string, string][] = [
  ['empty', ''],
  ['a word', 'hello'],
  ['an empty array', '[]'],
  ['an object', '{"clusterName":"x"}'],
  ['numbers', '[1,2]'],
  ['a lone form reference', '["$K1"]'],
  ['two objects', '[{},{}]'],
  ['a form reference with no form', '[{},"$K1"]'],
  ['null', 'null'],
  ['a string', '"cluster"'],
  ['a number', '123'],
  ['true', 'true'],
  ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['a prototype key', '{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}'],
  ['broken JSON', '[{"status":"editing"'],
  ['control characters', '\u0000\u0001\u0002\u001b[31m'],
  ['Korean text', '클러스터 만들기'],
  ['a long word', 'a'.repeat(100_000)],
  ['a promise reference', '["$@1","$K1"]'],
  ['a server reference', '["$h1","$K1"]'],
];
const TYPES = [
  'text/plain;charset=UTF-8',
  'application/json',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/xml',
];

function hostileRequests(actionId: string, noJsFields: [string, string][]): Hostile[] {
  const withAction = { 'next-action': actionId };
  const cases: Hostile[] = [];

  // Raw bodies of every type, with and without an action, to the create page and another page.
  for (const path of ['/clusters/create', '/clusters']) {
    for (const [bodyName, body] of BODIES) {
      for (const type of TYPES) {
        cases.push({
          name: `${type} ${bodyName} as an action to ${path}`,
          path,
          headers: { ...withAction, 'content-type': type },
          body,
          status: type.startsWith('text/plain') ? 400 : 415,
        });
      }
    }
  }
  for (const [bodyName, body] of BODIES) {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      cases.push({
        name: `${type} ${bodyName} without an action`,
        headers: { 'content-type': type },
        body,
        status: 415,
      });
    }
  }

  // The JavaScript form's encoding, with arguments that are not (previous answer, form).
  const argumentsOf: [string, string][] = [
    ['no previous answer', '["$K1"]'],
    ['three arguments', `[${EDITING},"$K1","more"]`],
    ['the form as plain text', `[${EDITING},"clusterName"]`],
    ['the form as an object', `[${EDITING},{"clusterName":"x"}]`],
    ['an object for arguments', `{"0":${EDITING},"1":"$K1"}`],
    ['a number for the previous answer', '[5,"$K1"]'],
    ['a string for the previous answer', '["editing","$K1"]'],
    ['a promise for the previous answer', '["$@9","$K1"]'],
    ['a Map in the previous answer', '[{"status":"$Q2"},"$K1"]'],
    ['a BigInt in the previous answer', '[{"status":"$n99999999999999999999"},"$K1"]'],
    ['a Date in the previous answer', '[{"status":"$D2020-01-01"},"$K1"]'],
    ['a Blob in the previous answer', '[{"status":"$B1"},"$K1"]'],
    ['a server function in the previous answer', '[{"status":"$h2"},"$K1"]'],
    ['an iterator in the previous answer', '[{"status":"$i2"},"$K1"]'],
    ['a temporary reference', '[{"status":"$T"},"$K1"]'],
    ['a deep previous answer', `[${'{"a":'.repeat(40)}1${'}'.repeat(40)},"$K1"]`],
    ['broken JSON', `[${EDITING},"$K1"`],
    ['empty arguments', ''],
    ['a form reference out of range', `[${EDITING},"$Kzz"]`],
    ['a stream for the form', `[${EDITING},"$R1"]`],
  ];
  for (const [argsName, args] of argumentsOf) {
    cases.push({
      name: `JavaScript post with ${argsName}`,
      headers: { ...withAction, 'content-type': MULTIPART },
      body: multipart([...prefixed('_1_'), ['0', args]]),
      status: 400,
    });
  }
  cases.push({
    name: 'JavaScript post with no arguments field',
    headers: { ...withAction, 'content-type': MULTIPART },
    body: multipart(prefixed('_1_')),
    status: 400,
  });

  // The form without JavaScript, with a reference to its action that no page renders.
  const reference = (action: string, bound: string): [string, string][] => [
    ['$ACTION_REF_1', ''],
    ['$ACTION_1:0', action],
    ['$ACTION_1:1', bound],
  ];
  const action = JSON.stringify({ id: actionId, bound: '$@1' });
  const references: [string, [string, string][]][] = [
    ['no reference', []],
    ['an unbound action', [[`$ACTION_ID_${actionId}`, '']]],
    ['an action with nothing bound', reference(JSON.stringify({ id: actionId, bound: null }), '[]')],
    [
      'an action id that is a path',
      reference(JSON.stringify({ id: '../../etc/passwd', bound: '$@1' }), `[${EDITING}]`),
    ],
    ['an action id that is not text', reference(JSON.stringify({ id: 5, bound: '$@1' }), `[${EDITING}]`)],
    ['a number bound', reference(action, '[5]')],
    ['two answers bound', reference(action, `[${EDITING},${EDITING}]`)],
    ['nothing bound', reference(action, '[]')],
    ['a promise bound', reference(action, '["$@2"]')],
    ['broken JSON for the action', reference('{"id":', `[${EDITING}]`)],
    ['broken JSON bound', reference(action, '[{')],
    ['an extra key in the action', reference(JSON.stringify({ id: actionId, bound: '$@1', x: 1 }), `[${EDITING}]`)],
    ['two references', [...reference(action, `[${EDITING}]`), ['$ACTION_REF_2', '']]],
    ['a deep bound answer', reference(action, `[${'{"a":'.repeat(40)}1${'}'.repeat(40)}]`)],
  ];
  for (const [referenceName, fields] of references) {
    cases.push({
      name: `form without JavaScript with ${referenceName}`,
      headers: { 'content-type': MULTIPART },
      body: multipart([...fields, ...FORM]),
      status: 400,
    });
  }

  // Bodies that are not multipart, though they say so.
  const broken: [string, string, string][] = [
    ['no boundary', 'multipart/form-data', multipart(FORM)],
    ['another boundary', 'multipart/form-data; boundary=other', multipart(FORM)],
    ['a cut-off body', MULTIPART, multipart(FORM).slice(0, 120)],
    ['no part headers', MULTIPART, `--${BOUNDARY}\r\n\r\nvalue\r\n--${BOUNDARY}--\r\n`],
    [
      'a part with no name',
      MULTIPART,
      `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    ],
    ['garbage', MULTIPART, '\u0000\u00ff garbage'],
    ['an empty body', MULTIPART, ''],
  ];
  for (const [brokenName, type, body] of broken) {
    cases.push({ name: `multipart with ${brokenName}`, headers: { 'content-type': type }, body });
    cases.push({ name: `multipart action with ${brokenName}`, headers: { ...withAction, 'content-type': type }, body });
  }
  const file = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="clusterName"; filename="name.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n`;
  cases.push({
    name: 'a file in the form without JavaScript',
    headers: { 'content-type': MULTIPART },
    body: file + multipart(noJsFields),
    status: 400,
  });
  cases.push({
    name: 'a file in the JavaScript form',
    headers: { ...withAction, 'content-type': MULTIPART },
    body: file.replace('"clusterName"', '"_1_clusterName"') + multipart([['0', `[${EDITING},"$K1"]`]]),
    status: 400,
  });

  // Bodies over the limit, in both encodings.
  const huge = 'n'.repeat(300 * 1024);
  cases.push({
    name: 'a form over the limit without JavaScript',
    headers: { 'content-type': MULTIPART },
    body: multipart([...noJsFields, ['namespace', huge]]),
    status: 413,
  });
  cases.push({
    name: 'a form over the limit with JavaScript',
    headers: { ...withAction, 'content-type': MULTIPART },
    body: multipart([...prefixed('_1_'), ['_1_namespace', huge], ['0', `[${EDITING},"$K1"]`]]),
    status: 413,
  });
  cases.push({
    name: 'two megabytes of JSON',
    headers: { ...withAction, 'content-type': 'text/plain' },
    body: `["${'a'.repeat(2 * 1024 * 1024)}"]`,
    status: 413,
  });

  // Addresses with a malformed percent-encoding.
  for (const path of [
    '/clusters/%',
    '/clusters/%E0%A4%A',
    '/clusters/%ZZ',
    '/clusters/%C0%AF',
    '/clusters/%ED%A0%80',
    '/%',
    '/%zz',
    '/clusters/create/%',
    '/clusters/%FF',
    '/clusters/a%2',
    '/clusters/%%41',
    '/clusters/%u0041',
  ]) {
    cases.push({ name: `GET ${path}`, method: 'GET', path, status: 400 });
  }

  // Methods no page answers.
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    for (const path of ['/clusters/create', '/clusters', '/']) {
      cases.push({
        name: `${method} ${path}`,
        method,
        path,
        headers: { 'content-type': 'text/plain' },
        body: 'x',
        status: 405,
      });
    }
  }

  // Router state the client names that is not one.
  for (const [stateName, state] of [
    ['garbage', '%7Bgarbage'],
    ['numbers', encodeURIComponent('[1,2,3]')],
    ['an object', encodeURIComponent('{"children":[]}')],
    ['a bad percent-encoding', '%E0%A4%A'],
    ['a wrong segment', encodeURIComponent('[5,{}]')],
    ['of an unknown kind', encodeURIComponent(JSON.stringify(['', {}, null, 'bogus']))],
  ] as const) {
    cases.push({
      name: `router state that is ${stateName}`,
      method: 'GET',
      path: '/clusters/create',
      headers: { rsc: '1', 'next-router-state-tree': state },
      status: 400,
    });
  }
  return cases;
}

/** Nothing that says where the server keeps its files, what it runs, or where its AWS is. */
const LEAKS = /\bat \S+ \(|node_modules|\.next\/|\/work\/|\.tsx?\b|127\.0\.0\.1:\d|amazonaws|Error:/;

async function stillAnswers(request: APIRequestContext) {
  const answer = await request.get('/icon.svg');
  expect(answer.status()).toBe(200);
}

test('at least 250 malformed requests are each answered 4xx with a message, and AWS is never asked', async ({
  request,
  page,
}) => {
  test.setTimeout(120_000);
  const fields = actionFields(await (await request.get('/clusters/create')).text());
  const actionId = JSON.parse(Object.entries(fields).find(([name]) => name.endsWith(':0'))![1]).id as string;
  const cases = hostileRequests(actionId, [...Object.entries(fields), ...FORM]);
  expect(cases.length).toBeGreaterThanOrEqual(250);
  await resetAws();

  for (const hostile of cases) {
    const answer = await request.fetch(hostile.path ?? '/clusters/create', {
      method: hostile.method ?? 'POST',
      headers: hostile.headers,
      data: hostile.body,
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    const text = await answer.text();
    if (hostile.status) expect(answer.status(), hostile.name).toBe(hostile.status);
    expect(answer.status(), hostile.name).toBeGreaterThanOrEqual(400);
    expect(answer.status(), hostile.name).toBeLessThan(500);
    expect(text, hostile.name).toMatch(/^(Refused: .{30,}|Invalid Server Action request\.)$/s);
    expect(text, hostile.name).not.toMatch(LEAKS);
    await stillAnswers(request);
  }

  expect(await callsSeen()).toEqual([]);
  await page.goto('/clusters/create');
  await expect(page.getByRole('heading', { name: 'Create cluster', level: 1 })).toBeVisible();
});

test('the refusal is in the language of the person’s browser', async ({ request }) => {
  const answer = await request.fetch('/clusters/create', {
    method: 'PUT',
    headers: { 'accept-language': 'ko-KR,ko;q=0.9' },
    failOnStatusCode: false,
  });
  expect(answer.status()).toBe(405);
  expect(await answer.text()).toContain('거부됨');
});

test('a well-formed post with a bad value in any field gets that field’s error, and AWS is never asked', async ({
  request,
}) => {
  const fields = actionFields(await (await request.get('/clusters/create')).text());
  const actionId = JSON.parse(Object.entries(fields).find(([name]) => name.endsWith(':0'))![1]).id as string;
  const ec2 = { ec2: 'on', vpcId: 'vpc-0a1b2c3d4e5f60718', subnetIds: 'subnet-0aaaaaaaaaaaaaaaa' };
  const badValues: [field: string, change: Record<string, string>][] = [
    ['clusterName', { clusterName: 'has space' }],
    ['clusterName', { clusterName: 'nul\u0000byte' }],
    ['clusterName', { clusterName: 'c'.repeat(256) }],
    ['namespace', { namespace: 'has<angle>' }],
    ['requestId', { requestId: '../../etc/passwd' }],
    ['monitoring', { monitoring: 'everything' }],
    ['execLogging', { execLogging: 'LOUD' }],
    ['execKmsKeyId', { execKmsKeyId: 'alias/mine' }],
    ['execLogGroupName', { execLogging: 'OVERRIDE', execCloudWatch: 'on', execLogGroupName: 'has space' }],
    ['execS3BucketName', { execLogging: 'OVERRIDE', execS3: 'on', execS3BucketName: 'Not_A_Bucket' }],
    ['managedStorageKmsKeyId', { managedStorageKmsKeyId: 'arn:aws:kms:us-east-1:1:key/x' }],
    ['tags.0.key', { 'tags.0.key': 'aws:reserved', 'tags.0.value': 'x' }],
    ['autoScalingGroupArn', { ...ec2, autoScalingGroupArn: 'arn:aws:autoscaling:nowhere' }],
    ['amiFamily', { ...ec2, amiFamily: 'evil' }],
    ['provisioningModel', { ...ec2, provisioningModel: 'FREE' }],
    ['instanceType', { ...ec2, instanceType: 'x'.repeat(100) }],
    ['instanceProfile', { ...ec2, instanceProfile: 'no spaces allowed' }],
    ['keyName', { ...ec2, keyName: 'k'.repeat(256) }],
    ['minSize', { ...ec2, minSize: '-1' }],
    ['maxSize', { ...ec2, maxSize: '1e3' }],
    ['rootVolumeSize', { ...ec2, rootVolumeSize: '999999' }],
    ['vpcId', { ...ec2, vpcId: 'vpc-xyz' }],
    ['subnetIds', { ...ec2, subnetIds: 'subnet-1' }],
    ['securityGroupIds', { ...ec2, securityGroupIds: 'sg-zz' }],
    ['publicIp', { ...ec2, publicIp: 'sometimes' }],
  ];
  await resetAws();
  for (const [field, change] of badValues) {
    const values = Object.entries({ ...Object.fromEntries(FORM), ...change });
    const answer = await request.post('/clusters/create', {
      headers: { 'next-action': actionId, 'content-type': MULTIPART },
      data: multipart([
        ...values.map(([name, value]): [string, string] => [`_1_${name}`, value]),
        ['0', `[${EDITING},"$K1"]`],
      ]),
    });
    expect(answer.status(), field).toBe(200);
    expect(await answer.text(), field).toMatch(
      new RegExp(`"fieldErrors":\\{[^}]*"${field.replaceAll('.', '\\.')}":"validation\\.`),
    );
  }
  expect(await callsSeen()).toEqual([]);
});

test('a leading byte order mark is dropped the same way with and without JavaScript', async ({ page, request }) => {
  const fields = actionFields(await (await request.get('/clusters/create')).text());
  const withoutJavaScript = await request.post('/clusters/create', {
    multipart: { ...fields, ...clusterFormFields('\uFEFFbom-plain') },
    maxRedirects: 0,
  });
  expect(withoutJavaScript.status()).toBe(303);

  await page.goto('/clusters/create');
  await formRuns(page);
  await page.getByLabel('Cluster name').fill('\uFEFFbom-script');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expectCreated(page, 'bom-script');
  expect((await clusterNames()).sort()).toEqual(['bom-plain', 'bom-script']);
});

test('without JavaScript, an unknown AMI family posted from the EC2 page is a field error, not a broken page', async ({
  request,
}) => {
  const fields = actionFields(await (await request.get('/clusters/create?ec2=1')).text());
  await resetAws();
  const answer = await request.post('/clusters/create?ec2=1', {
    multipart: { ...fields, ...clusterFormFields('unknown-ami'), ec2: 'on', amiFamily: 'evil' },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(200);
  const page = await answer.text();
  expect(page).toMatch(/id="amiFamily-error"[^]*?Select one of the options\./);
  expect((await callsSeen()).filter((operation) => /^(Create|Put|Run)/.test(operation))).toEqual([]);
});
