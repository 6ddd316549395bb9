// The chaos benchmark's AWS side (scripts/chaos.mjs): the requests it sends, what it prepares in
// moto before, and what moto holds afterwards, by the request tag. Loaded once the dependencies exist.
import { AutoScalingClient, paginateDescribeAutoScalingGroups } from '@aws-sdk/client-auto-scaling';
import {
  DescribeLaunchTemplatesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  paginateDescribeSecurityGroups,
} from '@aws-sdk/client-ec2';
import {
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  ECSClient,
  paginateListClusters,
} from '@aws-sdk/client-ecs';
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  IAMClient,
} from '@aws-sdk/client-iam';

/** The instance profile every EC2 create uses: made once, so no two creates race to make ecsInstanceRole. */
const INSTANCE_PROFILE = 'chaos-instances';

export const fargateCluster = (clusterName) => ({ clusterName, infrastructure: { type: 'fargate' }, tags: [] });

export const ec2Cluster = (clusterName, network) => ({
  clusterName,
  infrastructure: {
    type: 'ec2NewGroup',
    fargate: true,
    instances: {
      amiFamily: 'al2023',
      instanceType: 't3.small',
      instanceProfile: INSTANCE_PROFILE,
      minSize: 0,
      maxSize: 2,
      rootVolumeSize: 30,
      vpcId: network.vpcId,
      subnetIds: network.subnetIds,
      securityGroup: { type: 'new', name: `${clusterName}-sg`, inboundRules: [] },
      publicIp: 'subnet',
    },
  },
  tags: [],
});

/** What a create leaves in the account when it succeeded. */
export const resourcesOfCreate = (ec2) =>
  ec2 ? ['autoScalingGroup', 'capacityProvider', 'cluster', 'launchTemplate', 'securityGroup'] : ['cluster'];

export function accountAt(endpoint) {
  const environment = {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'chaos',
    AWS_SECRET_ACCESS_KEY: 'chaos',
    AWS_LIST_CACHE_SECONDS: '0',
  };
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'chaos', secretAccessKey: 'chaos' } };
  const ecs = new ECSClient(config);
  const ec2 = new EC2Client(config);
  const autoScaling = new AutoScalingClient(config);
  const iam = new IAMClient(config);

  return {
    environment,
    /** The instance profile, and the default VPC's subnets for the EC2 creates. */
    async prepare() {
      const trust = {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      };
      await iam.send(
        new CreateRoleCommand({ RoleName: INSTANCE_PROFILE, AssumeRolePolicyDocument: JSON.stringify(trust) }),
      );
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: INSTANCE_PROFILE }));
      await iam.send(
        new AddRoleToInstanceProfileCommand({ InstanceProfileName: INSTANCE_PROFILE, RoleName: INSTANCE_PROFILE }),
      );
      const vpcId = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })))
        .Vpcs[0].VpcId;
      const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
      return { vpcId, subnetIds: subnets.Subnets.slice(0, 2).map((subnet) => subnet.SubnetId) };
    },
    /** Every live resource carrying `tag`, by the tag's value (the request that made it; `requestIds`: all made). */
    async resourcesByRequest(tag, requestIds) {
      const found = new Map();
      const add = (requestId, resource) =>
        requestId && found.set(requestId, [...(found.get(requestId) ?? []), resource]);
      // ECS spells its tags key/value, EC2 and Auto Scaling Key/Value.
      const valueOf = (tags = []) => {
        const found = tags.find((candidate) => (candidate.key ?? candidate.Key) === tag);
        return found?.value ?? found?.Value;
      };

      const arns = [];
      for await (const page of paginateListClusters({ client: ecs }, {})) arns.push(...(page.clusterArns ?? []));
      for (let start = 0; start < arns.length; start += 100) {
        const { clusters = [] } = await ecs.send(
          new DescribeClustersCommand({ clusters: arns.slice(start, start + 100), include: ['TAGS'] }),
        );
        for (const cluster of clusters) if (cluster.status === 'ACTIVE') add(valueOf(cluster.tags), 'cluster');
      }
      let nextToken;
      do {
        const page = await ecs.send(new DescribeCapacityProvidersCommand({ include: ['TAGS'], nextToken }));
        for (const provider of page.capacityProviders ?? []) {
          if (provider.status === 'ACTIVE') add(valueOf(provider.tags), 'capacityProvider');
        }
        nextToken = page.nextToken;
      } while (nextToken);
      for await (const page of paginateDescribeAutoScalingGroups({ client: autoScaling }, {})) {
        for (const group of page.AutoScalingGroups ?? []) add(valueOf(group.Tags), 'autoScalingGroup');
      }
      const byTag = { Filters: [{ Name: 'tag-key', Values: [tag] }] };
      // moto answers DescribeLaunchTemplates with 15 templates at most and no NextToken: asked by
      // the tag's value, ten requests at a time, each answer stays below that.
      for (let start = 0; start < requestIds.length; start += 10) {
        const values = requestIds.slice(start, start + 10);
        const page = await ec2.send(
          new DescribeLaunchTemplatesCommand({ Filters: [{ Name: `tag:${tag}`, Values: values }] }),
        );
        for (const template of page.LaunchTemplates ?? []) add(valueOf(template.Tags), 'launchTemplate');
      }
      for await (const page of paginateDescribeSecurityGroups({ client: ec2 }, byTag)) {
        for (const group of page.SecurityGroups ?? []) add(valueOf(group.Tags), 'securityGroup');
      }
      return found;
    },
  };
}
