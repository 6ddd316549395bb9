import { ECS_INSTANCE_ROLE, ECS_INSTANCE_ROLE_POLICY_ARN } from '../ec2';
import { FARGATE_CAPACITY_PROVIDERS } from './cluster';
import type { AwsCall, ClusterPlan, KeptResource, PlanStep, StepAction, StepActions, StepId } from './steps';

/** What the creating request made, as its journal tells: its plan, each step's last status and the outputs. */
export interface CreatedHere {
  requestId: string;
  plan: ClusterPlan;
  statuses: readonly string[];
  outputs: Record<string, string>;
}

/** Everything a teardown plan is made from, gathered from AWS and the journal beforehand. */
export interface TeardownFacts {
  clusterName: string;
  /** The delete request's id. */
  requestId: string;
  /** The cluster's capacity providers and Service Connect namespace, as ECS describes it now. */
  capacityProviders: readonly string[];
  namespace?: string;
  /** Services in the cluster, and its tasks running or about to run: ECS refuses to delete it while there are any. */
  services: number;
  tasks: number;
  /** The request that created the cluster here; absent for a cluster created elsewhere. */
  createdHere?: CreatedHere;
  /** Other clusters or instance profiles that use the instance role the creating request made. */
  roleUsedBy: readonly string[];
}

export type TeardownPlan =
  { ok: true; plan: ClusterPlan } | { ok: false; refusal: { services: number; tasks: number } };

/**
 * The teardown of a cluster: for one created here, everything its creating request made and still
 * holds (see STILL_MADE), in reverse: the capacity providers off the cluster, the
 * group scaled to zero and deleted, the capacity provider, launch template, security group, the
 * instance role and profile (only if that request made them and nothing else uses them), then the
 * cluster. For a cluster made elsewhere, only the cluster. Pure, like planCluster: the Review panel
 * shows exactly what the worker will do. Every step counts a resource already gone as done, so a
 * teardown that stopped can run again.
 */
export function planTeardown(facts: TeardownFacts): TeardownPlan {
  if (facts.services > 0 || facts.tasks > 0) {
    return { ok: false, refusal: { services: facts.services, tasks: facts.tasks } };
  }
  const made = madeByCreatingRequest(facts.createdHere);
  const cluster = facts.clusterName;
  const steps: PlanStep[] = [];
  const step = (id: StepId, call: AwsCall, extra: Partial<PlanStep> = {}) =>
    steps.push({ id, call, doneIfGone: true, ...extra });

  const capacityProvider = made('createCapacityProvider', 'ecs:CreateCapacityProvider')?.name;
  if (made('attachCapacityProviders', 'ecs:PutClusterCapacityProviders')) {
    // A capacity provider can be deleted only once no cluster uses it; the cluster goes next anyway.
    step('removeCapacityProviders', {
      action: 'ecs:PutClusterCapacityProviders',
      input: { cluster, capacityProviders: [], defaultCapacityProviderStrategy: [] },
    });
  }
  const group = made('createAutoScalingGroup', 'autoscaling:CreateAutoScalingGroup')?.AutoScalingGroupName;
  if (group) {
    step('scaleGroupToZero', {
      action: 'autoscaling:UpdateAutoScalingGroup',
      input: { AutoScalingGroupName: group, MinSize: 0, MaxSize: 0, DesiredCapacity: 0 },
    });
    step('deleteAutoScalingGroup', {
      action: 'autoscaling:DeleteAutoScalingGroup',
      input: { AutoScalingGroupName: group, ForceDelete: true },
    });
    // ECS refuses to delete a cluster that still has container instances.
    step(
      'waitForInstancesToLeave',
      { action: 'ecs:DescribeClusters', input: { clusters: [cluster] } },
      { waitUntil: 'clusterHasNoInstances' },
    );
  }
  if (capacityProvider) {
    step('deleteCapacityProvider', { action: 'ecs:DeleteCapacityProvider', input: { capacityProvider } });
  }
  const launchTemplate = made('createLaunchTemplate', 'ec2:CreateLaunchTemplate')?.LaunchTemplateName;
  if (launchTemplate) {
    step('deleteLaunchTemplate', { action: 'ec2:DeleteLaunchTemplate', input: { LaunchTemplateName: launchTemplate } });
  }
  const securityGroupId = facts.createdHere?.outputs['createSecurityGroup.groupId'];
  if (made('createSecurityGroup', 'ec2:CreateSecurityGroup') && securityGroupId) {
    step('deleteSecurityGroup', { action: 'ec2:DeleteSecurityGroup', input: { GroupId: securityGroupId } });
  }
  const roleMade = made('createInstanceRole', 'iam:CreateRole') !== undefined;
  if (roleMade && facts.roleUsedBy.length === 0) {
    const role = { RoleName: ECS_INSTANCE_ROLE };
    const profile = { InstanceProfileName: ECS_INSTANCE_ROLE };
    if (made('addRoleToInstanceProfile', 'iam:AddRoleToInstanceProfile')) {
      step('removeRoleFromInstanceProfile', {
        action: 'iam:RemoveRoleFromInstanceProfile',
        input: { ...profile, ...role },
      });
    }
    if (made('createInstanceProfile', 'iam:CreateInstanceProfile')) {
      step('deleteInstanceProfile', { action: 'iam:DeleteInstanceProfile', input: profile });
    }
    if (made('attachInstanceRolePolicy', 'iam:AttachRolePolicy')) {
      step('detachInstanceRolePolicy', {
        action: 'iam:DetachRolePolicy',
        input: { ...role, PolicyArn: ECS_INSTANCE_ROLE_POLICY_ARN },
      });
    }
    step('deleteInstanceRole', { action: 'iam:DeleteRole', input: role });
  }
  step('deleteCluster', { action: 'ecs:DeleteCluster', input: { cluster } });

  return {
    ok: true,
    plan: {
      kind: 'delete',
      clusterName: cluster,
      requestId: facts.requestId,
      steps,
      keeps: keptResources(facts, { capacityProvider, group, roleMade }),
      ...(facts.createdHere && { createdBy: facts.createdHere.requestId }),
    },
  };
}

