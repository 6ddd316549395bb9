import type { Policy } from './policy-file';

/** What the policy file makes of a caller: a platform admin or not, and the teams they belong to. */
export interface TeamMembership {
  admin: boolean;
  teams: string[];
}

/** A person's groups (from the identity provider), or an API client's id (client credentials). */
export function membershipOf(policy: Policy, groups: readonly string[], clientId?: string): TeamMembership {
  const member = (rule: { groups: string[]; clients: string[] }) =>
    rule.groups.some((group) => groups.includes(group)) || (clientId !== undefined && rule.clients.includes(clientId));
  return {
    admin: member(policy.admins),
    teams: Object.entries(policy.teams)
      .filter(([, rules]) => member(rules))
      .map(([team]) => team),
  };
}
