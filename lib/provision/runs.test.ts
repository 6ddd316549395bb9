import { describe, expect, it } from 'vitest';
import type { ClusterPlan } from '@/lib/cluster/plan';
import type { JournalEntry, StoredRequest } from '@/lib/db/journal';
import { journalState, runFrom } from './runs';

const plan: ClusterPlan = {
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
      call: { action: 'ec2:CreateLaunchTemplate', input: { LaunchTemplateName: 'lt', LaunchTemplateData: {} } },
    },
  ],
};

let seq = 0;
const entry = (stepIndex: number, status: string, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  request_id: 'r',
  seq: (seq += 1),
  step_index: stepIndex,
  step_id: plan.steps[stepIndex]!.id,
  status,
  at: new Date(seq * 1000).toISOString(),
  outputs: null,
  error: null,
  owner: 'w',
  ...extra,
});

const stored = (state: StoredRequest['state']): StoredRequest => ({
  id: 'r',
  kind: 'create',
  cluster_name: 'demo',
  account: '1',
  region: 'us-east-1',
  request: '{}',
  plan: JSON.stringify(plan),
  state,
  created_at: '',
  updated_at: '',
  requested_by: null,
  team: null,
  policy_version: null,
  lease_owner: null,
  lease_expires_at: null,
  fencing: 1,
});

describe('reading a run from its journal', () => {
  it('takes each step’s latest status and the outputs of the steps done', () => {
    const journal = [
      entry(0, 'running'),
      entry(0, 'done', { outputs: JSON.stringify({ 'resolveAmi.imageId': 'ami-1' }) }),
      entry(1, 'running'),
    ];
    expect(journalState(plan, journal)).toEqual({
      statuses: ['done', 'running', 'pending'],
      outputs: { 'resolveAmi.imageId': 'ami-1' },
      failure: undefined,
    });
    expect(runFrom(stored('running'), journal)).toMatchObject({ state: 'running', failure: undefined });
  });

  it('a failed run names the failed step, its message, and what may remain', () => {
    const message = { key: 'aws.throttled' };
    const journal = [
      entry(0, 'done'),
      entry(1, 'done'),
      entry(2, 'unverified', { error: JSON.stringify({ message }) }),
      entry(1, 'rollbackFailed'),
    ];
    expect(runFrom(stored('failed'), journal)).toMatchObject({
      state: 'failed',
      failure: { step: 'createLaunchTemplate', message, mayRemain: ['createCluster', 'createLaunchTemplate'] },
    });
  });
});
