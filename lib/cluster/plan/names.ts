import type { ClusterRequest } from '../request';

export interface ResourceNames {
  launchTemplate: string;
  autoScalingGroup: string;
  capacityProvider: string;
}

/**
 * Names for what the plan creates: the cluster's name and the start of the request id, so a
 * resubmitted request collides with its own resources instead of making second ones.
 */
export function resourceNames(request: Pick<ClusterRequest, 'clusterName' | 'requestId'>): ResourceNames {
  const suffix = request.requestId.slice(0, 8);
  const named = (prefix: string, max: number) =>
    `${prefix}${request.clusterName.slice(0, max - prefix.length - suffix.length - 1)}-${suffix}`;
  return {
    // launch templates: 3-128 of [a-zA-Z0-9().-/_]; capacity providers must not start with aws, ecs or fargate
    launchTemplate: named('ecs-', 128),
    autoScalingGroup: named('ecs-', 255),
    capacityProvider: named('cp-', 255),
  };
}
