/**
 * The choices the console offers for Amazon EC2 capacity, and the rules that tie them together.
 * Pure data: the form, the schema, the plan and the server all read it.
 */

export type Architecture = 'x86_64' | 'arm64';

/**
 * The container instance AMIs the console offers, resolved on the server from AWS's public SSM
 * parameters. Amazon Linux reads a bash script as user data and boots from /dev/xvda; Bottlerocket
 * reads TOML settings and keeps containers on its data volume, /dev/xvdb.
 */
const amazonLinux = (path: string, architecture: Architecture) =>
  ({
    parameter: `/aws/service/ecs/optimized-ami/${path}/recommended/image_id`,
    architecture,
    userData: 'bash',
    volumeDevice: '/dev/xvda',
  }) as const;
const bottlerocket = (architecture: Architecture) =>
  ({
    parameter: `/aws/service/bottlerocket/aws-ecs-2/${architecture}/latest/image_id`,
    architecture,
    userData: 'toml',
    volumeDevice: '/dev/xvdb',
  }) as const;

export const AMI_FAMILIES = {
  al2023: amazonLinux('amazon-linux-2023', 'x86_64'),
  'al2023-arm64': amazonLinux('amazon-linux-2023/arm64', 'arm64'),
  'al2023-gpu': amazonLinux('amazon-linux-2023/gpu', 'x86_64'),
  'al2-kernel-5-10': amazonLinux('amazon-linux-2/kernel-5.10', 'x86_64'),
  'al2-arm64': amazonLinux('amazon-linux-2/arm64', 'arm64'),
  bottlerocket: bottlerocket('x86_64'),
  'bottlerocket-arm64': bottlerocket('arm64'),
} as const satisfies Record<
  string,
  { parameter: string; architecture: Architecture; userData: 'bash' | 'toml'; volumeDevice: string }
>;
export type AmiFamily = keyof typeof AMI_FAMILIES;
/** The architecture of an AMI family as a form holds it: any text, judged by the schema later. */
export const amiArchitecture = (family: string): Architecture =>
  family in AMI_FAMILIES ? AMI_FAMILIES[family as AmiFamily].architecture : 'x86_64';
export const AMI_FAMILY_IDS = Object.keys(AMI_FAMILIES) as [AmiFamily, ...AmiFamily[]];

export const PROVISIONING_MODELS = ['ON_DEMAND', 'SPOT'] as const;
export const SPOT_ALLOCATION_STRATEGIES = ['price-capacity-optimized', 'lowest-price', 'capacity-optimized'] as const;
export const PUBLIC_IP_OPTIONS = ['subnet', 'on'] as const;
export const SECURITY_GROUP_MODES = ['existing', 'new'] as const;

/** Inbound rule presets of the console's "Create a new security group". */
export const INBOUND_RULE_TYPES = {
  ssh: { protocol: 'tcp', ports: '22' },
  http: { protocol: 'tcp', ports: '80' },
  https: { protocol: 'tcp', ports: '443' },
  'custom-tcp': { protocol: 'tcp', ports: undefined },
  'custom-udp': { protocol: 'udp', ports: undefined },
  'all-traffic': { protocol: '-1', ports: undefined },
} as const;
export type InboundRuleType = keyof typeof INBOUND_RULE_TYPES;
/** Custom TCP and UDP rules take a port range; the other types have theirs (or all ports). */
export const needsPortRange = (type: InboundRuleType) =>
  INBOUND_RULE_TYPES[type].ports === undefined && type !== 'all-traffic';
export const INBOUND_RULE_TYPE_IDS = Object.keys(INBOUND_RULE_TYPES) as [InboundRuleType, ...InboundRuleType[]];
export const ANYWHERE_IPV4 = '0.0.0.0/0';

export const INSTANCE_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;
export const ROOT_VOLUME_MIN_GIB = 30;
export const ROOT_VOLUME_MAX_GIB = 16384;
export const DEFAULT_ROOT_VOLUME_GIB = 30;
export const MAX_GROUP_SIZE = 10000;
export const SECURITY_GROUP_NAME_MAX = 255;
export const SECURITY_GROUP_TEXT_PATTERN = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
export const IPV4_CIDR_PATTERN =
  /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(3[0-2]|[12]?\d)$/;
export const PORT_RANGE_PATTERN = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** The role and instance profile "Create new role" makes, named as the console names them. */
export const ECS_INSTANCE_ROLE = 'ecsInstanceRole';
export const ECS_INSTANCE_ROLE_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role';

/**
 * Graviton (arm64) instance types carry a "g" right after the generation number (t4g, m7g, c6gn,
 * g5g, im4gn) or are a1. AWS confirms the architecture on the server before anything is created.
 */
export function instanceTypeArchitecture(instanceType: string): Architecture {
  return /^(a1|[a-z]+\d+g[a-z]*)\./.test(instanceType) ? 'arm64' : 'x86_64';
}

/** What the console preselects: a small general-purpose type of the AMI's architecture, if offered. */
const PREFERRED_INSTANCE_TYPES: Record<Architecture, string[]> = {
  x86_64: ['t3.medium', 't3.small', 't3a.medium', 't2.medium', 'm5.large'],
  arm64: ['t4g.medium', 't4g.small', 'm6g.large', 'm7g.large'],
};

export function defaultInstanceType(architecture: Architecture, offered: string[]): string {
  const available = new Set(offered);
  return (
    PREFERRED_INSTANCE_TYPES[architecture].find((type) => available.has(type)) ??
    offered.find((type) => instanceTypeArchitecture(type) === architecture) ??
    ''
  );
}

/** Parses "22" or "8000-8100" into a port range, or undefined when it is not one. */
export function parsePortRange(text: string): { from: number; to: number } | undefined {
  const match = PORT_RANGE_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from >= 0 && to <= 65535 && from <= to ? { from, to } : undefined;
}
