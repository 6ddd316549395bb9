import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from './zod-field-errors';
import type { ClusterFormValues } from './fields';
import { clusterFormSchema } from './form-schema';
import { formValues, TEST_REQUEST_ID, validRequest } from './test-values';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function errorsOf(change: Partial<ClusterFormValues>) {
  const result = clusterFormSchema.safeParse(formValues(change));
  return result.success ? {} : fieldErrorsFromZod(result.error);
}

describe('cluster name', () => {
  it.each([
    ['a', undefined],
    ['a'.repeat(255), undefined],
    ['My_Cluster-01', undefined],
    ['', 'validation.clusterName.required'],
    ['a'.repeat(256), 'validation.clusterName.tooLong'],
    ['my cluster', 'validation.clusterName.characters'],
    ['my.cluster', 'validation.clusterName.characters'],
    ['클러스터', 'validation.clusterName.characters'],
    ['name/with/slash', 'validation.clusterName.characters'],
  ])('%j → %s', (clusterName, expected) => {
    expect(errorsOf({ clusterName }).clusterName).toBe(expected);
  });
});

describe('default namespace', () => {
  it('says nothing of its own while it follows a mistyped cluster name', () => {
    expect(errorsOf({ clusterName: 'my cluster', namespace: 'my cluster' })).toEqual({
      clusterName: 'validation.clusterName.characters',
    });
    expect(errorsOf({ clusterName: 'my cluster', namespace: 'my ns' }).namespace).toBe(
      'validation.namespace.characters',
    );
  });

  it.each([
    ['', undefined],
    ['demo', undefined],
    ['svc.local', undefined],
    ['a'.repeat(1024), undefined],
    ['a'.repeat(1025), 'validation.namespace.tooLong'],
    ['has space', 'validation.namespace.characters'],
    ['a<b', 'validation.namespace.characters'],
    ['a>b', 'validation.namespace.characters'],
    ['a"b', 'validation.namespace.characters'],
    ['a/b', 'validation.namespace.characters'],
    ['네임스페이스', 'validation.namespace.characters'],
    ['arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-abc123', undefined],
    ['arn:aws:servicediscovery:us-east-1:1111:namespace/ns-abc123', 'validation.namespace.arn'],
    ['arn:aws:ecs:us-east-1:111122223333:cluster/demo', 'validation.namespace.arn'],
  ])('%j → %s', (namespace, expected) => {
    expect(errorsOf({ namespace }).namespace).toBe(expected);
  });
});

describe('KMS key ARNs', () => {
  it.each([
    ['', undefined],
    [KEY_ARN, undefined],
    ['arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', undefined],
    ['1234abcd-12ab-34cd-56ef-1234567890ab', 'validation.kmsKey.format'],
    ['arn:aws:kms:us-east-1:111122223333:alias/my-key', 'validation.kmsKey.alias'],
    ['alias/my-key', 'validation.kmsKey.alias'],
    ['arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab', 'validation.kmsKey.multiRegion'],
    ['arn:aws:kms:us-east-1:111122223333:key/1234ABCD-12AB-34CD-56EF-1234567890AB', 'validation.kmsKey.format'],
  ])('%j → %s', (arn, expected) => {
    expect(errorsOf({ execKmsKeyId: arn }).execKmsKeyId).toBe(expected);
    expect(errorsOf({ managedStorageKmsKeyId: arn }).managedStorageKmsKeyId).toBe(expected);
    expect(errorsOf({ fargateEphemeralStorageKmsKeyId: arn }).fargateEphemeralStorageKmsKeyId).toBe(expected);
  });
});

