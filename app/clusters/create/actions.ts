'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { getPrincipal } from '@/lib/auth/session';
import { formAnswerOf } from '@/lib/cluster-form/field-paths';
import { clusterFormValuesFromFormData } from '@/lib/cluster-form/fields';
import { clusterFormSchema } from '@/lib/cluster-form/form-schema';
import type { CreateClusterFormState, FieldErrors, FormError } from '@/lib/cluster-form/form-state';
import { fieldErrorsFromZod } from '@/lib/cluster-form/zod-field-errors';
import { requestService } from '@/lib/runtime';

/** Create cluster: parse the form → the request service (authorize, plan, store) → the cluster's page. */
export async function createClusterAction(
  _previous: CreateClusterFormState,
  formData: FormData,
): Promise<CreateClusterFormState> {
  const values = clusterFormValuesFromFormData(formData);
  const rejected = ({ fieldErrors = {}, formError }: { fieldErrors?: FieldErrors; formError?: FormError }) =>
    ({ status: 'rejected', values, fieldErrors, formError, answerId: randomUUID() }) as const;
  // Nobody signed in (portal mode): nothing is checked or sent for them.
  const principal = await getPrincipal();
  if (!principal) return rejected({ formError: { message: { key: 'auth.signedOut' } } });

  const parsed = clusterFormSchema.safeParse(values);
  if (!parsed.success) return rejected({ fieldErrors: fieldErrorsFromZod(parsed.error) });
  const outcome = await requestService().submit(principal, { kind: 'create', request: parsed.data });
  if (!outcome.ok) return rejected(formAnswerOf(outcome.violations));
  // The cluster's page follows the request's run: its steps, and how it ended.
  const { clusterName, id } = outcome.request;
  redirect(`/clusters/${encodeURIComponent(clusterName)}?request=${id}`);
}
