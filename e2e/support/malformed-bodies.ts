/**
 * Bodies no ClusterRequest endpoint may accept, made from one valid request by breaking it one
 * way at a time: every field given each wrong type, unknown and prototype-polluting keys at every
 * level, huge strings, deep nesting, bad ARNs, duplicate tags, and bodies that are not JSON objects
 * at all. Each is named, and says which answers are acceptable.
 */

export interface MalformedBody {
  name: string;
  /** The raw body sent. */
  body: string | Uint8Array;
  contentType?: string;
  /** 400 not JSON, 413 too large, 415 not JSON's content type, 422 not a valid request. */
  statuses: number[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a leaf (string, number, boolean) of a JSON value, with the leaf. */
function leaves(value: Json, path: (string | number)[] = []): [(string | number)[], Json][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [[path, value]];
}

/** Every path to an object (the body itself included). */
function objects(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objects(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([key, item]) => objects(item, [...path, key]))];
  }
  return [];
}

/** A copy with the value at `path` replaced (or, with `undefined`, an object changed in place by `change`). */
function withChange(value: Json, path: (string | number)[], change: (old: Json) => Json): Json {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  const copy = structuredClone(value) as Record<string | number, Json>;
  copy[head!] = withChange(copy[head!]!, rest, change);
  return copy;
}

const WRONG_TYPES: Record<string, Json[]> = {
  string: [null, 42, true, [], {}],
  number: [null, '3', true, [], {}, 1.5, -1, 1e9],
  boolean: [null, 'true', 1, [], {}],
};

function deeplyNested(depth: number, open: string, close: string, inner = '1') {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

export function malformedBodies(valid: Record<string, Json>): MalformedBody[] {
  const json = (name: string, body: Json, statuses = [422]): MalformedBody => ({
    name,
    body: JSON.stringify(body),
    statuses,
  });
  const cases: MalformedBody[] = [];

  // Each field given each type it does not take.
  for (const [path, leaf] of leaves(valid)) {
    for (const wrong of WRONG_TYPES[typeof leaf] ?? []) {
      // Numbers that are whole and in range are right for number fields; these are out of every range here.
      cases.push(
        json(
          `${path.join('.')} = ${JSON.stringify(wrong)}`,
          withChange(valid, path, () => wrong),
        ),
      );
    }
    if (typeof leaf === 'string') {
      cases.push(
        json(
          `${path.join('.')} is 20,000 characters`,
          withChange(valid, path, () => 'x'.repeat(20_000)),
        ),
      );
      // A tag's value may be empty; every other text here may not.
      if (path.at(-1) !== 'value')
        cases.push(
          json(
            `${path.join('.')} is empty`,
            withChange(valid, path, () => ''),
          ),
        );
      cases.push(
        json(
          `${path.join('.')} has a NUL`,
          withChange(valid, path, (old) => `${String(old)}\u0000`),
        ),
      );
    }
  }

  // Unknown and prototype-polluting keys at every level.
  for (const path of objects(valid)) {
    const where = path.join('.') || 'the body';
    for (const key of ['clusterNmae', 'isAdmin', 'constructor', 'prototype']) {
      cases.push(
        json(
          `${key} in ${where}`,
          withChange(valid, path, (old) => ({ ...(old as Record<string, Json>), [key]: 'x' })),
        ),
      );
    }
    // JSON.stringify would drop a __proto__ key set on an object: write it into the text.
    const text = JSON.stringify(withChange(valid, path, (old) => ({ __marker__: true, ...(old as object) })));
    cases.push({
      name: `__proto__ in ${where}`,
      body: text.replace('"__marker__":true', '"__proto__":{"polluted":true}'),
      statuses: [422],
    });
  }

  // Bad ARNs and references, and duplicate tags.
  const arns = [
    'arn:aws:servicediscovery',
    'arn:aws:kms:us-east-1:123:key/x',
    'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:bad',
    'arn:aws:iam::123456789012:role/../admin',
    'arn:aws:ecs:us-east-1:123456789012:cluster/x',
    'arn::::',
  ];
  for (const arn of arns) {
    cases.push(json(`namespace ARN ${arn}`, { ...valid, namespace: arn }));
    cases.push(json(`KMS key ARN ${arn}`, { ...valid, managedStorage: { kmsKeyId: arn } }));
    cases.push(
      json(`Auto Scaling group ARN ${arn}`, {
        ...valid,
        infrastructure: { type: 'ec2ExistingGroup', fargate: false, autoScalingGroupArn: arn },
      }),
    );
  }
  const tags = valid.tags as Json[];
  for (const key of ['cost-center', 'owner', 'Owner ']) {
    cases.push(
      json(`duplicate tag key ${key}`, {
        ...valid,
        tags: [...tags, { key, value: 'cc-100' }, { key, value: 'cc-200' }],
      }),
    );
  }
  cases.push(json('a tag key with aws: prefix', { ...valid, tags: [...tags, { key: 'aws:x', value: 'y' }] }));
  cases.push(
    json('60 tags', { ...valid, tags: Array.from({ length: 60 }, (_, index) => ({ key: `k${index}`, value: 'v' })) }),
  );

  // Deep nesting, in a known field and in an unknown one.
  for (const depth of [100, 1000, 10_000]) {
    cases.push({
      name: `tags nested ${depth} arrays deep`,
      body: JSON.stringify({ ...valid, tags: '@' }).replace('"@"', deeplyNested(depth, '[', ']')),
      statuses: [422],
    });
    cases.push({
      name: `an unknown field nested ${depth} objects deep`,
      body: JSON.stringify({ ...valid, extra: '@' }).replace('"@"', deeplyNested(depth, '{"a":', '}')),
      statuses: [422],
    });
  }

  // Not a JSON object, or not JSON.
  for (const value of ['null', '1', '"text"', 'true', '[]', '[{}]']) {
    cases.push({ name: `the body is ${value}`, body: value, statuses: [422] });
  }
  for (const text of ['', '{', '{"clusterName": }', "{'clusterName': 'x'}", '{"a":1,}', 'NaN', '{"a": undefined}']) {
    cases.push({ name: `not JSON: ${JSON.stringify(text)}`, body: text, statuses: [400] });
  }
  cases.push({
    name: 'invalid UTF-8',
    body: new Uint8Array([...Buffer.from('{"clusterName":"'), 0xff, 0x22, 0x7d]),
    statuses: [400],
  });

  // Too large, and not sent as JSON.
  cases.push(json('over 64 KiB in one field', { ...valid, namespace: 'n'.repeat(70_000) }, [413]));
  cases.push(
    json(
      'over 64 KiB of tags',
      { ...valid, tags: Array.from({ length: 3000 }, () => ({ key: 'kkkkkkkkkk', value: 'vvvvvvvvvvvvvvv' })) },
      [413],
    ),
  );
  for (const contentType of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'application/jsonp',
    '',
  ]) {
    cases.push({
      name: `sent as ${contentType || 'no content type'}`,
      body: JSON.stringify(valid),
      contentType,
      statuses: [415],
    });
  }
  return cases;
}
