/**
 * The console's limits and character rules, in one place so the schema, the constraint texts
 * and the tests agree.
 */

export const CLUSTER_NAME_MAX = 255;
export const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

export const NAMESPACE_MAX = 1024;
/** Printable ASCII without spaces (Cloud Map's rule for an HTTP namespace), minus ECS's forbidden < > " / */
export const NAMESPACE_NAME_PATTERN = /^[!#-.0-;=?-~]+$/;
export const NAMESPACE_ARN_PATTERN = /^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:\d{12}:namespace\/ns-[a-z0-9]+$/;

/** A single-Region key's ARN; aliases and multi-Region (mrk-) keys are not accepted by these settings. */
export const KMS_KEY_ARN_PATTERN =
  /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const KMS_MULTI_REGION_KEY_PATTERN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/mrk-[0-9a-f]{32}$/;
export const KMS_ALIAS_PATTERN = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:)?alias\//;

export const LOG_GROUP_NAME_MAX = 512;
export const LOG_GROUP_NAME_PATTERN = /^[.\-_/#A-Za-z0-9]+$/;

export const S3_BUCKET_NAME_MIN = 3;
export const S3_BUCKET_NAME_MAX = 63;
export const S3_BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
export const S3_KEY_PREFIX_MAX = 1024;

/**
 * ECS allows 50 tags on a resource; every resource this app creates also carries one tag naming the
 * request that created it (see REQUEST_TAG_KEY), which leaves 49 for the user.
 */
export const MAX_USER_TAGS = 49;
/** An Auto Scaling group also carries AmazonECSManaged and Name (see autoScalingGroupTags). */
export const MAX_USER_TAGS_WITH_NEW_GROUP = MAX_USER_TAGS - 2;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
/** Letters, numbers and spaces in any script, and _ . : / = + - @ */
export const TAG_TEXT_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const RESERVED_TAG_PREFIX = /^aws:/i;

/** Inbound rules of a new security group (EC2's default quota per group is 60). */
export const MAX_INBOUND_RULES = 60;

/** EC2 resource ids: the prefix, then 8 or 17 hexadecimal digits. */
export const ec2IdPattern = (prefix: 'vpc' | 'subnet' | 'sg') => new RegExp(`^${prefix}-[0-9a-f]{8}(?:[0-9a-f]{9})?$`);
/** EC2 key pair names: up to 255 ASCII characters. */
export const KEY_PAIR_NAME_PATTERN = /^[\x20-\x7e]{1,255}$/;
/** IAM instance profile names: up to 128 of letters, digits and + = , . @ _ - */
export const INSTANCE_PROFILE_NAME_PATTERN = /^[\w+=,.@-]{1,128}$/;
export const AUTO_SCALING_GROUP_ARN_PATTERN =
  /^arn:aws[a-z-]*:autoscaling:[a-z0-9-]+:\d{12}:autoScalingGroup:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:autoScalingGroupName\/[^:]{1,255}$/;

/** The tag this app puts on everything it creates, so a request's resources can always be found. */
export const REQUEST_TAG_KEY = 'ecs-create-cluster:request-id';

/** In the team portal, everything a team's request creates also carries `team=<team>`. */
export const TEAM_TAG_KEY = 'team';
/** A team name: lowercase letters, digits and hyphens; also the value of the team tag. */
export const TEAM_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
