import 'server-only';
import { findCluster, tagOf } from '@/lib/aws/clusters';
import { listNamespaces } from '@/lib/aws/namespaces';
import { inPortal, principalName, type Principal } from '@/lib/auth/principal';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import { planCluster } from '@/lib/cluster/plan';
import { type ClusterRequest, clusterRequestSchema } from '@/lib/cluster/request';
import type { Violation } from '@/lib/cluster/violation';
import type { ValidationMessageKey } from '@/lib/i18n/messages';
import type { RequestRecord } from '@/lib/db/records';
import { teamRulesBrokenBy } from './authorize';
import { checkEc2AgainstAws } from './check-ec2';
import { checkExecLoggingAgainstAws } from './check-exec-logging';
import type { RequestKindHandler } from './kind';
import { refused } from './outcome';

/**
 * A create: the request is judged by its schema, then (in the portal) by the team's rules, then
 * by what only AWS can tell (is the name free, does the namespace exist, do the EC2 choices fit
 * the account), and planned.
 */
export const createKind: RequestKindHandler<{ kind: 'create'; request: unknown }, ClusterRequest> = {
  parse(principal, submitted) {
    const parsed = clusterRequestSchema.safeParse(submitted.request);
    if (!parsed.success) {
      return refused(
        'invalid',
        parsed.error.issues.map((issue) => ({
          path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
          rule: 'schema',
          message: {
            key: issue.message.startsWith('validation.') ? (issue.message as ValidationMessageKey) : 'validation.shape',
          },
        })),
      );
    }
    // Single-user mode has no teams: a team sent there means nothing.
    const request = inPortal(principal) ? parsed.data : { ...parsed.data, team: undefined };
    return { id: request.requestId, clusterName: request.clusterName, request };
  },

  sameAs: (earlier: RequestRecord, request) =>
    earlier.kind === 'create' && JSON.stringify(earlier.request) === JSON.stringify(request),

  async prepare(principal: Principal, request) {
    if (inPortal(principal)) {
      const broken = await teamRulesBrokenBy(principal, request);
      if (broken.length > 0)
        return refused(broken.some((violation) => violation.rule === 'team') ? 'team' : 'policy', broken);
    }
    const existing = await findCluster(request.clusterName);
    // The same request again after the journal forgot it finds its own cluster: running it again
    // makes nothing twice, since everything it makes carries its id.
    const ownTag = existing !== undefined && tagOf(existing, REQUEST_TAG_KEY) === request.requestId;
    if ((existing?.status === 'ACTIVE' || existing?.status === 'PROVISIONING') && !ownTag) {
      return refused('nameTaken', [
        { path: ['clusterName'], rule: 'nameFree', message: { key: 'validation.clusterName.taken' } },
      ]);
    }
    const violations = (
      await Promise.all([checkNamespace(request), checkEc2AgainstAws(request), checkExecLoggingAgainstAws(request)])
    ).flat();
    if (violations.length > 0) return refused('invalid', violations);
    return {
      kind: 'create',
      request,
      clusterName: request.clusterName,
      plan: planCluster(request),
      team: request.team ?? null,
      requestedBy: principalName(principal),
      policyVersion: inPortal(principal) ? principal.policy.version : null,
    };
  },
};

async function checkNamespace(request: ClusterRequest): Promise<Violation[]> {
  if (!request.namespace?.startsWith('arn:')) return [];
  const namespaces = await listNamespaces();
  return namespaces.some((namespace) => namespace.arn === request.namespace)
    ? []
    : [{ path: ['namespace'], rule: 'namespaceExists', message: { key: 'validation.namespace.notFound' } }];
}
