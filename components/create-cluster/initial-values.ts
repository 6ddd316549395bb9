import { type ClusterFormValues, defaultClusterFormValues } from '@/lib/cluster-form/fields';
import type { MonitoringLevel } from '@/lib/cluster/request-values';
import { type FormTeam, withTeamDefaults } from '@/lib/cluster-form/team-rules';

/**
 * The values a new form starts with: the console's defaults, the account's Container Insights
 * default, EC2 when asked for, and the first team's rules. The page computes its first Review
 * from them on the server; the form starts from the same.
 */
export function initialFormValues(options: {
  requestId: string;
  teams: FormTeam[];
  accountMonitoring?: MonitoringLevel;
  ec2Chosen: boolean;
}): ClusterFormValues {
  const values = {
    ...defaultClusterFormValues(options.requestId, { monitoring: options.accountMonitoring }),
    ec2: options.ec2Chosen,
  };
  const [team] = options.teams;
  return team ? { ...values, ...withTeamDefaults(values, team) } : values;
}
