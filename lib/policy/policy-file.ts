import * as z from 'zod';
import { MAX_GROUP_SIZE } from '@/lib/cluster/ec2';
import {
  CLUSTER_NAME_MAX,
  CLUSTER_NAME_PATTERN,
  TAG_KEY_MAX,
  TAG_TEXT_PATTERN,
  TEAM_NAME_PATTERN,
} from '@/lib/cluster/limits';
import { MONITORING_LEVELS } from '@/lib/cluster/request';
import { INFRASTRUCTURE_CHOICES } from './choices';

/**
 * The policy file: who the platform admins are, and each team's rules for the clusters its
 * people create. Read once at startup (lib/policy/load.ts); every field is checked here, and an
 * unknown key is an error, so a misspelt rule never silently allows what it meant to forbid.
 */

const name = z.string().trim().min(1, 'must not be empty');
const names = z.array(name);

/** Instance type patterns: the characters of an instance type, with * and ? as wildcards. */
const INSTANCE_TYPE_GLOB = /^[a-z0-9.*?-]+$/;

const team = z.strictObject({
  /** Values of the groups claim whose people belong to this team. */
  groups: names.default([]),
  /** OAuth client ids (machine callers of the HTTP API) that act for this team. */
  clients: names.default([]),
  clusterNamePrefix: z
    .string()
    .max(CLUSTER_NAME_MAX - 1, `must leave room for a name (at most ${CLUSTER_NAME_MAX - 1} characters)`)
    .regex(CLUSTER_NAME_PATTERN, 'may contain only letters, numbers, hyphens and underscores')
    .optional(),
  /** Tag key → the values allowed; an empty list allows any value that is not empty. */
  requiredTags: z
    .record(
      z.string().min(1).max(TAG_KEY_MAX).regex(TAG_TEXT_PATTERN, 'is not a valid tag key'),
      z.array(z.string().regex(TAG_TEXT_PATTERN, 'is not a valid tag value')),
    )
    .default({}),
  infrastructure: z
    .array(z.enum(INFRASTRUCTURE_CHOICES))
    .min(1, 'must allow fargate, ec2 or both')
    .default([...INFRASTRUCTURE_CHOICES]),
  /** Glob patterns such as "t3.*"; absent allows every instance type. */
  instanceTypes: z
    .array(z.string().regex(INSTANCE_TYPE_GLOB, 'must be an instance type, with * or ? as wildcards'))
    .min(1, 'must list at least one pattern (leave it out to allow every type)')
    .optional(),
  /** The largest Auto Scaling group maximum allowed. */
  maxInstances: z.int().min(1).max(MAX_GROUP_SIZE).optional(),
  /** The lowest Container Insights level allowed: disabled < enabled < enhanced. */
  containerInsights: z.enum(MONITORING_LEVELS).optional(),
  /** How many ACTIVE clusters may carry this team's tag at once. */
  maxClusters: z.int().min(1).optional(),
  /** Whether the team's people and clients may delete the team's clusters (admins always may). */
  allowDeletes: z.boolean().default(true),
});

export const policySchema = z.strictObject({
  admins: z
    .strictObject({ groups: names.default([]), clients: names.default([]) })
    .default({ groups: [], clients: [] }),
  teams: z
    .record(z.string().regex(TEAM_NAME_PATTERN, 'a team name is lowercase letters, digits and hyphens'), team)
    .refine((teams) => Object.keys(teams).length > 0, 'must name at least one team'),
});

export type Policy = z.output<typeof policySchema>;
export type TeamRules = Policy['teams'][string];
