'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { fieldErrorsFromZod } from '@/lib/cluster/field-errors';
import { clusterFormValuesFromFormData } from '@/lib/cluster/form-fields';
import type { CreateClusterFormState } from '@/lib/cluster/form-state';
import { clusterFormSchema } from '@/lib/cluster/schema';
import { provisionCluster } from '@/lib/provision/create-cluster';

/** Create cluster: parse → authorize → plan and execute → go to the cluster's page. */
export async function createClusterAction(
  _previous: CreateClusterFormState,
  formData: FormData,
): Promise<CreateClusterFormState> {
  const values = clusterFormValuesFromFormData(formData);
  const parsed = clusterFormSchema.safeParse(values);
  if (!parsed.success) {
    return { status: 'rejected', values, fieldErrors: fieldErrorsFromZod(parsed.error), answerId: randomUUID() };
  }

  // authorize: the team portal's rules (who may create what) will be checked here.

  const outcome = await provisionCluster(parsed.data);
  if (!outcome.ok) {
    return {
      status: 'rejected',
      values,
      fieldErrors: outcome.fieldErrors,
      formError: outcome.formError,
      answerId: randomUUID(),
    };
  }
  // The cluster's page follows the request's run: its steps, and how it ended.
  redirect(`/clusters/${encodeURIComponent(outcome.clusterName)}?request=${outcome.requestId}`);
}
