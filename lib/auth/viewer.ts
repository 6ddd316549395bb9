import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type Access, accessOf } from '@/lib/policy/access';
import { currentPolicy } from '@/lib/policy/current';
import type { LoadedPolicy } from '@/lib/policy/load';
import { getPrincipal, type Principal } from './principal';

/** Who is looking, and what they may see: everything (single-user mode, admins) or their teams' own. */
export type Viewer =
  | { principal: Extract<Principal, { kind: 'local' }>; scope: 'everything' }
  | {
      principal: Exclude<Principal, { kind: 'local' }>;
      access: Access;
      policy: LoadedPolicy;
      /** The teams whose requests and clusters this person sees; every team for an admin. */
      scope: 'everything' | string[];
    };

/** The viewer of this request, or null when nobody is signed in. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const principal = await getPrincipal();
  return principal && viewerOf(principal);
});

/** What a principal may see and act for, under the policy file's rules. */
export function viewerOf(principal: Principal): Viewer {
  if (principal.kind === 'local') return { principal, scope: 'everything' };
  const policy = currentPolicy();
  const caller = principal.kind === 'person' ? principal : { groups: [], clientId: principal.clientId };
  const access = accessOf(policy.policy, caller);
  return { principal, access, policy, scope: access.admin ? 'everything' : access.teams };
}

/** For pages: the viewer, or off to the sign-in page and back here afterwards. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** Whether a team's requests and clusters are the viewer's to see. */
export const canSee = (viewer: Viewer, team: string | null | undefined) =>
  viewer.scope === 'everything' || (team != null && viewer.scope.includes(team));

/** The teams a viewer can narrow a list to: every team for an admin, their own otherwise; none outside the portal. */
export function teamsInView(viewer: Viewer): string[] {
  if (!('access' in viewer)) return [];
  return viewer.scope === 'everything' ? Object.keys(viewer.policy.policy.teams) : viewer.scope;
}
