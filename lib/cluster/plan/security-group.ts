import { INBOUND_RULE_TYPES } from '../ec2';
import type { ClusterRequest, InboundRule, NewGroup } from '../request';
import { withoutUndefined } from '../without-undefined';
import { output, type PlanStep } from './steps';
import { awsTags } from './tags';

type NewSecurityGroup = Extract<NewGroup['securityGroup'], { type: 'new' }>;

/** "Create a new security group" in the VPC, with its inbound rules; deleting the group takes its rules along. */
export function securityGroupSteps(request: ClusterRequest, vpcId: string, group: NewSecurityGroup): PlanStep[] {
  const groupId = output('createSecurityGroup', 'groupId');
  const steps: PlanStep[] = [
    {
      id: 'createSecurityGroup',
      call: {
        action: 'ec2:CreateSecurityGroup',
        input: {
          GroupName: group.name,
          Description: group.description ?? group.name,
          VpcId: vpcId,
          TagSpecifications: [{ ResourceType: 'security-group', Tags: awsTags(request) }],
        },
      },
      undo: { action: 'ec2:DeleteSecurityGroup', input: { GroupId: groupId } },
    },
  ];
  if (group.inboundRules.length > 0) {
    steps.push({
      id: 'authorizeSecurityGroupIngress',
      call: {
        action: 'ec2:AuthorizeSecurityGroupIngress',
        input: { GroupId: groupId, IpPermissions: group.inboundRules.map(ipPermission) },
      },
    });
  }
  return steps;
}

/** The group the instances launch into: the new one, or the chosen existing ones. */
export function securityGroupIds(group: NewGroup['securityGroup']): string[] {
  return group.type === 'new' ? [output('createSecurityGroup', 'groupId')] : group.ids;
}

function ipPermission(rule: InboundRule) {
  const preset = INBOUND_RULE_TYPES[rule.type];
  // A preset's own ports win over any range sent with it.
  const fixed = preset.ports === undefined ? undefined : { from: Number(preset.ports), to: Number(preset.ports) };
  const ports = preset.protocol === '-1' ? undefined : (fixed ?? rule.portRange);
  return withoutUndefined({
    IpProtocol: preset.protocol,
    FromPort: ports?.from,
    ToPort: ports?.to,
    IpRanges: [{ CidrIp: rule.cidr }],
  });
}
