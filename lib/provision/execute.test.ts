import { describe, expect, it, vi } from 'vitest';
import type { AwsCall, ClusterPlan } from '@/lib/cluster/plan';
import { executePlan, type StepChange } from './execute';

const plan: ClusterPlan = {
  kind: 'create',
  clusterName: 'demo',
  requestId: 'r',
  steps: [
    { id: 'resolveAmi', call: { action: 'ssm:GetParameter', input: { Name: '/ami' } } },
    {
      id: 'createCluster',
      call: { action: 'ecs:CreateCluster', input: { clusterName: 'demo' } },
      undo: { action: 'ecs:DeleteCluster', input: { cluster: 'demo' } },
    },
    {
      id: 'createLaunchTemplate',
      call: {
        action: 'ec2:CreateLaunchTemplate',
        input: { LaunchTemplateName: 'lt', LaunchTemplateData: { ImageId: '{{resolveAmi.imageId}}' } },
      },
      undo: { action: 'ec2:DeleteLaunchTemplate', input: { LaunchTemplateName: 'lt' } },
    },
    {
      id: 'waitForCapacityProvider',
      call: { action: 'ecs:DescribeCapacityProviders', input: { capacityProviders: ['cp'] } },
      waitUntil: 'capacityProviderActive',
    },
  ],
};

/** A fake AWS that records calls and answers from a table, failing where told. */
function fakeAws(failOn?: AwsCall['action'], providerStatuses = ['ACTIVE']) {
  const calls: AwsCall[] = [];
  const perform = vi.fn(async (call: AwsCall) => {
    calls.push(call);
    if (call.action === failOn) throw Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    if (call.action === 'ssm:GetParameter') return { Parameter: { Value: 'ami-123' } };
    if (call.action === 'ecs:DescribeCapacityProviders')
      return { capacityProviders: [{ status: providerStatuses.shift() }] };
    return {};
  });
  return { calls, perform };
}

