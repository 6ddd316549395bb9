'use client';

import Link from 'next/link';
import { startTransition, useActionState, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { createClusterAction } from '@/app/clusters/create/actions';
import { Alert } from '@/components/ui/Alert';
import { buttonClassName } from '@/components/ui/buttonStyles';
import type { Ec2OptionsSource, NamespaceOption } from '@/lib/cluster/options';
import type { CreateClusterFormState } from '@/lib/cluster-form/form-state';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import type { Review } from '@/lib/cluster-form/review';
import type { ClusterRequest } from '@/lib/cluster/request';
import { newRequestId } from '@/lib/cluster/request-id';
import { useI18n } from '@/lib/i18n/client';
import type { MessageRef } from '@/lib/i18n/messages';
import { ClusterConfigurationSection } from './ClusterConfigurationSection';
import { EncryptionSection } from './EncryptionSection';
import { ErrorSummary } from './ErrorSummary';
import { formErrorsOf } from './field-errors';
import { TeamsProvider } from './team-rules';
import type { FormTeam } from '@/lib/cluster-form/team-rules';
import { useFormMethods } from './form-methods';
import { useInputBeforeHydration } from './input-before-hydration';
import { InfrastructureSection } from './InfrastructureSection';
import { MonitoringSection } from './MonitoringSection';
import { lazyFormResolver, loadFormResolver } from './lazy-resolver';
import { ReviewPanel } from './ReviewPanel';
import { TagsSection } from './TagsSection';
import { TroubleshootingSection } from './TroubleshootingSection';

const EDITING: CreateClusterFormState = { status: 'editing' };
const FORM_ID = 'create-cluster-form';

/**
 * The request ids this tab has submitted. Going Back shows the form again, from the router's cache
 * or with the state it had, holding the id of a request already sent: the form then takes a new
 * one, so a second Create is a second request, never mistaken for a repeat of the first.
 */
const submittedRequestIds = new Set<string>();

/**
 * The Create cluster form. With JavaScript, react-hook-form checks the shared schema before
 * anything is sent; without it, the form posts to the same server action, which checks again and
 * answers with the user's input and its errors.
 */
export function CreateClusterForm({
  initialValues,
  initialReview,
  namespaces,
  namespaceListError,
  ec2Options,
  teams = [],
}: {
  /** What the form starts with (initialFormValues), and the server's Review of it. */
  initialValues: ClusterFormValues;
  initialReview: Review;
  /** Team portal: the teams the person may create for, with the rules that shape the form. */
  teams?: FormTeam[];
  namespaces: NamespaceOption[];
  namespaceListError?: MessageRef;
  ec2Options: Ec2OptionsSource;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(createClusterAction, EDITING);
  const answer = state.status === 'rejected' ? state : undefined;
  // Kept in React state and rendered as a controlled input, so the page always posts the id it shows.
  const [currentRequestId, setCurrentRequestId] = useState(() =>
    submittedRequestIds.has(initialValues.requestId) ? newRequestId() : initialValues.requestId,
  );
  // The server's field errors, on the fields from the first render (a page sent after a post
  // without JavaScript shows them as it hydrates) and again with each answer.
  const serverErrors = useMemo(() => (answer ? formErrorsOf(answer.fieldErrors) : undefined), [answer]);
  const form = useForm<ClusterFormValues, unknown, ClusterRequest>({
    resolver: lazyFormResolver,
    errors: serverErrors,
    defaultValues: answer?.values ?? { ...initialValues, requestId: currentRequestId },
    // Check on submit, then on every change: checking on blur would move the page under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The error summary takes focus instead, and links to each field.
    shouldFocusError: false,
  });
  const methods = useFormMethods(form);
  useInputBeforeHydration(FORM_ID, form.setValue);
  const takeNewRequestId = useCallback(() => {
    const id = newRequestId();
    form.setValue('requestId', id);
    setCurrentRequestId(id);
  }, [form]);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const [invalidSubmits, setInvalidSubmits] = useState(0);

  // A failure that belongs to no field: its alert takes focus (the error summary does otherwise).
  useEffect(() => {
    if (answer?.formError && Object.keys(answer.fieldErrors).length === 0) formErrorRef.current?.focus();
  }, [answer]);

  const submit = form.handleSubmit(
    (_request, event) => {
      if (pending || !(event?.target instanceof HTMLFormElement)) return;
      const formData = new FormData(event.target);
      submittedRequestIds.add(form.getValues('requestId'));
      takeNewRequestId();
      startTransition(() => formAction(formData));
    },
    () => setInvalidSubmits((count) => count + 1),
  );
  const failedAttempt = invalidSubmits > 0 || answer ? `${invalidSubmits}:${answer?.answerId ?? ''}` : undefined;

  // Made once: this component re-renders as its action runs, and the sections need not with it.
  const sections = useMemo(
    () => (
      <>
        <ClusterConfigurationSection namespaces={namespaces} namespaceListError={namespaceListError} />
        <InfrastructureSection ec2Options={ec2Options} />
        <MonitoringSection />
        <TroubleshootingSection />
        <EncryptionSection />
        <TagsSection />
        <ReviewPanel initial={{ values: initialValues, review: initialReview }} />
      </>
    ),
    [namespaces, namespaceListError, ec2Options, initialValues, initialReview],
  );

  return (
    <FormProvider {...methods}>
      <TeamsProvider teams={teams}>
        <form
          id={FORM_ID}
          action={formAction}
          onSubmit={submit}
          // Someone has started on the form: fetch the schema before the first check needs it.
          onFocus={() => void loadFormResolver()}
          noValidate
          aria-busy={pending}
          className="group/form space-y-5"
        >
          <input type="hidden" name="requestId" value={currentRequestId} />
          {failedAttempt && <ErrorSummary attempt={failedAttempt} />}
          {sections}
          {answer?.formError && (
            <Alert type="error" id="form-error" tabIndex={-1} ref={formErrorRef}>
              {`${t(answer.formError.message.key, answer.formError.message.params)} ${t('aws.nothingCreated')}`}
            </Alert>
          )}
          <div className="flex justify-end gap-2">
            <Link href="/clusters" className={buttonClassName.link}>
              {t('create.cancel')}
            </Link>
            <button type="submit" className={buttonClassName.primary} disabled={pending}>
              {pending ? t('create.submitting') : t('create.submit')}
            </button>
          </div>
        </form>
      </TeamsProvider>
    </FormProvider>
  );
}
