import type { LoadedPolicy } from '@/lib/policy/load';
import { membershipOf, type TeamMembership } from '@/lib/policy/membership';

/**
 * Who is asking, and in which mode: whoever reaches a single-user server; or, in the team portal,
 * a person signed in with the identity provider or a machine with a client-credentials token,
 * each with what the policy file makes of them. What a principal may do is said in permissions.ts.
 */
export type Principal = SingleUser | Person | Machine;

export interface SingleUser {
  mode: 'singleUser';
}

/** A portal principal: the policy's rules they act under, their teams, and whether they are an admin. */
interface Member extends TeamMembership {
  policy: LoadedPolicy;
}

export interface Person extends Member {
  mode: 'person';
  id: string;
  name: string;
  email: string;
  groups: string[];
}

export interface Machine extends Member {
  mode: 'machine';
  clientId: string;
}

export type PortalPrincipal = Person | Machine;

export const SINGLE_USER: SingleUser = { mode: 'singleUser' };

export function personPrincipal(
  person: Pick<Person, 'id' | 'name' | 'email' | 'groups'>,
  policy: LoadedPolicy,
): Person {
  return { mode: 'person', ...person, policy, ...membershipOf(policy.policy, person.groups) };
}

export function machinePrincipal(clientId: string, policy: LoadedPolicy): Machine {
  return { mode: 'machine', clientId, policy, ...membershipOf(policy.policy, [], clientId) };
}

/** Whether the principal acts under the team portal's rules. */
export const inPortal = (principal: Principal): principal is PortalPrincipal => principal.mode !== 'singleUser';

/** How the journal and the audit trail name who asked: an email, `client:<id>`, or nobody in single-user mode. */
export function principalName(principal: Principal): string | null {
  if (principal.mode === 'person') return principal.email;
  if (principal.mode === 'machine') return `client:${principal.clientId}`;
  return null;
}
