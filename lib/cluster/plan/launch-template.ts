import type { _InstanceType, RequestLaunchTemplateData } from '@aws-sdk/client-ec2';
import { AMI_FAMILIES, ECS_INSTANCE_ROLE, type AmiFamily } from '../ec2';
import type { ClusterRequest, NewGroup } from '../request';
import { withoutUndefined } from '../without-undefined';
import { output, type PlanStep } from './steps';
import { awsTags } from './tags';

/** The ECS-optimized AMI of the chosen family, read from AWS's public SSM parameter. */
export function amiStep(group: NewGroup): PlanStep {
  return {
    id: 'resolveAmi',
    call: { action: 'ssm:GetParameter', input: { Name: AMI_FAMILIES[group.amiFamily].parameter } },
  };
}

/** How the instances boot and join the cluster; deleting the template undoes it. */
export function launchTemplateStep(
  request: ClusterRequest,
  group: NewGroup,
  name: string,
  securityGroupIds: string[],
): PlanStep {
  const tags = awsTags(request);
  const family = AMI_FAMILIES[group.amiFamily];
  return {
    id: 'createLaunchTemplate',
    call: {
      action: 'ec2:CreateLaunchTemplate',
      input: {
        LaunchTemplateName: name,
        ClientToken: request.requestId,
        VersionDescription: `ECS container instances of cluster ${request.clusterName}`,
        LaunchTemplateData: withoutUndefined<RequestLaunchTemplateData>({
          ImageId: output('resolveAmi', 'imageId'),
          InstanceType: group.instanceType as _InstanceType,
          IamInstanceProfile: { Name: group.instanceProfile ?? ECS_INSTANCE_ROLE },
          KeyName: group.keyName,
          UserData: ecsUserData(request.clusterName, group.amiFamily),
          BlockDeviceMappings: [
            {
              DeviceName: family.volumeDevice,
              Ebs: { VolumeSize: group.rootVolumeSize, VolumeType: 'gp3', DeleteOnTermination: true },
            },
          ],
          // With a public IP, the security groups go inside the network interface.
          ...(group.publicIp === 'on'
            ? {
                NetworkInterfaces: [
                  {
                    DeviceIndex: 0,
                    AssociatePublicIpAddress: true,
                    Groups: securityGroupIds,
                    DeleteOnTermination: true,
                  },
                ],
              }
            : { SecurityGroupIds: securityGroupIds }),
          TagSpecifications: [{ ResourceType: 'volume', Tags: tags }],
        }),
        TagSpecifications: [{ ResourceType: 'launch-template', Tags: tags }],
      },
    },
    undo: { action: 'ec2:DeleteLaunchTemplate', input: { LaunchTemplateName: name } },
  };
}

/** Tells the ECS agent which cluster to join: a bash line for Amazon Linux, TOML settings for Bottlerocket. */
export function ecsUserData(clusterName: string, amiFamily: AmiFamily = 'al2023'): string {
  const text =
    AMI_FAMILIES[amiFamily].userData === 'toml'
      ? `[settings.ecs]\ncluster = "${clusterName}"\n`
      : `#!/bin/bash\necho ECS_CLUSTER=${clusterName} >> /etc/ecs/ecs.config;`;
  return btoa(text);
}
