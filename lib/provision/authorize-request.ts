import 'server-only';
import { accountContainerInsights } from '@/lib/aws/account-settings';
import { countTeamClusters } from '@/lib/aws/clusters';
import { actorOf } from '@/lib/auth/principal';
import type { Viewer } from '@/lib/auth/viewer';
import { type FieldErrors, fieldMessage } from '@/lib/cluster/form-state';
import type { ClusterRequest } from '@/lib/cluster/request';
import { formPath } from '@/lib/cluster/schema';
import { database } from '@/lib/db';
import { recordDecision } from '@/lib/db/audit';
import { authorize, type Violation } from '@/lib/policy/authorize';
import { CheckFailedError } from './check-ec2';

/** Who asked, for which team, under which rules: stored with the request. */
export interface Requester {
  requestedBy: string | null;
  team: string | undefined;
  policyVersion: string | null;
}

export type Authorization =
  { ok: true; request: ClusterRequest; requester: Requester } | { ok: false; violations: Violation[] };

/**
 * parse → **authorize** → plan → execute. In single-user mode everything is allowed and there are
 * no teams. In the portal the team's rules, read from the policy file (never from the caller),
 * decide; every decision is written to the audit trail with the policy's version.
 */
export async function authorizeRequest(viewer: Viewer, request: ClusterRequest): Promise<Authorization> {
  if (!('access' in viewer)) {
    return {
      ok: true,
      request: { ...request, team: undefined },
      requester: { requestedBy: null, team: undefined, policyVersion: null },
    };
  }
  const { policy, version } = viewer.policy;
  const team = request.team;
  const rules = team === undefined ? undefined : policy.teams[team];
  const [accountMonitoring, teamClusters] = await Promise.all([
    request.monitoring === undefined && rules?.containerInsights
      ? accountContainerInsights().catch((error: unknown) => {
          throw new CheckFailedError('ecs:ListAccountSettings', error);
        })
      : undefined,
    team !== undefined && rules?.maxClusters !== undefined
      ? countTeamClusters(team).catch((error: unknown) => {
          throw new CheckFailedError('ecs:ListClusters', error);
        })
      : undefined,
  ]);
  const violations = authorize(policy, viewer.access, team, request, {
    accountMonitoring: accountMonitoring ?? 'disabled',
    teamClusters,
  });
  await recordDecision(await database(), {
    requestId: request.requestId,
    actor: actorOf(viewer.principal),
    team: team ?? null,
    allowed: violations.length === 0,
    policyVersion: version,
    violations: violations.map(({ path, rule, message }) => ({ path: path.join('.'), rule, message })),
  });
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, request, requester: { requestedBy: actorOf(viewer.principal), team, policyVersion: version } };
}

/** The violations as the form shows them: each at its field, the first one per field. */
export function fieldErrorsOfViolations(violations: Violation[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of violations) errors[formPath(path).join('.')] ??= fieldMessage(message);
  return errors;
}
