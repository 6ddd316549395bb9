import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod/mini';
import { clusterRequestSchema } from './request';
import { TEST_REQUEST_ID, validRequest } from './test-requests';

const fargateOnly = { requestId: TEST_REQUEST_ID, clusterName: 'demo', infrastructure: { type: 'fargate' }, tags: [] };

describe('ClusterRequest', () => {
  it('is the domain: numbers are numbers, the infrastructure one shape, settings left alone absent', () => {
    expect(validRequest()).toEqual(fargateOnly);
    const ec2 = validRequest({
      ec2: true,
      instanceType: 't3.medium',
      vpcId: 'vpc-1',
      subnetIds: ['subnet-a'],
      securityGroupIds: ['sg-1'],
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
        vpcId: 'vpc-1',
        subnetIds: ['subnet-a'],
        securityGroup: { type: 'existing', ids: ['sg-1'] },
        publicIp: 'subnet',
      },
    });
  });

  it('refuses form strings where numbers belong', () => {
    const withStrings = structuredClone(
      validRequest({ ec2: true, instanceType: 't3.medium', vpcId: 'v', subnetIds: ['s'], securityGroupIds: ['g'] }),
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
