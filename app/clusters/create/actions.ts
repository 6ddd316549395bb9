'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { fieldErrorsFromZod } from '@/lib/cluster/field-errors';
import { clusterFormValuesFromFormData } from '@/lib/cluster/form-fields';
import type { CreateClusterFormState, FieldErrors, FormError } from '@/lib/cluster/form-state';
import { getViewer } from '@/lib/auth/viewer';
import { type Authorization, authorizeRequest, fieldErrorsOfViolations } from '@/lib/provision/authorize-request';
import { clusterFormSchema } from '@/lib/cluster/schema';
import { provisionCluster, setupFailed } from '@/lib/provision/create-cluster';

/** Create cluster: parse → authorize → plan and execute → go to the cluster's page. */
export async function createClusterAction(
  _previous: CreateClusterFormState,
  formData: FormData,
): Promise<CreateClusterFormState> {
  const values = clusterFormValuesFromFormData(formData);
  const rejected = ({ fieldErrors = {}, formError }: { fieldErrors?: FieldErrors; formError?: FormError }) =>
    ({ status: 'rejected', values, fieldErrors, formError, answerId: randomUUID() }) as const;
  // Nobody signed in (portal mode): nothing is checked or sent for them.
  const viewer = await getViewer();
  if (!viewer) return rejected({ formError: { message: { key: 'auth.signedOut' } } });

  const parsed = clusterFormSchema.safeParse(values);
  if (!parsed.success) return rejected({ fieldErrors: fieldErrorsFromZod(parsed.error) });
  let authorization: Authorization;
  try {
    authorization = await authorizeRequest(viewer, parsed.data);
  } catch (error) {
    const failed = setupFailed(error);
    return rejected(failed.ok ? {} : failed);
  }
  if (!authorization.ok) return rejected({ fieldErrors: fieldErrorsOfViolations(authorization.violations) });

  const outcome = await provisionCluster(authorization.request, authorization.requester);
  if (!outcome.ok) return rejected(outcome);
  // The cluster's page follows the request's run: its steps, and how it ended.
  redirect(`/clusters/${encodeURIComponent(outcome.clusterName)}?request=${outcome.requestId}`);
}
