import { describe, expect, it } from 'vitest';
import { planCluster, planTeardown, type TeardownFacts } from './plan';
import { aClusterRequest, anEc2Request } from './builders';
import type { ClusterRequest, NewGroup } from './request';

const DELETE_ID = '0b7e3c1d-6a2f-4e8b-9c3d-5e6f7a8b9c0d';

/** A cluster created here with a new group of these fields (or this request), every step done (or as `statuses` says). */
function createdHere(change: Partial<NewGroup> | ClusterRequest, statuses?: (id: string) => string) {
  const plan = planCluster('requestId' in change ? change : anEc2Request(change));
  return {
    requestId: plan.requestId,
    plan,
    statuses: plan.steps.map((step) => statuses?.(step.id) ?? 'done'),
    outputs: { 'createSecurityGroup.groupId': 'sg-0123456789abcdef0' },
  };
}

function facts(change: Partial<TeardownFacts> = {}): TeardownFacts {
  return {
    clusterName: 'demo',
    requestId: DELETE_ID,
    capacityProviders: [],
    services: 0,
    tasks: 0,
    roleUsedBy: [],
    ...change,
  };
}

const stepsOf = (change: Partial<TeardownFacts>) => {
  const teardown = planTeardown(facts(change));
  if (!teardown.ok) throw new Error('refused');
  return teardown.plan.steps;
};

describe('planTeardown', () => {
  it('a cluster created elsewhere: only the cluster, and says what stays', () => {
    const teardown = planTeardown(
      facts({ capacityProviders: ['FARGATE', 'their-provider'], namespace: 'arn:aws:servicediscovery:ns-1' }),
    );
    expect(teardown).toEqual({
      ok: true,
      plan: {
        kind: 'delete',
        clusterName: 'demo',
        requestId: DELETE_ID,
        steps: [
          { id: 'deleteCluster', call: { action: 'ecs:DeleteCluster', input: { cluster: 'demo' } }, doneIfGone: true },
        ],
        keeps: [
          { resource: 'capacityProvider', name: 'their-provider', reason: 'notMadeHere' },
          { resource: 'namespace', name: 'arn:aws:servicediscovery:ns-1', reason: 'notMadeHere' },
        ],
      },
    });
  });

  it('an EC2 cluster with a new role and security group: everything it made, in reverse, the cluster last', () => {
    const created = createdHere({
      instanceProfile: undefined,
      securityGroup: { type: 'new', name: 'demo-sg', inboundRules: [] },
    });
    const steps = stepsOf({ createdHere: created });
    expect(steps.map((step) => step.id)).toEqual([
      'removeCapacityProviders',
      'scaleGroupToZero',
      'deleteAutoScalingGroup',
      'waitForInstancesToLeave',
      'deleteCapacityProvider',
      'deleteLaunchTemplate',
      'deleteSecurityGroup',
      'removeRoleFromInstanceProfile',
      'deleteInstanceProfile',
      'detachInstanceRolePolicy',
      'deleteInstanceRole',
      'deleteCluster',
    ]);
    expect(steps.every((step) => step.doneIfGone && !step.undo)).toBe(true);
    const inputOf = (id: string) => steps.find((step) => step.id === id)?.call.input;
    const group = `ecs-demo-${created.requestId.slice(0, 8)}`;
    expect(inputOf('scaleGroupToZero')).toEqual({
      AutoScalingGroupName: group,
      MinSize: 0,
      MaxSize: 0,
      DesiredCapacity: 0,
    });
    expect(inputOf('deleteAutoScalingGroup')).toEqual({ AutoScalingGroupName: group, ForceDelete: true });
    expect(inputOf('deleteCapacityProvider')).toEqual({ capacityProvider: `cp-demo-${created.requestId.slice(0, 8)}` });
    expect(inputOf('deleteLaunchTemplate')).toEqual({ LaunchTemplateName: group });
    expect(inputOf('deleteSecurityGroup')).toEqual({ GroupId: 'sg-0123456789abcdef0' });
    expect(inputOf('deleteInstanceRole')).toEqual({ RoleName: 'ecsInstanceRole' });
  });

  it('keeps a role the creating request made while other clusters use it, and names them', () => {
    const teardown = planTeardown(
      facts({ createdHere: createdHere({ instanceProfile: undefined }), roleUsedBy: ['payments-api'] }),
    );
    expect(teardown.ok && teardown.plan.steps.map((step) => step.id)).not.toContain('deleteInstanceRole');
    expect(teardown.ok && teardown.plan.keeps).toContainEqual({
      resource: 'instanceRole',
      name: 'ecsInstanceRole',
      reason: 'inUse',
      usedBy: ['payments-api'],
    });
  });

  it('never deletes a role, profile or security group the person chose', () => {
    const ids = stepsOf({ createdHere: createdHere({}) }).map((step) => step.id);
    expect(ids).not.toContain('deleteInstanceRole');
    expect(ids).not.toContain('deleteInstanceProfile');
    expect(ids).not.toContain('deleteSecurityGroup');
  });

  it('an existing Auto Scaling group: deletes the capacity provider, keeps the group', () => {
    const arn =
      'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:8f0e5b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web';
    const created = createdHere(
      aClusterRequest({ infrastructure: { type: 'ec2ExistingGroup', fargate: true, autoScalingGroupArn: arn } }),
    );
    const teardown = planTeardown(
      facts({ createdHere: created, capacityProviders: [`cp-demo-${created.requestId.slice(0, 8)}`] }),
    );
    expect(teardown.ok && teardown.plan.steps.map((step) => step.id)).toEqual([
      'removeCapacityProviders',
      'deleteCapacityProvider',
      'deleteCluster',
    ]);
    expect(teardown.ok && teardown.plan.keeps).toEqual([
      { resource: 'autoScalingGroup', name: 'web', reason: 'notMadeHere' },
    ]);
  });

  it('leaves out what the creating request rolled back or never made', () => {
    const created = createdHere({ instanceProfile: undefined }, (id) =>
      id === 'createInstanceRole'
        ? 'rolledBack'
        : id.startsWith('create') && id !== 'createCluster'
          ? 'rolledBack'
          : 'pending',
    );
    expect(stepsOf({ createdHere: created }).map((step) => step.id)).toEqual(['deleteCluster']);
  });

  it('deletes what a failed create could not roll back, but not what it could not verify', () => {
    const created = createdHere({ instanceProfile: undefined }, (id) =>
      id === 'createLaunchTemplate'
        ? 'rollbackFailed'
        : id === 'createInstanceRole'
          ? 'unverified'
          : id === 'createCluster'
            ? 'rollbackFailed'
            : 'pending',
    );
    expect(stepsOf({ createdHere: created }).map((step) => step.id)).toEqual(['deleteLaunchTemplate', 'deleteCluster']);
  });

  it('refuses while the cluster has services or tasks, with their numbers', () => {
    expect(planTeardown(facts({ services: 2, tasks: 0 }))).toEqual({ ok: false, refusal: { services: 2, tasks: 0 } });
    expect(planTeardown(facts({ services: 0, tasks: 3 }))).toEqual({ ok: false, refusal: { services: 0, tasks: 3 } });
  });
});
