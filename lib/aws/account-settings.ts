import 'server-only';
import { ListAccountSettingsCommand } from '@aws-sdk/client-ecs';
import { MONITORING_LEVELS, type MonitoringLevel } from '@/lib/cluster/request';
import { ecsClient } from './clients';
import { needs } from './errors';

/**
 * The account's Container Insights default for new clusters, as ECS applies it to this caller
 * (effective settings), or undefined when it has none. ECS uses it when CreateCluster names none.
 */
export const accountContainerInsights = needs(
  'ecs:ListAccountSettings',
  async (): Promise<MonitoringLevel | undefined> => {
    const { settings = [] } = await ecsClient().send(
      new ListAccountSettingsCommand({ name: 'containerInsights', effectiveSettings: true }),
    );
    const value = settings.find((setting) => setting.name === 'containerInsights')?.value;
    return MONITORING_LEVELS.find((level) => level === value);
  },
);
