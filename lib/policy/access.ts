import type { Policy } from './schema';

/** Who is asking, as the policy sees them: the groups the identity provider says, or an API client. */
export interface Caller {
  groups: readonly string[];
  /** An OAuth client acting for itself (client credentials), not for a person. */
  clientId?: string;
}

/** What a caller may see and act for: their teams, or every team for a platform admin. */
export interface Access {
  admin: boolean;
  teams: string[];
}

export function accessOf(policy: Policy, caller: Caller): Access {
  const member = (rule: { groups: string[]; clients: string[] }) =>
    rule.groups.some((group) => caller.groups.includes(group)) ||
    (caller.clientId !== undefined && rule.clients.includes(caller.clientId));
  return {
    admin: member(policy.admins),
    teams: Object.entries(policy.teams)
      .filter(([, rules]) => member(rules))
      .map(([team]) => team),
  };
}

/** The teams a caller may choose from when creating: their own, or all of them for an admin. */
export const teamsToActFor = (policy: Policy, access: Access) =>
  access.admin ? Object.keys(policy.teams) : access.teams;