/**
 * A creating step's resource is still there when the step is done, or when its undo failed (a
 * create that failed and could not roll back). An unverified step is left out: it may have made
 * nothing, and ecsInstanceRole's name is not the request's own.
 */
const STILL_MADE = new Set(['done', 'rollbackFailed']);

/** The input of a creating step whose resource is still there; names in it are the plan's own, never AWS's. */
function madeByCreatingRequest(created: CreatedHere | undefined) {
  return <A extends StepAction>(id: StepId, action: A): StepActions[A] | undefined => {
    if (!created) return undefined;
    const index = created.plan.steps.findIndex((step) => step.id === id && step.call.action === action);
    if (index < 0 || !STILL_MADE.has(created.statuses[index] ?? '')) return undefined;
    return created.plan.steps[index]!.call.input as StepActions[A];
  };
}

function keptResources(
  facts: TeardownFacts,
  made: { capacityProvider?: string; group?: string; roleMade: boolean },
): KeptResource[] {
  const kept: KeptResource[] = facts.capacityProviders
    .filter((name) => !FARGATE_CAPACITY_PROVIDERS.includes(name) && name !== made.capacityProvider)
    .map((name) => ({ resource: 'capacityProvider', name, reason: 'notMadeHere' }));
  const request = facts.createdHere?.plan.steps.find((step) => step.id === 'createCapacityProvider');
  const groupArn =
    request?.call.action === 'ecs:CreateCapacityProvider'
      ? request.call.input.autoScalingGroupProvider?.autoScalingGroupArn
      : undefined;
  // A group the person chose when creating (not one the request made) stays with its instances.
  if (groupArn && !made.group && !groupArn.includes('{{')) {
    kept.push({
      resource: 'autoScalingGroup',
      name: groupArn.split('autoScalingGroupName/').pop()!,
      reason: 'notMadeHere',
    });
  }
  if (made.roleMade && facts.roleUsedBy.length > 0) {
    kept.push({ resource: 'instanceRole', name: ECS_INSTANCE_ROLE, reason: 'inUse', usedBy: [...facts.roleUsedBy] });
  }
  if (facts.namespace) kept.push({ resource: 'namespace', name: facts.namespace, reason: 'notMadeHere' });
  return kept;
}
