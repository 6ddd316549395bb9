import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod/mini';
import { clusterRequestSchema } from './request';
import { anEc2Request, TEST_REQUEST_ID } from './builders';

const fargateOnly = { requestId: TEST_REQUEST_ID, clusterName: 'demo', infrastructure: { type: 'fargate' }, tags: [] };

describe('ClusterRequest', () => {
  it('refuses form strings where numbers belong', () => {
    const withStrings = structuredClone(anEc2Request()) as {
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
