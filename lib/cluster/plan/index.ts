import type { ClusterRequest } from '../request';
import { autoScalingGroupSteps } from './auto-scaling-group';
import { capacityProviderSteps } from './capacity-provider';
import { clusterStep } from './cluster';
import { instanceRoleSteps } from './instance-role';
import { amiStep, launchTemplateStep } from './launch-template';
import { resourceNames } from './names';
import { securityGroupIds, securityGroupSteps } from './security-group';
import { output, type ClusterPlan, type PlanStep } from './steps';

/**
 * Turns a request into the exact AWS requests that create the cluster, in order, each with the
 * request that undoes it. Pure: the Review panel, the CLI preview, the executor and the unit tests
 * all read this one plan. A value only AWS can give (the AMI id, a new security group's id, the
 * new group's ARN) appears as `{{step.output}}` and is filled in by the executor.
 */
export function planCluster(request: ClusterRequest): ClusterPlan {
  const plan = (steps: PlanStep[]): ClusterPlan => ({
    kind: 'create',
    clusterName: request.clusterName,
    requestId: request.requestId,
    steps,
  });
  const cluster = clusterStep(request);
  const { infrastructure } = request;
  const names = resourceNames(request);

  switch (infrastructure.type) {
    case 'fargate':
      return plan([cluster]);
    case 'ec2ExistingGroup':
      return plan([
        cluster,
        ...capacityProviderSteps(
          request,
          infrastructure.fargate,
          names.capacityProvider,
          infrastructure.autoScalingGroupArn,
        ),
      ]);
    case 'ec2NewGroup': {
      const group = infrastructure.instances;
      const { securityGroup } = group;
      return plan([
        amiStep(group),
        ...(group.instanceProfile ? [] : instanceRoleSteps(request)),
        ...(securityGroup.type === 'new' ? securityGroupSteps(request, group.vpcId, securityGroup) : []),
        // The cluster exists before any instance boots and tries to join it.
        cluster,
        launchTemplateStep(request, group, names.launchTemplate, securityGroupIds(securityGroup)),
        ...autoScalingGroupSteps(request, group, names),
        ...capacityProviderSteps(
          request,
          infrastructure.fargate,
          names.capacityProvider,
          output('describeAutoScalingGroup', 'arn'),
        ),
      ]);
    }
  }
}

export { FARGATE_CAPACITY_PROVIDERS } from './cluster';
export { ecsUserData } from './launch-template';
export { effectCheckOf, type EffectCheck, lookupOf, madeByRequest, type StepLookup } from './lookups';
export { resourceNames } from './names';
export { resourceTags } from './tags';
export * from './steps';
export { planTeardown, type CreatedHere, type TeardownFacts, type TeardownPlan } from './teardown';
