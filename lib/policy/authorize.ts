import type { MessageRef, ValidationMessageKey } from '@/lib/i18n/messages';
import { type ClusterRequest, MONITORING_LEVELS, type MonitoringLevel } from '@/lib/cluster/request';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import type { Violation } from '@/lib/cluster/violation';
import { instanceTypeAllowed } from './instance-types';
import type { TeamMembership } from './membership';
import type { Policy } from './policy-file';

/** One rule of the team's a request breaks. */
export interface PolicyViolation extends Violation {
  rule:
    | 'team'
    | 'clusterNamePrefix'
    | 'requiredTags'
    | 'teamTag'
    | 'infrastructure'
    | 'instanceTypes'
    | 'maxInstances'
    | 'containerInsights'
    | 'maxClusters';
  message: MessageRef & { key: ValidationMessageKey };
}

/** What only AWS can tell, read before deciding. */
export interface AuthorizeContext {
  /** The account's Container Insights default, which a request that names no level gets. */
  accountMonitoring: MonitoringLevel;
  /** ACTIVE clusters tagged with the team, when its rules cap them. */
  teamClusters?: number;
}

const MONITORING_ORDER: MonitoringLevel[] = [...MONITORING_LEVELS].reverse(); // disabled < enabled < enhanced

/**
 * Every rule of the team's policy the request breaks; none means it may be created. Pure: the
 * server action and the HTTP API call it with the rules read from the policy file, never with a
 * team or rule the caller sent.
 */
export function authorize(
  policy: Policy,
  membership: TeamMembership,
  team: string | undefined,
  request: ClusterRequest,
  context: AuthorizeContext,
): PolicyViolation[] {
  const rules = team === undefined ? undefined : policy.teams[team];
  if (team === undefined || !rules || !(membership.admin || membership.teams.includes(team))) {
    return [
      {
        path: ['team'],
        rule: 'team',
        message: { key: team === undefined ? 'validation.policy.teamRequired' : 'validation.policy.team' },
      },
    ];
  }
  const violations: PolicyViolation[] = [];
  const refuse = (path: Violation['path'], rule: PolicyViolation['rule'], message: PolicyViolation['message']) =>
    violations.push({ path, rule, message });

  const prefix = rules.clusterNamePrefix;
  if (prefix && !request.clusterName.startsWith(prefix)) {
    refuse(['clusterName'], 'clusterNamePrefix', { key: 'validation.policy.clusterNamePrefix', params: { prefix } });
  }
  if (rules.maxClusters !== undefined && (context.teamClusters ?? 0) >= rules.maxClusters) {
    refuse(['clusterName'], 'maxClusters', {
      key: 'validation.policy.maxClusters',
      params: { team, max: rules.maxClusters },
    });
  }

  request.tags.forEach((tag, index) => {
    if (tag.key === TEAM_TAG_KEY) {
      refuse(['tags', index, 'key'], 'teamTag', { key: 'validation.policy.teamTag', params: { key: TEAM_TAG_KEY } });
    }
  });
  for (const [key, allowed] of Object.entries(rules.requiredTags)) {
    const index = request.tags.findIndex((tag) => tag.key === key);
    const value = request.tags[index]?.value;
    if (index < 0) {
      refuse(['tags'], 'requiredTags', { key: 'validation.policy.tagRequired', params: { key } });
    } else if (allowed.length === 0 ? value === '' : !allowed.includes(value!)) {
      refuse(['tags', index, 'value'], 'requiredTags', {
        key: allowed.length === 0 ? 'validation.policy.tagValueRequired' : 'validation.policy.tagValue',
        params: { key, values: allowed.join(', ') },
      });
    }
  }

  const { infrastructure } = request;
  const withFargate = infrastructure.type === 'fargate' || infrastructure.fargate;
  if (infrastructure.type !== 'fargate' && !rules.infrastructure.includes('ec2')) {
    refuse(['infrastructure', 'type'], 'infrastructure', { key: 'validation.policy.ec2' });
  }
  if (withFargate && !rules.infrastructure.includes('fargate')) {
    refuse(['infrastructure', 'fargate'], 'infrastructure', { key: 'validation.policy.fargate' });
  }
  if (infrastructure.type === 'ec2NewGroup') {
    const { instanceType, maxSize } = infrastructure.instances;
    const patterns = rules.instanceTypes;
    if (patterns && !instanceTypeAllowed(patterns, instanceType)) {
      refuse(['infrastructure', 'instances', 'instanceType'], 'instanceTypes', {
        key: 'validation.policy.instanceType',
        params: { patterns: patterns.join(', ') },
      });
    }
    if (rules.maxInstances !== undefined && maxSize > rules.maxInstances) {
      refuse(['infrastructure', 'instances', 'maxSize'], 'maxInstances', {
        key: 'validation.policy.maxInstances',
        params: { max: rules.maxInstances },
      });
    }
  }

  const minimum = rules.containerInsights;
  const level = request.monitoring ?? context.accountMonitoring;
  if (minimum && MONITORING_ORDER.indexOf(level) < MONITORING_ORDER.indexOf(minimum)) {
    refuse(['monitoring'], 'containerInsights', {
      key: 'validation.policy.containerInsights',
      params: { level: minimum },
    });
  }
  return violations;
}
