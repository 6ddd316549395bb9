import { describe, expect, it } from 'vitest';
import { defaultClusterFormValues } from '@/lib/cluster-form/fields';
import { clusterFormSchema } from '@/lib/cluster-form/form-schema';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { membershipOf } from './membership';
import { authorize } from './authorize';
import { matchesInstanceType } from './instance-types';
import { parsePolicy } from './load';

const { policy } = parsePolicy(`
admins:
  groups: [platform-admins]
teams:
  payments:
    groups: [payments-eng]
    clients: [payments-ci]
    clusterNamePrefix: payments-
    requiredTags:
      cost-center: [cc-100, cc-200]
      owner: []
    infrastructure: [fargate, ec2]
    instanceTypes: ["t3.*", "m7g.large"]
    maxInstances: 10
    containerInsights: enabled
    maxClusters: 2
  search:
    groups: [search-eng]
    infrastructure: [fargate]
  batch:
    groups: [batch-eng]
    infrastructure: [ec2]
`);

const alice = membershipOf(policy, ['payments-eng']);
const context = { accountMonitoring: 'disabled' as const, teamClusters: 0 };
const ec2Form = {
  ec2: true,
  instanceType: 't3.large',
  vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-0123456789abcdef0'],
  securityGroupIds: ['sg-0123456789abcdef0'],
};

/** A request as the form would parse it, compliant with the payments rules unless changed. */
function request(change: Partial<ClusterFormValues> = {}) {
  return clusterFormSchema.parse({
    ...defaultClusterFormValues('7d2b6c1e-3f4a-4b5c-8d9e-0f1a2b3c4d5e'),
    clusterName: 'payments-api',
    team: 'payments',
    monitoring: 'enabled',
    tags: [
      { key: 'cost-center', value: 'cc-100' },
      { key: 'owner', value: 'alice' },
    ],
    ...change,
  });
}

const rulesBroken = (...args: Parameters<typeof authorize>) =>
  authorize(...args).map(({ path, rule, message }) => ({ path: path.join('.'), rule, key: message.key }));

