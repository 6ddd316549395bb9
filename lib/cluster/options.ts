import type { MessageRef } from '@/lib/i18n/messages';

/**
 * What the form offers from the account, as the browser receives it. Loaded on the server by
 * lib/aws; only the shapes live here, so the browser never imports a server module.
 */

/** A list loaded for a page, or the message that says why it could not be. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; error: MessageRef };

export interface NamespaceOption {
  name: string;
  arn: string;
  type: 'HTTP' | 'DNS_PUBLIC' | 'DNS_PRIVATE';
}

export interface VpcOption {
  id: string;
  name?: string;
  cidr?: string;
  isDefault: boolean;
}
export interface SubnetOption {
  id: string;
  vpcId: string;
  name?: string;
  availabilityZone?: string;
  cidr?: string;
}
export interface SecurityGroupOption {
  id: string;
  vpcId: string;
  name: string;
}
export interface AutoScalingGroupOption {
  name: string;
  arn: string;
  minSize: number;
  maxSize: number;
}

/** Everything the Amazon EC2 instances fields offer, each list loaded (or failed) on its own. */
export interface Ec2Options {
  vpcs: Loaded<VpcOption[]>;
  subnets: Loaded<SubnetOption[]>;
  securityGroups: Loaded<SecurityGroupOption[]>;
  keyPairs: Loaded<string[]>;
  instanceTypes: Loaded<string[]>;
  instanceProfiles: Loaded<string[]>;
  /** Only the groups no capacity provider uses yet. */
  freeAutoScalingGroups: Loaded<AutoScalingGroupOption[]>;
}

/**
 * How the form gets the lists: loaded before the page is sent (for browsers without JavaScript,
 * which open the form with EC2 chosen), or asked for by the page once EC2 is chosen (`fresh`:
 * read from AWS again rather than from the short-lived cache).
 */
export type Ec2OptionsSource = { loaded: Ec2Options } | { onceChosen: { fresh: boolean } };
