import { describe, expect, it } from 'vitest';
import type { ClusterPlan } from '@/lib/cluster/plan';
import { aClusterRequest } from '@/lib/cluster/builders';
import type { JournalEntry, RequestRecord } from '@/lib/db/records';
import { journalState, runFrom } from './runs';

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
      call: { action: 'ec2:CreateLaunchTemplate', input: { LaunchTemplateName: 'lt', LaunchTemplateData: {} } },
    },
  ],
};

let seq = 0;
const entry = (stepIndex: number, status: JournalEntry['status'], extra: Partial<JournalEntry> = {}): JournalEntry => ({
  seq: (seq += 1),
  stepIndex,
  stepId: plan.steps[stepIndex]!.id,
  status,
  at: new Date(seq * 1000).toISOString(),
  outputs: null,
  error: null,
  owner: 'w',
  ...extra,
});

const stored = (state: RequestRecord['state']): RequestRecord => ({
  id: 'r',
  kind: 'create',
  clusterName: 'demo',
  account: '1',
  region: 'us-east-1',
  request: aClusterRequest(),
  plan,
  planVersion: 2,
  state,
  createdAt: '',
  updatedAt: '',
  requestedBy: null,
  team: null,
  policyVersion: null,
});

describe('reading a run from its journal', () => {
  it('takes each step’s latest status and the outputs of the steps done', () => {
    const journal = [
      entry(0, 'running'),
      entry(0, 'done', { outputs: { 'resolveAmi.imageId': 'ami-1' } }),
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
    const message = { key: 'aws.throttled' } as const;
    const journal = [
      entry(0, 'done'),
      entry(1, 'done'),
      entry(2, 'unverified', { error: { message } }),
      entry(1, 'rollbackFailed'),
    ];
    expect(runFrom(stored('failed'), journal)).toMatchObject({
      state: 'failed',
      failure: { step: 'createLaunchTemplate', message, mayRemain: ['createCluster', 'createLaunchTemplate'] },
    });
  });
});