describe('authorize', () => {
  it('allows a request that keeps every rule of its team', () => {
    expect(authorize(policy, alice, 'payments', request(), context)).toEqual([]);
    expect(authorize(policy, alice, 'payments', request(ec2Form), context)).toEqual([]);
  });

  it('refuses a team the person is not in, one that does not exist, and none at all', () => {
    for (const team of ['search', 'nobody']) {
      expect(rulesBroken(policy, alice, team, request(), context)).toEqual([
        { path: 'team', rule: 'team', key: 'validation.policy.team' },
      ]);
    }
    expect(rulesBroken(policy, alice, undefined, request(), context)).toEqual([
      { path: 'team', rule: 'team', key: 'validation.policy.teamRequired' },
    ]);
  });

  it('lets a platform admin act for any team, under that team’s rules', () => {
    const admin = membershipOf(policy, ['platform-admins']);
    expect(admin).toEqual({ admin: true, teams: [] });
    expect(
      authorize(
        policy,
        admin,
        'search',
        request({ clusterName: 'search-x', tags: [], monitoring: 'disabled' }),
        context,
      ),
    ).toEqual([]);
    expect(rulesBroken(policy, admin, 'search', request({ ...ec2Form, clusterName: 'search-x' }), context)).toEqual([
      { path: 'infrastructure.type', rule: 'infrastructure', key: 'validation.policy.ec2' },
    ]);
  });

  it('maps groups and API clients to teams', () => {
    expect(membershipOf(policy, ['payments-eng', 'search-eng', 'other'])).toEqual({
      admin: false,
      teams: ['payments', 'search'],
    });
    expect(membershipOf(policy, [], 'payments-ci')).toEqual({ admin: false, teams: ['payments'] });
    expect(membershipOf(policy, ['nobody'])).toEqual({ admin: false, teams: [] });
  });

  it('needs the cluster name to start with the team’s prefix', () => {
    const [violation] = authorize(policy, alice, 'payments', request({ clusterName: 'api' }), context);
    expect(violation).toEqual({
      path: ['clusterName'],
      rule: 'clusterNamePrefix',
      message: { key: 'validation.policy.clusterNamePrefix', params: { prefix: 'payments-' } },
    });
  });

  it('needs each required tag, with an allowed value or any value that is not empty', () => {
    expect(rulesBroken(policy, alice, 'payments', request({ tags: [] }), context)).toEqual([
      { path: 'tags', rule: 'requiredTags', key: 'validation.policy.tagRequired' },
      { path: 'tags', rule: 'requiredTags', key: 'validation.policy.tagRequired' },
    ]);
    const tags = [
      { key: 'owner', value: '' },
      { key: 'cost-center', value: 'cc-999' },
    ];
    expect(authorize(policy, alice, 'payments', request({ tags }), context)).toEqual([
      {
        path: ['tags', 1, 'value'],
        rule: 'requiredTags',
        message: { key: 'validation.policy.tagValue', params: { key: 'cost-center', values: 'cc-100, cc-200' } },
      },
      {
        path: ['tags', 0, 'value'],
        rule: 'requiredTags',
        message: { key: 'validation.policy.tagValueRequired', params: { key: 'owner', values: '' } },
      },
    ]);
  });

  it('keeps the team tag for the portal to set', () => {
    const tags = [...request().tags, { key: 'team', value: 'search' }];
    expect(rulesBroken(policy, alice, 'payments', request({ tags }), context)).toEqual([
      { path: 'tags.2.key', rule: 'teamTag', key: 'validation.policy.teamTag' },
    ]);
  });

  it('allows only the team’s infrastructure', () => {
    const search = membershipOf(policy, ['search-eng', 'batch-eng']);
    expect(rulesBroken(policy, search, 'search', request({ ...ec2Form, clusterName: 'x', tags: [] }), context)).toEqual(
      [{ path: 'infrastructure.type', rule: 'infrastructure', key: 'validation.policy.ec2' }],
    );
    expect(rulesBroken(policy, search, 'batch', request({ ...ec2Form, clusterName: 'x', tags: [] }), context)).toEqual([
      { path: 'infrastructure.fargate', rule: 'infrastructure', key: 'validation.policy.fargate' },
    ]);
    expect(
      authorize(policy, search, 'batch', request({ ...ec2Form, fargate: false, clusterName: 'x', tags: [] }), context),
    ).toEqual([]);
  });

  it('allows only instance types matching the team’s patterns', () => {
    expect(rulesBroken(policy, alice, 'payments', request({ ...ec2Form, instanceType: 'm5.large' }), context)).toEqual([
      { path: 'infrastructure.instances.instanceType', rule: 'instanceTypes', key: 'validation.policy.instanceType' },
    ]);
    expect(
      authorize(
        policy,
        alice,
        'payments',
        request({ ...ec2Form, instanceType: 'm7g.large', amiFamily: 'al2023-arm64' }),
        context,
      ),
    ).toEqual([]);
    expect(matchesInstanceType('t3.*', 't3.micro')).toBe(true);
    expect(matchesInstanceType('t3.*', 't3a.micro')).toBe(false);
    expect(matchesInstanceType('t3?.large', 't3a.large')).toBe(true);
    expect(matchesInstanceType('m7g.large', 'm7gxlarge')).toBe(false); // the dot is a dot
  });

  it('caps the group’s maximum', () => {
    expect(authorize(policy, alice, 'payments', request({ ...ec2Form, maxSize: '10' }), context)).toEqual([]);
    expect(rulesBroken(policy, alice, 'payments', request({ ...ec2Form, maxSize: '11' }), context)).toEqual([
      { path: 'infrastructure.instances.maxSize', rule: 'maxInstances', key: 'validation.policy.maxInstances' },
    ]);
  });

  it('needs Container Insights at the minimum level or above, counting the account’s default', () => {
    expect(rulesBroken(policy, alice, 'payments', request({ monitoring: 'disabled' }), context)).toEqual([
      { path: 'monitoring', rule: 'containerInsights', key: 'validation.policy.containerInsights' },
    ]);
    expect(authorize(policy, alice, 'payments', request({ monitoring: 'enhanced' }), context)).toEqual([]);
    // Left at the page's default, the request names no level: the account's setting applies.
    const following = request({ monitoring: 'disabled', monitoringDefault: 'disabled' });
    expect(following.monitoring).toBeUndefined();
    expect(authorize(policy, alice, 'payments', following, context)).toHaveLength(1);
    expect(authorize(policy, alice, 'payments', following, { ...context, accountMonitoring: 'enhanced' })).toEqual([]);
  });

  it('stops at the team’s number of active clusters', () => {
    expect(authorize(policy, alice, 'payments', request(), { ...context, teamClusters: 1 })).toEqual([]);
    expect(rulesBroken(policy, alice, 'payments', request(), { ...context, teamClusters: 2 })).toEqual([
      { path: 'clusterName', rule: 'maxClusters', key: 'validation.policy.maxClusters' },
    ]);
  });

  it('returns every violation at once', () => {
    const broken = request({
      ...ec2Form,
      clusterName: 'api',
      instanceType: 'c5.large',
      maxSize: '50',
      monitoring: 'disabled',
      tags: [],
    });
    expect(authorize(policy, alice, 'payments', broken, context).map(({ rule }) => rule)).toEqual([
      'clusterNamePrefix',
      'requiredTags',
      'requiredTags',
      'instanceTypes',
      'maxInstances',
      'containerInsights',
    ]);
  });
});
