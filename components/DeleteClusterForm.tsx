'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { deleteClusterAction, type DeleteFormState } from '@/app/clusters/[name]/delete/actions';
import { Alert } from '@/components/ui/Alert';
import { FormField } from '@/components/ui/FormField';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import { confirmationSchema } from '@/lib/cluster/delete-confirmation';
import { useI18n } from '@/lib/i18n/client';
import type { MessageKey } from '@/lib/i18n/messages';

/**
 * The console's confirmation: the cluster's name typed exactly, checked here and again by the
 * server. Works before the page's JavaScript runs, as a plain form post.
 */
export function DeleteClusterForm({
  clusterName,
  requestId,
  digest,
}: {
  clusterName: string;
  requestId: string;
  digest: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState<DeleteFormState, FormData>(deleteClusterAction, {});
  const form = useForm<{ confirmation: string }>({
    resolver: zodResolver(confirmationSchema(clusterName)),
    defaultValues: { confirmation: '' },
  });
  const alertRef = useRef<HTMLDivElement>(null);
  const fieldError = form.formState.errors.confirmation?.message ?? state.fieldError;

  useEffect(() => {
    if (state.formError) alertRef.current?.focus();
    if (state.fieldError) form.setError('confirmation', { message: state.fieldError }, { shouldFocus: true });
  }, [state, form]);

  const submit = form.handleSubmit((_values, event) => {
    const formData = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(formData));
  });

  return (
    <form action={formAction} onSubmit={submit} noValidate aria-busy={pending} className="space-y-4">
      {state.formError && (
        <Alert type="error" ref={alertRef} tabIndex={-1}>
          {t(state.formError.key, state.formError.params)}
        </Alert>
      )}
      <input type="hidden" name="clusterName" value={clusterName} />
      <input type="hidden" name="requestId" value={requestId} />
      {/* The plan shown; a new one (the old changed) comes with the page. */}
      <input type="hidden" name="digest" value={digest} />
      <FormField
        id="confirmation"
        label={t('delete.confirmLabel', { name: clusterName })}
        error={fieldError ? t(fieldError as MessageKey) : undefined}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('confirmation')}
            autoComplete="off"
            spellCheck={false}
            placeholder={clusterName}
            className={inputClassName}
          />
        )}
      </FormField>
      <div className="flex flex-wrap justify-end gap-3">
        <Link href={`/clusters/${encodeURIComponent(clusterName)}`} className={buttonClassName.link}>
          {t('delete.cancel')}
        </Link>
        <button type="submit" disabled={pending} className={buttonClassName.primary}>
          {t('delete.submit')}
        </button>
      </div>
    </form>
  );
}
