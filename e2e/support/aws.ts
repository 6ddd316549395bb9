import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  ECSClient,
  ListClustersCommand,
} from '@aws-sdk/client-ecs';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient, ListInstanceProfilesCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateHttpNamespaceCommand,
  paginateListNamespaces,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { E2E } from './settings';

/** Clients that read moto directly (not through the fault proxy), to check what AWS now holds. */
const config = {
  endpoint: E2E.motoUrl,
  region: E2E.region,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};
export const ecs = new ECSClient(config);
export const serviceDiscovery = new ServiceDiscoveryClient(config);
export const ec2 = new EC2Client(config);
export const autoScaling = new AutoScalingClient(config);
export const iam = new IAMClient(config);
export const logs = new CloudWatchLogsClient(config);
export const s3 = new S3Client({ ...config, forcePathStyle: true });

/** ECS Exec logs only to destinations that exist: tests make them first, as a person would. */
export const createLogGroup = (name: string) => logs.send(new CreateLogGroupCommand({ logGroupName: name }));
export const createBucket = (name: string) => s3.send(new CreateBucketCommand({ Bucket: name }));

/** Empties moto, and removes every fault and call count from the proxy. */
export async function resetAws() {
  await fetch(`${E2E.motoUrl}/moto-api/reset`, { method: 'POST' });
  await fetch(`${E2E.proxyUrl}/__faults`, { method: 'DELETE' });
  await fetch(`${E2E.proxyUrl}/__calls`, { method: 'DELETE' });
}

export interface Fault {
  operation: string;
  code?: string;
  status?: number;
  message?: string;
  drop?: boolean;
  times?: number;
  skip?: number;
  delayMs?: number;
  loseAnswer?: boolean;
  holdAnswerMs?: number;
  match?: string;
}

export async function injectFault(fault: Fault) {
  await fetch(`${E2E.proxyUrl}/__faults`, { method: 'POST', body: JSON.stringify(fault) });
}

export async function callsSeen(): Promise<string[]> {
  return (await fetch(`${E2E.proxyUrl}/__calls`)).json();
}

/** The calls the app made, each once however often the SDK retried it (a slow moto resets a connection now and then). */
export async function callsAsked(): Promise<string[]> {
  return (await fetch(`${E2E.proxyUrl}/__calls?asked=1`)).json();
}

export async function describeCluster(name: string) {
  const { clusters = [] } = await ecs.send(
    new DescribeClustersCommand({ clusters: [name], include: ['TAGS', 'SETTINGS', 'CONFIGURATIONS'] }),
  );
  return clusters.find((cluster) => cluster.clusterName === name);
}

export async function clusterNames(): Promise<string[]> {
  const { clusterArns = [] } = await ecs.send(new ListClustersCommand({}));
  return clusterArns.map((arn) => arn.split('/').pop() ?? '');
}

export async function createHttpNamespace(name: string): Promise<string> {
  await serviceDiscovery.send(new CreateHttpNamespaceCommand({ Name: name }));
  for await (const page of paginateListNamespaces({ client: serviceDiscovery }, {})) {
    const found = page.Namespaces?.find((namespace) => namespace.Name === name);
    if (found?.Arn) return found.Arn;
  }
  throw new Error(`namespace ${name} was not created`);
}

/** Active clusters only: moto keeps deleted clusters as INACTIVE, as ECS does for a while. */
export async function activeClusterNames(): Promise<string[]> {
  const names = await clusterNames();
  if (names.length === 0) return [];
  const { clusters = [] } = await ecs.send(new DescribeClustersCommand({ clusters: names }));
  return clusters.filter((cluster) => cluster.status === 'ACTIVE').map((cluster) => cluster.clusterName ?? '');
}

export async function capacityProviders() {
  const { capacityProviders = [] } = await ecs.send(new DescribeCapacityProvidersCommand({}));
  return capacityProviders.filter((provider) => !provider.name?.startsWith('FARGATE'));
}

export async function autoScalingGroups() {
  return (await autoScaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
}

export async function launchTemplates() {
  return (await ec2.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates ?? [];
}

export async function launchTemplateData(name: string) {
  const { LaunchTemplateVersions = [] } = await ec2.send(
    new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: name, Versions: ['$Latest'] }),
  );
  return LaunchTemplateVersions[0]?.LaunchTemplateData;
}

export async function securityGroups() {
  return (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
}

/** What resourcesLeft() says when nothing was left behind. */
export const NOTHING_LEFT = {
  clusters: [],
  capacityProviders: [],
  autoScalingGroups: [],
  launchTemplates: [],
  securityGroups: [],
  roles: [],
  instanceProfiles: [],
};

/** Everything a Create request could have made, by kind: empty lists mean nothing was left behind. */
export async function resourcesLeft() {
  const [clusters, providers, groups, templates, allGroups, roles, profiles] = await Promise.all([
    activeClusterNames(),
    capacityProviders(),
    autoScalingGroups(),
    launchTemplates(),
    securityGroups(),
    iam.send(new ListRolesCommand({})),
    iam.send(new ListInstanceProfilesCommand({})),
  ]);
  return {
    clusters,
    capacityProviders: providers.map((provider) => provider.name),
    autoScalingGroups: groups.map((group) => group.AutoScalingGroupName),
    launchTemplates: templates.map((template) => template.LaunchTemplateName),
    securityGroups: allGroups.filter((group) => group.GroupName !== 'default').map((group) => group.GroupName),
    roles: (roles.Roles ?? []).map((role) => role.RoleName).filter((name) => name === 'ecsInstanceRole'),
    instanceProfiles: (profiles.InstanceProfiles ?? []).map((profile) => profile.InstanceProfileName),
  };
}

/** moto's default VPC, one of its subnets and its default security group: an EC2 form's network. */
export async function defaultNetwork() {
  const { Subnets = [] } = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  const subnet = Subnets.toSorted((a, b) => (a.SubnetId ?? '').localeCompare(b.SubnetId ?? ''))[0];
  const group = (await securityGroups()).find((g) => g.GroupName === 'default' && g.VpcId === subnet?.VpcId);
  return { vpcId: subnet?.VpcId ?? '', subnetIds: subnet?.SubnetId ?? '', securityGroupIds: group?.GroupId ?? '' };
}
