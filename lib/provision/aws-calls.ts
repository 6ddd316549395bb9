import 'server-only';
import { createCluster, deleteCluster } from '@/lib/aws/clusters';
import type { AwsCall } from '@/lib/cluster/plan';

/** Performs one planned AWS call through the SDK. */
export async function performAwsCall(call: AwsCall): Promise<unknown> {
  switch (call.action) {
    case 'ecs:CreateCluster':
      return createCluster(call.input);
    case 'ecs:DeleteCluster':
      return deleteCluster(call.input.cluster ?? '');
  }
}