describe('ECS Exec logging destinations', () => {
  it.each([
    ['/ecs/exec-logs', undefined],
    ['a'.repeat(512), undefined],
    ['', 'validation.logGroup.required'],
    ['a'.repeat(513), 'validation.logGroup.tooLong'],
    ['logs with space', 'validation.logGroup.characters'],
    ['logs*', 'validation.logGroup.characters'],
  ])('log group %j → %s', (execLogGroupName, expected) => {
    expect(errorsOf({ execLogging: 'OVERRIDE', execCloudWatch: true, execLogGroupName }).execLogGroupName).toBe(
      expected,
    );
  });

  it.each([
    ['my-bucket', undefined],
    ['abc', undefined],
    ['a'.repeat(63), undefined],
    ['logs.example.com', undefined],
    ['', 'validation.bucket.required'],
    ['ab', 'validation.bucket.length'],
    ['a'.repeat(64), 'validation.bucket.length'],
    ['My-Bucket', 'validation.bucket.characters'],
    ['-bucket', 'validation.bucket.characters'],
    ['bucket-', 'validation.bucket.characters'],
    ['my..bucket', 'validation.bucket.characters'],
    ['192.168.1.1', 'validation.bucket.characters'],
    ['my_bucket', 'validation.bucket.characters'],
  ])('bucket %j → %s', (execS3BucketName, expected) => {
    expect(errorsOf({ execLogging: 'OVERRIDE', execS3: true, execS3BucketName }).execS3BucketName).toBe(expected);
  });

  it('ignores the destinations of the options not chosen', () => {
    expect(errorsOf({ execLogging: 'DEFAULT', execLogGroupName: 'bad name', execS3BucketName: 'BAD' })).toEqual({});
    expect(errorsOf({ execLogging: 'NONE', execLogGroupName: '', execS3BucketName: '' })).toEqual({});
  });

  it('limits the key prefix to 1,024 characters', () => {
    expect(
      errorsOf({ execLogging: 'OVERRIDE', execS3: true, execS3BucketName: 'b-1', execS3KeyPrefix: 'p'.repeat(1024) }),
    ).toEqual({});
    expect(
      errorsOf({ execLogging: 'OVERRIDE', execS3: true, execS3BucketName: 'b-1', execS3KeyPrefix: 'p'.repeat(1025) })
        .execS3KeyPrefix,
    ).toBe('validation.s3KeyPrefix.tooLong');
  });

  it('needs a destination for custom logging', () => {
    expect(errorsOf({ execLogging: 'OVERRIDE' }).execLogging).toBe('validation.execLogging.destination');
    expect(errorsOf({ execLogging: 'OVERRIDE', execS3: true, execS3BucketName: 'b-1' })).toEqual({});
  });

  it('accepts only the offered choices', () => {
    expect(errorsOf({ execLogging: 'SYSLOG' as never }).execLogging).toBe('validation.choice');
    expect(errorsOf({ monitoring: 'on' as never }).monitoring).toBe('validation.choice');
  });
});

describe('tags', () => {
  const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `key-${i}`, value: `value-${i}` }));

  it.each([
    [{ key: 'team', value: '' }, undefined, undefined],
    [{ key: '팀', value: '결제 서비스' }, undefined, undefined],
    [{ key: 'チーム', value: 'Zürich café' }, undefined, undefined],
    [{ key: 'a:b/c=d+e-f@g_h.i j', value: 'a:b/c=d+e-f@g_h.i j' }, undefined, undefined],
    [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }, undefined, undefined],
    [{ key: '', value: 'x' }, 'validation.tag.keyRequired', undefined],
    [{ key: 'k'.repeat(129), value: '' }, 'validation.tag.keyTooLong', undefined],
    [{ key: 'k', value: 'v'.repeat(257) }, undefined, 'validation.tag.valueTooLong'],
    [{ key: 'cost*center', value: '' }, 'validation.tag.characters', undefined],
    [{ key: 'k', value: 'a#b' }, undefined, 'validation.tag.characters'],
    [{ key: 'k', value: 'emoji 🚀' }, undefined, 'validation.tag.characters'],
    [{ key: 'aws:team', value: '' }, 'validation.tag.reservedPrefix', undefined],
    [{ key: 'AWS:team', value: '' }, 'validation.tag.reservedPrefix', undefined],
    [{ key: 'Aws:team', value: '' }, 'validation.tag.reservedPrefix', undefined],
    [{ key: 'team', value: 'aWs:x' }, undefined, 'validation.tag.reservedPrefix'],
    [{ key: 'my-aws:team', value: '' }, undefined, undefined],
  ])('%j → key %s, value %s', (tag, keyError, valueError) => {
    const errors = errorsOf({ tags: [tag] });
    expect(errors['tags.0.key']).toBe(keyError);
    expect(errors['tags.0.value']).toBe(valueError);
  });

  it('allows 49 tags and refuses 50 (one of ECS’s 50 is the request tag)', () => {
    expect(errorsOf({ tags: tags(49) })).toEqual({});
    expect(errorsOf({ tags: tags(50) }).tags).toBe('validation.tags.tooMany');
  });

  it('flags each repeated key, case-sensitively', () => {
    const errors = errorsOf({
      tags: [
        { key: 'team', value: 'a' },
        { key: 'Team', value: 'b' },
        { key: 'team', value: 'c' },
      ],
    });
    expect(errors).toEqual({ 'tags.2.key': 'validation.tag.duplicateKey' });
  });
});

