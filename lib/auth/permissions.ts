import type { Principal } from './principal';

/**
 * What a principal may see and do: the one place that says so. In single-user mode everything;
 * in the portal an admin acts for every team, anyone else for their own teams, within the rules.
 */

/** The teams whose requests and clusters the principal sees: every one ('all'), or these. */
export function visibleTeams(principal: Principal): 'all' | string[] {
  if (principal.mode === 'singleUser' || principal.admin) return 'all';
  return principal.teams;
}

/** Whether a team's requests and clusters are the principal's to see (a team of null: made outside the portal). */
export function canSee(principal: Principal, team: string | null | undefined): boolean {
  const teams = visibleTeams(principal);
  return teams === 'all' || (team != null && teams.includes(team));
}

/** The teams a list can be narrowed to: every team for an admin, their own otherwise; none outside the portal. */
export function teamsInView(principal: Principal): string[] {
  if (principal.mode === 'singleUser') return [];
  return principal.admin ? Object.keys(principal.policy.policy.teams) : principal.teams;
}

/** The teams the principal may create clusters for (the Create form offers these). */
export const teamsToActFor = teamsInView;

/** Deletes: a team's people and clients unless its rules say no; admins, and single-user mode, always. */
export function mayDelete(principal: Principal, team: string | null): boolean {
  if (principal.mode === 'singleUser' || principal.admin) return true;
  return team !== null && principal.policy.policy.teams[team]?.allowDeletes !== false;
}
