import { DEFAULT_ROOT_VOLUME_GIB } from './ec2';
import type { ClusterFormValues } from './schema';

/**
 * The console's defaults: Fargate on, Container Insights off, ECS Exec logging left to ECS; for
 * EC2, a new On-demand group of 0 to 5 Amazon Linux 2023 instances. The defaults that depend on
 * the account (VPC, subnets, security group, instance type, role) are filled in when they load.
 */
export function defaultClusterFormValues(requestId: string): ClusterFormValues {
  return {
    requestId,
    clusterName: '',
    namespace: '',
    fargate: true,
    monitoring: 'disabled',
    execKmsKeyId: '',
    execLogging: 'DEFAULT',
    execLogGroupName: '',
    execLogGroupEncryption: false,
    execS3BucketName: '',
    execS3KeyPrefix: '',
    execS3Encryption: false,
    managedStorageKmsKeyId: '',
    fargateEphemeralStorageKmsKeyId: '',
    tags: [],
    ec2: false,
    autoScalingGroupArn: '',
    provisioningModel: 'ON_DEMAND',
    spotAllocationStrategy: 'price-capacity-optimized',
    amiFamily: 'al2023',
    instanceType: '',
    instanceProfile: '',
    minSize: '0',
    maxSize: '5',
    keyName: '',
    rootVolumeSize: String(DEFAULT_ROOT_VOLUME_GIB),
    vpcId: '',
    subnetIds: [],
    securityGroupMode: 'existing',
    securityGroupIds: [],
    securityGroupName: '',
    securityGroupDescription: '',
    inboundRules: [],
    publicIp: 'subnet',
  };
}
