import { type ClusterRequest, clusterRequestSchema, type NewGroup } from './request';

/**
 * Domain requests for tests, built as a ClusterRequest (no form in between) and checked by its
 * schema, so a test never plans a request the app would refuse.
 */
export const TEST_REQUEST_ID = '6f1c1a52-3f0e-4d7c-9a51-2f6f4f1b8a10';

/** A Fargate cluster named demo, with the account's defaults: change what the test is about. */
export function aClusterRequest(change: Partial<ClusterRequest> = {}): ClusterRequest {
  return clusterRequestSchema.parse({
    requestId: TEST_REQUEST_ID,
    clusterName: 'demo',
    infrastructure: { type: 'fargate' },
    tags: [],
    ...change,
  });
}

/** A new Auto Scaling group of t3.medium instances with ecsInstanceRole's profile, beside Fargate. */
export const TEST_GROUP: NewGroup = {
  amiFamily: 'al2023',
  instanceType: 't3.medium',
  instanceProfile: 'ecsInstanceRole',
  minSize: 0,
  maxSize: 5,
  rootVolumeSize: 30,
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
  securityGroup: { type: 'existing', ids: ['sg-0dddddddddddddddd'] },
  publicIp: 'subnet',
};

/** EC2 instances in a new group (and Fargate): change the group's fields, or the request's. */
export function anEc2Request(
  instances: Partial<NewGroup> = {},
  change: Partial<Omit<ClusterRequest, 'infrastructure'>> & { fargate?: boolean } = {},
): ClusterRequest {
  const { fargate = true, ...rest } = change;
  return aClusterRequest({
    infrastructure: { type: 'ec2NewGroup', fargate, instances: { ...TEST_GROUP, ...instances } },
    ...rest,
  });
}
