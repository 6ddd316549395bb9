import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from './zod-field-errors';
import type { ClusterFormValues } from './fields';
import { clusterFormSchema } from './form-schema';
import { ec2Values, formValues } from './test-values';

function errorsOf(change: Partial<ClusterFormValues>) {
  const result = clusterFormSchema.safeParse(formValues({ ...ec2Values, ...change }));
  return result.success ? {} : fieldErrorsFromZod(result.error);
}

describe('Amazon EC2 instances', () => {
  it('accepts the console’s defaults with the account’s choices filled in', () => {
    expect(errorsOf({})).toEqual({});
  });

  it('may be chosen alone, or with Fargate, but one of them is needed', () => {
    expect(errorsOf({ fargate: false })).toEqual({});
    expect(errorsOf({ fargate: false, ec2: false }).fargate).toBe('validation.infrastructure.required');
  });

  it('ignores every EC2 field when EC2 is not chosen', () => {
    expect(errorsOf({ ec2: false, instanceType: '', subnetIds: [], minSize: 'x' })).toEqual({});
  });

  it('needs nothing more with an existing Auto Scaling group', () => {
    expect(
      errorsOf({
        autoScalingGroupArn:
          'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:8f0e5b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/g',
        instanceType: '',
        subnetIds: [],
      }),
    ).toEqual({});
  });

  it.each([
    ['t3.medium', 'al2023', undefined],
    ['t4g.medium', 'al2023-arm64', undefined],
    ['c6gn.large', 'al2-arm64', undefined],
    ['g4dn.xlarge', 'al2023-gpu', undefined],
    ['a1.large', 'al2023-arm64', undefined],
    ['t4g.medium', 'al2023', 'validation.instanceType.architecture'],
    ['m7g.large', 'al2-kernel-5-10', 'validation.instanceType.architecture'],
    ['t3.medium', 'al2023-arm64', 'validation.instanceType.architecture'],
    ['', 'al2023', 'validation.instanceType.required'],
    ['t3', 'al2023', 'validation.instanceType.format'],
    ['T3.MEDIUM', 'al2023', 'validation.instanceType.format'],
  ] as const)('instance type %s with AMI %s → %s', (instanceType, amiFamily, expected) => {
    expect(errorsOf({ instanceType, amiFamily }).instanceType).toBe(expected);
  });

  it.each([
    ['0', '5', {}],
    ['0', '1', {}],
    ['3', '3', {}],
    ['0', '0', { maxSize: 'validation.capacity.maxAtLeastOne' }],
    ['4', '2', { maxSize: 'validation.capacity.maxBelowMin' }],
    ['-1', '2', { minSize: 'validation.capacity.number' }],
    ['1.5', '2', { minSize: 'validation.capacity.number' }],
    ['', '2', { minSize: 'validation.capacity.number' }],
    ['0', '10001', { maxSize: 'validation.capacity.number' }],
  ])('capacity %s to %s', (minSize, maxSize, expected) => {
    const errors = errorsOf({ minSize, maxSize });
    expect({ minSize: errors.minSize, maxSize: errors.maxSize }).toEqual({
      minSize: undefined,
      maxSize: undefined,
      ...expected,
    });
  });

  it.each([
    ['30', undefined],
    ['16384', undefined],
    ['29', 'validation.rootVolume.range'],
    ['16385', 'validation.rootVolume.range'],
    ['abc', 'validation.rootVolume.range'],
  ])('root volume %s GiB → %s', (rootVolumeSize, expected) => {
    expect(errorsOf({ rootVolumeSize }).rootVolumeSize).toBe(expected);
  });

  it('needs a VPC, a subnet and a security group', () => {
    expect(errorsOf({ vpcId: '', subnetIds: [], securityGroupIds: [] })).toEqual({
      vpcId: 'validation.vpc.required',
      subnetIds: 'validation.subnets.required',
      securityGroupIds: 'validation.securityGroups.required',
    });
  });

  describe('a new security group', () => {
    const newGroup = (change: Partial<ClusterFormValues>) =>
      errorsOf({ securityGroupMode: 'new', securityGroupIds: [], securityGroupName: 'ecs-hosts', ...change });

    it('needs a valid name, and no existing group', () => {
      expect(newGroup({})).toEqual({});
      expect(newGroup({ securityGroupName: '' }).securityGroupName).toBe('validation.securityGroupName.required');
      expect(newGroup({ securityGroupName: 'sg-mine' }).securityGroupName).toBe('validation.securityGroupName.prefix');
      expect(newGroup({ securityGroupName: 'n'.repeat(256) }).securityGroupName).toBe(
        'validation.securityGroupName.tooLong',
      );
      expect(newGroup({ securityGroupName: '보안' }).securityGroupName).toBe('validation.securityGroupText.characters');
      expect(newGroup({ securityGroupDescription: 'tab\there' }).securityGroupDescription).toBe(
        'validation.securityGroupText.characters',
      );
    });

    it.each([
      [{ type: 'ssh', ports: '', source: 'anywhere', cidr: '' }, {}],
      [{ type: 'custom-tcp', ports: '8080', source: 'anywhere', cidr: '' }, {}],
      [{ type: 'custom-udp', ports: '8000-8100', source: 'custom', cidr: '10.0.0.0/16' }, {}],
      [{ type: 'all-traffic', ports: '', source: 'custom', cidr: '192.168.1.7/32' }, {}],
      [{ type: 'custom-tcp', ports: '', source: 'anywhere', cidr: '' }, { ports: 'validation.inboundRule.ports' }],
      [{ type: 'custom-tcp', ports: '70000', source: 'anywhere', cidr: '' }, { ports: 'validation.inboundRule.ports' }],
      [{ type: 'custom-tcp', ports: '90-80', source: 'anywhere', cidr: '' }, { ports: 'validation.inboundRule.ports' }],
      [{ type: 'https', ports: '', source: 'custom', cidr: '10.0.0.0' }, { cidr: 'validation.inboundRule.cidr' }],
      [{ type: 'https', ports: '', source: 'custom', cidr: '300.0.0.0/8' }, { cidr: 'validation.inboundRule.cidr' }],
      [{ type: 'https', ports: '', source: 'custom', cidr: '10.0.0.0/33' }, { cidr: 'validation.inboundRule.cidr' }],
    ] as const)('rule %j', (rule, expected) => {
      const errors = newGroup({ inboundRules: [rule] });
      expect({ ports: errors['inboundRules.0.ports'], cidr: errors['inboundRules.0.cidr'] }).toEqual({
        ports: undefined,
        cidr: undefined,
        ...expected,
      });
    });
  });

  it('leaves room in a new group’s 50 tags for its own three', () => {
    const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(errorsOf({ tags: tags(47) })).toEqual({});
    expect(errorsOf({ tags: tags(48) }).tags).toBe('validation.tags.tooManyForGroup');
    expect(errorsOf({ ec2: false, tags: tags(48) })).toEqual({});
  });
});

