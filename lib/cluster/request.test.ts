import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod/mini';
import { clusterRequestSchema } from './request';
import { TEST_REQUEST_ID, validRequest } from '@/lib/cluster-form/test-values';

const fargateOnly = { requestId: TEST_REQUEST_ID, clusterName: 'demo', infrastructure: { type: 'fargate' }, tags: [] };

describe('ClusterRequest', () => {
  it('is the domain: numbers are numbers, the infrastructure one shape, settings left alone absent', () => {
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

  it('refuses form strings where numbers belong', () => {
    const withStrings = structuredClone(
      validRequest({
        ec2: true,
        instanceType: 't3.medium',
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        subnetIds: ['subnet-0aaaaaaaaaaaaaaaa'],
        securityGroupIds: ['sg-0dddddddddddddddd'],
      }),
    ) as {
      infrastructure: { instances: Record<string, unknown> };
    };
    withStrings.infrastructure.instances.minSize = '0';
    expect(clusterRequestSchema.safeParse(withStrings).success).toBe(false);
    expect(clusterRequestSchema.safeParse(fargateOnly).success).toBe(true);
  });

  it('refuses a request with no infrastructure', () => {
    expect(
      clusterRequestSchema.safeParse({ ...fargateOnly, infrastructure: undefined }).error?.issues[0]?.message,
    ).toBe('validation.infrastructure.required');
  });

  it('can be published as a JSON schema', () => {
    const schema = toJSONSchema(clusterRequestSchema, { io: 'input' }) as { required?: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['requestId', 'clusterName', 'infrastructure', 'tags']));
    expect(JSON.stringify(schema)).toContain('ec2NewGroup');
  });
});
