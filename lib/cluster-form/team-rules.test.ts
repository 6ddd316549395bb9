import { describe, expect, it } from 'vitest';
import { defaultClusterFormValues } from '@/lib/cluster-form/fields';
import { parsePolicy } from '@/lib/policy/load';
import { formTeams, withTeamDefaults } from './team-rules';

const { policy } = parsePolicy(`
teams:
  payments:
    groups: [payments-eng]
    clusterNamePrefix: payments-
    requiredTags: { cost-center: [cc-100, cc-200], owner: [], tier: [gold] }
    maxInstances: 3
    containerInsights: enabled
  search:
    groups: [search-eng]
    clusterNamePrefix: search-
    infrastructure: [fargate]
`);
const [payments, search] = formTeams(policy, ['payments', 'search', 'unknown']);
const blank = defaultClusterFormValues('00000000-0000-4000-8000-000000000000');

describe('the form of a team’s person', () => {
  it('shows the browser only the rules that shape the form, for the teams that exist', () => {
    expect(formTeams(policy, ['payments', 'unknown']).map((team) => team.name)).toEqual(['payments']);
    expect(payments).not.toHaveProperty('rules.groups');
  });

  it('starts with the team’s prefix, its required tags as rows, and its minimum Container Insights', () => {
    expect(withTeamDefaults(blank, payments!)).toMatchObject({
      team: 'payments',
      clusterName: 'payments-',
      tags: [
        { key: 'cost-center', value: '' },
        { key: 'owner', value: '' },
        { key: 'tier', value: 'gold' }, // the one allowed value
      ],
      monitoring: 'enabled',
    });
  });

  it('swaps one team’s prefix for another’s, keeps what was typed, and unchecks what the team may not use', () => {
    const typed = {
      ...blank,
      ...withTeamDefaults(blank, payments!),
      clusterName: 'payments-api',
      ec2: true,
      maxSize: '5',
    };
    expect(withTeamDefaults(typed, search!, payments!)).toMatchObject({
      team: 'search',
      clusterName: 'search-api',
      ec2: false,
      monitoring: 'enabled', // not lowered: the search team has no minimum, and the person chose it
    });
    // Rows already there are kept, required ones not added twice.
    expect(withTeamDefaults(typed, payments!, search!).tags).toHaveLength(3);
    expect(withTeamDefaults(typed, payments!).maxSize).toBe('3');
  });
});
