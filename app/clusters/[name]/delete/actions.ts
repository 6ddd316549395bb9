'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getPrincipal } from '@/lib/auth/session';
import { deleteConfirmationSchema } from '@/lib/cluster/delete-confirmation';
import type { MessageRef } from '@/lib/i18n/messages';
import { requestService } from '@/lib/runtime';

export interface DeleteFormState {
  /** The confirmation field's error, or what stopped the delete. */
  fieldError?: 'validation.deleteConfirmation';
  formError?: MessageRef;
  /** New on every answer, so the form moves focus to it each time. */
  answerId?: string;
}

/** parse → the request service (authorize, plan, store): the worker deletes what the plan says, and the cluster's page follows it. */
export async function deleteClusterAction(_previous: DeleteFormState, formData: FormData): Promise<DeleteFormState> {
  const answerId = crypto.randomUUID();
  const principal = await getPrincipal();
  if (!principal) return { formError: { key: 'auth.signedOut' }, answerId };
  // Only names the cluster to look up: who may delete it, and what, is decided from AWS and the rules.
  const clusterName = String(formData.get('clusterName') ?? '');
  const parsed = deleteConfirmationSchema(clusterName).safeParse({
    confirmation: formData.get('confirmation'),
    requestId: formData.get('requestId'),
    digest: formData.get('digest'),
  });
  if (!parsed.success) {
    return parsed.error.issues.some((issue) => issue.path[0] === 'confirmation')
      ? { fieldError: 'validation.deleteConfirmation', answerId }
      : { formError: { key: 'delete.reload' }, answerId };
  }
  const { requestId, digest } = parsed.data;
  const outcome = await requestService().submit(principal, {
    kind: 'delete',
    clusterName,
    requestId,
    shownDigest: digest,
  });
  if (outcome.ok) redirect(`/clusters/${encodeURIComponent(clusterName)}?request=${outcome.request.id}`);
  // What would run now is not what was shown: show the new plan.
  if (outcome.reason === 'planChanged' || outcome.reason === 'inUse') revalidatePath('/clusters/[name]/delete', 'page');
  return { formError: outcome.violations[0]!.message, answerId };
}