describe('the rest of the form', () => {
  it('needs at least one kind of infrastructure', () => {
    expect(errorsOf({ fargate: false }).fargate).toBe('validation.infrastructure.required');
  });

  it('needs the request id the page issued', () => {
    expect(errorsOf({ requestId: '' }).requestId).toBe('validation.requestId');
    expect(errorsOf({ requestId: 'not-a-uuid' }).requestId).toBe('validation.requestId');
  });

  it('accepts the defaults once a name is given', () => {
    expect(errorsOf({})).toEqual({});
  });

  it('drops a leading byte order mark from each text, as a form posted without JavaScript arrives', () => {
    const request = clusterFormSchema.parse(
      formValues({ clusterName: '\uFEFFdemo', tags: [{ key: '\uFEFFteam', value: '\uFEFFpayments' }] }),
    );
    expect(request.clusterName).toBe('demo');
    expect(request.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(errorsOf({ clusterName: 'de\uFEFFmo' }).clusterName).toBe('validation.clusterName.characters');
  });
});

describe('what the form leaves out of the request', () => {
  const requestOf = (change: Partial<ClusterFormValues>) => clusterFormSchema.parse(formValues(change));

  it('a Container Insights level left at the account’s default, which ECS then applies', () => {
    expect(requestOf({ monitoringDefault: 'enhanced', monitoring: 'enhanced' }).monitoring).toBeUndefined();
    expect(requestOf({ monitoringDefault: 'enhanced', monitoring: 'disabled' }).monitoring).toBe('disabled');
  });

  it('the ECS Exec destinations not chosen, whatever their fields hold', () => {
    expect(
      requestOf({ execLogging: 'NONE', execLogGroupName: '/ecs/exec', execS3BucketName: 'exec-logs' }).executeCommand,
    ).toEqual({ logging: 'NONE' });
  });

  it('an empty namespace', () => {
    expect(requestOf({ namespace: '' }).namespace).toBeUndefined();
  });
});

describe('the form’s values as the domain request', () => {
  const fargateOnly = {
    requestId: TEST_REQUEST_ID,
    clusterName: 'demo',
    infrastructure: { type: 'fargate' },
    tags: [],
  };

  it('numbers are numbers, the infrastructure one shape, settings left alone absent', () => {
    expect(validRequest()).toEqual(fargateOnly);
    const ec2 = validRequest({
      ec2: true,
      instanceType: 't3.medium',
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      subnetIds: ['subnet-0aaaaaaaaaaaaaaaa'],
      securityGroupIds: ['sg-0dddddddddddddddd'],
      minSize: '1',
      maxSize: '3',
    });
    expect(ec2.infrastructure).toEqual({
      type: 'ec2NewGroup',
      fargate: true,
      instances: {
        amiFamily: 'al2023',
        instanceType: 't3.medium',
        minSize: 1,
        maxSize: 3,
        rootVolumeSize: 30,
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        subnetIds: ['subnet-0aaaaaaaaaaaaaaaa'],
        securityGroup: { type: 'existing', ids: ['sg-0dddddddddddddddd'] },
        publicIp: 'subnet',
      },
    });
  });
});