describe('executePlan', () => {
  it('runs every step in order, filling in what earlier steps returned', async () => {
    const aws = fakeAws();
    const seen: StepChange[] = [];
    const result = await executePlan(plan, { perform: aws.perform, onStep: (change) => void seen.push(change) });
    expect(result).toEqual({ ok: true, statuses: ['done', 'done', 'done', 'done'] });
    expect(aws.calls.map((call) => call.action)).toEqual([
      'ssm:GetParameter',
      'ecs:CreateCluster',
      'ec2:CreateLaunchTemplate',
      'ecs:DescribeCapacityProviders',
    ]);
    expect(aws.calls[2]?.input).toEqual({ LaunchTemplateName: 'lt', LaunchTemplateData: { ImageId: 'ami-123' } });
    expect(seen.slice(0, 2)).toEqual([
      { index: 0, status: 'running' },
      { index: 0, status: 'done', outputs: { 'resolveAmi.imageId': 'ami-123' } },
    ]);
  });

  it('asks again until a wait is over', async () => {
    vi.stubEnv('AWS_POLL_INTERVAL_MS', '1');
    const aws = fakeAws(undefined, ['CREATING', 'CREATING', 'ACTIVE']);
    await expect(executePlan(plan, { perform: aws.perform })).resolves.toMatchObject({ ok: true });
    expect(aws.calls.filter((call) => call.action === 'ecs:DescribeCapacityProviders')).toHaveLength(3);
  });

  it('undoes what was done, in reverse order, when a step fails', async () => {
    const aws = fakeAws('ecs:DescribeCapacityProviders');
    const result = await executePlan(plan, { perform: aws.perform });
    expect(result).toMatchObject({
      ok: false,
      mayRemain: [],
      statuses: ['done', 'rolledBack', 'rolledBack', 'failed'],
    });
    expect(result.ok ? undefined : result.failedStep.id).toBe('waitForCapacityProvider');
    expect(aws.calls.slice(-2)).toEqual([
      { action: 'ec2:DeleteLaunchTemplate', input: { LaunchTemplateName: 'lt' } },
      { action: 'ecs:DeleteCluster', input: { cluster: 'demo' } },
    ]);
  });

  it('goes on undoing past an undo that fails, and says so', async () => {
    const calls: string[] = [];
    const result = await executePlan(plan, {
      perform: async (call) => {
        calls.push(call.action);
        if (call.action === 'ec2:DeleteLaunchTemplate' || call.action === 'ecs:DescribeCapacityProviders') {
          throw new Error('no');
        }
        return call.action === 'ssm:GetParameter' ? { Parameter: { Value: 'ami' } } : {};
      },
    });
    expect(result).toMatchObject({
      ok: false,
      mayRemain: ['createLaunchTemplate'],
      statuses: ['done', 'rolledBack', 'rollbackFailed', 'failed'],
    });
    expect(calls).toContain('ecs:DeleteCluster');
  });

  it('stops at the first step when it fails, with nothing to undo', async () => {
    const aws = fakeAws('ssm:GetParameter');
    await expect(executePlan(plan, { perform: aws.perform })).resolves.toMatchObject({
      ok: false,
      mayRemain: [],
      statuses: ['failed', 'pending', 'pending', 'pending'],
    });
    expect(aws.calls).toHaveLength(1);
  });

  describe('when AWS applied a create call but its answer was lost', () => {
    const lost = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const ours = { key: 'ecs-create-cluster:request-id', value: 'r' };

    /** AWS as the executor meets it: the launch template's answer lost, then the lookup's answer. */
    function lostAnswerAws(lookup: () => unknown, failOn?: AwsCall['action']) {
      const calls: AwsCall[] = [];
      const perform = async (call: AwsCall) => {
        calls.push(call);
        if (call.action === 'ec2:CreateLaunchTemplate') throw lost();
        if (call.action === 'ec2:DescribeLaunchTemplates') return lookup();
        if (call.action === failOn) throw Object.assign(new Error('no'), { name: 'AccessDeniedException' });
        if (call.action === 'ssm:GetParameter') return { Parameter: { Value: 'ami-123' } };
        if (call.action === 'ecs:DescribeCapacityProviders') return { capacityProviders: [{ status: 'ACTIVE' }] };
        return {};
      };
      return { calls, perform };
    }

    it('finds the resource by name and request tag, and goes on as if the answer had come', async () => {
      const aws = lostAnswerAws(() => ({ LaunchTemplates: [{ Tags: [{ Key: ours.key, Value: ours.value }] }] }));
      await expect(executePlan(plan, { perform: aws.perform })).resolves.toEqual({
        ok: true,
        statuses: ['done', 'done', 'done', 'done'],
      });
      expect(aws.calls).toContainEqual({
        action: 'ec2:DescribeLaunchTemplates',
        input: { LaunchTemplateNames: ['lt'] },
      });
    });

    it('undoes what it found on rollback, like any step done', async () => {
      const aws = lostAnswerAws(
        () => ({ LaunchTemplates: [{ Tags: [{ Key: ours.key, Value: ours.value }] }] }),
        'ecs:DescribeCapacityProviders',
      );
      const result = await executePlan(plan, { perform: aws.perform });
      expect(result).toMatchObject({
        ok: false,
        mayRemain: [],
        statuses: ['done', 'rolledBack', 'rolledBack', 'failed'],
      });
      expect(aws.calls).toContainEqual({ action: 'ec2:DeleteLaunchTemplate', input: { LaunchTemplateName: 'lt' } });
    });

    it('treats a resource of the same name from another request as not made: the call failed', async () => {
      const aws = lostAnswerAws(() => ({ LaunchTemplates: [{ Tags: [{ Key: ours.key, Value: 'other' }] }] }));
      const result = await executePlan(plan, { perform: aws.perform });
      expect(result).toMatchObject({ ok: false, mayRemain: [], statuses: ['done', 'rolledBack', 'failed', 'pending'] });
      expect(aws.calls.map((call) => call.action)).not.toContain('ec2:DeleteLaunchTemplate');
    });

    it('a resource that is not there: the call failed, and nothing of it remains', async () => {
      const aws = lostAnswerAws(() => {
        throw Object.assign(new Error('gone'), { name: 'InvalidLaunchTemplateName.NotFoundException' });
      });
      await expect(executePlan(plan, { perform: aws.perform })).resolves.toMatchObject({
        ok: false,
        mayRemain: [],
        error: { code: 'ECONNRESET' },
      });
    });

    it('a lookup that fails too: the step is unverified, and the result says it may remain', async () => {
      const aws = lostAnswerAws(() => {
        throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
      });
      const result = await executePlan(plan, { perform: aws.perform });
      expect(result).toMatchObject({
        ok: false,
        mayRemain: ['createLaunchTemplate'],
        statuses: ['done', 'rolledBack', 'unverified', 'pending'],
        error: { code: 'ECONNRESET' },
      });
      // Never deleted: what has that name may be someone else's.
      expect(aws.calls.map((call) => call.action)).not.toContain('ec2:DeleteLaunchTemplate');
    });

    it('a deleted ECS resource (INACTIVE) is not taken for one this request made', async () => {
      const clusterPlan: ClusterPlan = { ...plan, steps: [plan.steps[1]!] };
      const perform = async (call: AwsCall) => {
        if (call.action === 'ecs:CreateCluster') throw lost();
        return { clusters: [{ status: 'INACTIVE', tags: [ours] }] };
      };
      await expect(executePlan(clusterPlan, { perform })).resolves.toMatchObject({ ok: false, mayRemain: [] });
      const alive = async (call: AwsCall) => {
        if (call.action === 'ecs:CreateCluster') throw lost();
        return { clusters: [{ status: 'ACTIVE', tags: [ours] }] };
      };
      await expect(executePlan(clusterPlan, { perform: alive })).resolves.toMatchObject({ ok: true });
    });
  });

  describe('resumed after its process died', () => {
    it('skips the steps its journal says are done, with their outputs, and runs again the one that was running', async () => {
      const aws = fakeAws();
      const result = await executePlan(plan, {
        perform: aws.perform,
        resume: { statuses: ['done', 'done', 'running', 'pending'], outputs: { 'resolveAmi.imageId': 'ami-9' } },
      });
      expect(result).toEqual({ ok: true, statuses: ['done', 'done', 'done', 'done'] });
      expect(aws.calls.map((call) => call.action)).toEqual([
        'ec2:CreateLaunchTemplate',
        'ecs:DescribeCapacityProviders',
      ]);
      expect(aws.calls[0]?.input).toMatchObject({ LaunchTemplateData: { ImageId: 'ami-9' } });
    });

    it('finishes the rollback it was in, undoing only what is still done', async () => {
      const aws = fakeAws();
      const result = await executePlan(plan, {
        perform: aws.perform,
        resume: { statuses: ['done', 'done', 'rolledBack', 'failed'], outputs: {} },
      });
      expect(result).toMatchObject({ ok: false, error: undefined, mayRemain: [] });
      expect(aws.calls).toEqual([{ action: 'ecs:DeleteCluster', input: { cluster: 'demo' } }]);
    });

    it('stops where it is when its hook says so, doing and undoing nothing more', async () => {
      const aws = fakeAws();
      const lost = new Error('lease lost');
      const run = executePlan(plan, {
        perform: aws.perform,
        onStep: ({ index, status }) => {
          if (index === 1 && status === 'done') throw lost;
        },
      });
      await expect(run).rejects.toMatchObject({ cause: lost });
      expect(aws.calls.map((call) => call.action)).toEqual(['ssm:GetParameter', 'ecs:CreateCluster']);
    });
  });

  it('a teardown counts a resource already gone as deleted, and stops at any other failure, undoing nothing', async () => {
    const teardown: ClusterPlan = {
      kind: 'delete',
      clusterName: 'demo',
      requestId: 'd',
      steps: [
        {
          id: 'deleteLaunchTemplate',
          call: { action: 'ec2:DeleteLaunchTemplate', input: { LaunchTemplateName: 'lt' } },
          doneIfGone: true,
        },
        {
          id: 'deleteSecurityGroup',
          call: { action: 'ec2:DeleteSecurityGroup', input: { GroupId: 'sg-1' } },
          doneIfGone: true,
        },
        { id: 'deleteCluster', call: { action: 'ecs:DeleteCluster', input: { cluster: 'demo' } }, doneIfGone: true },
      ],
    };
    const answers: Partial<Record<AwsCall['action'], Error>> = {
      'ec2:DeleteLaunchTemplate': Object.assign(new Error('gone'), {
        name: 'InvalidLaunchTemplateName.NotFoundException',
      }),
      'ec2:DeleteSecurityGroup': Object.assign(new Error('in use'), { name: 'DependencyViolation' }),
    };
    const perform = vi.fn(async (call: AwsCall) => {
      const error = answers[call.action];
      if (error) throw error;
      return {};
    });
    const stopped = await executePlan(teardown, { perform });
    expect(stopped).toMatchObject({ ok: false, statuses: ['done', 'failed', 'pending'], mayRemain: [] });
    expect(perform.mock.calls.map(([call]) => call.action)).toEqual([
      'ec2:DeleteLaunchTemplate',
      'ec2:DeleteSecurityGroup',
    ]);

    // The retry: the group has gone meanwhile, and the cluster follows.
    answers['ec2:DeleteSecurityGroup'] = Object.assign(new Error('gone'), { name: 'InvalidGroup.NotFound' });
    expect(await executePlan(teardown, { perform })).toEqual({ ok: true, statuses: ['done', 'done', 'done'] });
  });
});
