import 'server-only';
import { accountContainerInsights } from '@/lib/aws/account-settings';
import { countTeamClusters } from '@/lib/aws/clusters';
import type { PortalPrincipal } from '@/lib/auth/principal';
import type { ClusterRequest } from '@/lib/cluster/request';
import { authorize, type PolicyViolation } from '@/lib/policy/authorize';

/**
 * parse → **authorize** → plan → execute, for a create in the portal: the team's rules, read from
 * the policy file (never from the caller), judge the request, with what only AWS can tell (the
 * account's Container Insights default, the team's live clusters) read first when a rule needs it.
 */
export async function teamRulesBrokenBy(
  principal: PortalPrincipal,
  request: ClusterRequest,
): Promise<PolicyViolation[]> {
  const { policy } = principal.policy;
  const team = request.team;
  const rules = team === undefined ? undefined : policy.teams[team];
  const [accountMonitoring, teamClusters] = await Promise.all([
    request.monitoring === undefined && rules?.containerInsights ? accountContainerInsights() : undefined,
    team !== undefined && rules?.maxClusters !== undefined ? countTeamClusters(team) : undefined,
  ]);
  return authorize(policy, principal, team, request, {
    accountMonitoring: accountMonitoring ?? 'disabled',
    teamClusters,
  });
}
