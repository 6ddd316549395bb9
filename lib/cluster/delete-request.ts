import * as z from 'zod/mini';
import { CLUSTER_NAME_MAX, CLUSTER_NAME_PATTERN, TEAM_NAME_PATTERN } from './limits';

/** What a delete asks for: the cluster, this request's id, and what is known of how the cluster was made. */
export const deleteRequestSchema = z.object({
  clusterName: z.string().check(z.minLength(1), z.maxLength(CLUSTER_NAME_MAX), z.regex(CLUSTER_NAME_PATTERN)),
  requestId: z.uuid(),
  /** The team whose tag the cluster carries, in the portal. */
  team: z.optional(z.string().check(z.regex(TEAM_NAME_PATTERN))),
  /** The request that created the cluster here, named by the cluster's request tag. */
  createdBy: z.optional(z.string()),
});

export type DeleteRequest = z.output<typeof deleteRequestSchema>;
