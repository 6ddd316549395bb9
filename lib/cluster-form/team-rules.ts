import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import type { MonitoringLevel } from '@/lib/cluster/request-values';
import { MONITORING_LEVELS } from '@/lib/cluster/request-values';
import type { Policy, TeamRules } from '@/lib/policy/policy-file';

/**
 * A team as the Create form shows it: its name and the rules that shape the form (the prefix
 * filled in, required tags as rows, the allowed infrastructure, instance types and maximum). The
 * server decides again on submit; the form only makes the rules visible beforehand.
 */
export interface FormTeam {
  name: string;
  rules: Pick<
    TeamRules,
    'clusterNamePrefix' | 'requiredTags' | 'infrastructure' | 'instanceTypes' | 'maxInstances' | 'containerInsights'
  >;
}

export function formTeams(policy: Policy, names: readonly string[]): FormTeam[] {
  return names.flatMap((name) => {
    const rules = policy.teams[name];
    if (!rules) return [];
    const { clusterNamePrefix, requiredTags, infrastructure, instanceTypes, maxInstances, containerInsights } = rules;
    return [
      {
        name,
        rules: { clusterNamePrefix, requiredTags, infrastructure, instanceTypes, maxInstances, containerInsights },
      },
    ];
  });
}

const atLeast = (level: string, minimum: MonitoringLevel | undefined) => {
  const order = [...MONITORING_LEVELS].reverse(); // disabled < enabled < enhanced
  return minimum && order.indexOf(level as MonitoringLevel) < order.indexOf(minimum) ? minimum : level;
};

/**
 * The form's values once a team is chosen: its prefix starts the name (replacing the previous
 * team's), its required tags are there as rows, Container Insights is at least its minimum, the
 * infrastructure it may not use is unchecked and the group maximum is within its cap.
 */
export function withTeamDefaults(
  values: ClusterFormValues,
  team: FormTeam,
  previous?: FormTeam,
): Partial<ClusterFormValues> {
  const { rules } = team;
  const oldPrefix = previous?.rules.clusterNamePrefix ?? '';
  const newPrefix = rules.clusterNamePrefix ?? '';
  const name = values.clusterName.startsWith(oldPrefix)
    ? values.clusterName.slice(oldPrefix.length)
    : values.clusterName;
  const keys = new Set(values.tags.map((tag) => tag.key));
  const requiredRows = Object.entries(rules.requiredTags)
    .filter(([key]) => !keys.has(key))
    .map(([key, allowed]) => ({ key, value: allowed.length === 1 ? allowed[0]! : '' }));
  const emptyRows = values.tags.filter((tag) => tag.key === '' && tag.value === '');
  return {
    team: team.name,
    clusterName: name.startsWith(newPrefix) ? name : `${newPrefix}${name}`,
    tags: [...values.tags.filter((tag) => !emptyRows.includes(tag)), ...requiredRows],
    monitoring: atLeast(values.monitoring, rules.containerInsights),
    fargate: values.fargate && rules.infrastructure.includes('fargate'),
    ec2: values.ec2 && rules.infrastructure.includes('ec2'),
    ...(rules.infrastructure.includes('fargate') ? {} : { ec2: true }),
    maxSize:
      rules.maxInstances !== undefined && Number(values.maxSize) > rules.maxInstances
        ? String(rules.maxInstances)
        : values.maxSize,
  };
}
