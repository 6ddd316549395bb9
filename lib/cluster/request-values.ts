import { MAX_USER_TAGS, MAX_USER_TAGS_WITH_NEW_GROUP } from './limits';
import type { Infrastructure } from './request';

/**
 * The request's fixed values, apart from its zod schema: the page's sections read them without
 * loading zod, which the browser fetches only when the form is first checked.
 */

export const MONITORING_LEVELS = ['enhanced', 'enabled', 'disabled'] as const;
export type MonitoringLevel = (typeof MONITORING_LEVELS)[number];
/** ECS Exec logging: ECS's default, custom destinations (CloudWatch Logs and/or S3), or none. */
export const EXEC_LOGGING_MODES = ['DEFAULT', 'OVERRIDE', 'NONE'] as const;

/** True when the cluster has Fargate's capacity providers. */
export const usesFargate = (infrastructure: Infrastructure) =>
  infrastructure.type === 'fargate' || infrastructure.fargate;

/** How many tags a person may add to this request: a new group also carries AmazonECSManaged and Name. */
export const tagLimit = (withNewGroup: boolean) => (withNewGroup ? MAX_USER_TAGS_WITH_NEW_GROUP : MAX_USER_TAGS);