describe('every EC2 value is checked in AWS’s own format before AWS is asked anything', () => {
  it.each([
    [{ vpcId: 'vpc-1' }, 'vpcId', 'validation.vpc.format'],
    [{ vpcId: 'vpc-0A1B2C3D4E5F60718' }, 'vpcId', 'validation.vpc.format'],
    [{ subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-x'] }, 'subnetIds', 'validation.subnets.format'],
    [{ securityGroupIds: ['default'] }, 'securityGroupIds', 'validation.securityGroups.format'],
    [{ instanceProfile: 'role with spaces' }, 'instanceProfile', 'validation.instanceProfile.format'],
    [{ instanceProfile: 'r'.repeat(129) }, 'instanceProfile', 'validation.instanceProfile.format'],
    [{ keyName: 'ключ' }, 'keyName', 'validation.keyName.format'],
    [{ keyName: 'k'.repeat(256) }, 'keyName', 'validation.keyName.format'],
    [{ autoScalingGroupArn: 'my-group' }, 'autoScalingGroupArn', 'validation.autoScalingGroup.format'],
    [{ amiFamily: 'windows' }, 'amiFamily', 'validation.choice'],
    [{ provisioningModel: 'RESERVED' }, 'provisioningModel', 'validation.choice'],
    [{ securityGroupMode: 'both' }, 'securityGroupMode', 'validation.choice'],
    [{ publicIp: 'always' }, 'publicIp', 'validation.choice'],
  ] as [Partial<ClusterFormValues>, string, string][])('%j → %s: %s', (change, field, expected) => {
    expect(errorsOf(change)[field]).toBe(expected);
  });

  it('accepts the ids AWS gives, short and long', () => {
    expect(
      errorsOf({
        vpcId: 'vpc-1a2b3c4d',
        subnetIds: ['subnet-1a2b3c4d', 'subnet-0aaaaaaaaaaaaaaaa'],
        securityGroupIds: ['sg-1a2b3c4d'],
        instanceProfile: 'ecs+Instance=Profile,v1.2@team_a-b',
        keyName: 'ops key (2026)',
      }),
    ).toEqual({});
  });
});
