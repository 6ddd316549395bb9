'use client';

import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { TEST_REQUEST_ID } from '@/lib/cluster/builders';
import { type ClusterFormValues, defaultClusterFormValues } from '@/lib/cluster-form/fields';
import type { FieldErrors } from '@/lib/cluster-form/form-state';
import messages from '@/lib/i18n/messages/en.json';
import { formErrorsOf } from './field-errors';
import { useFormMethods } from './form-methods';
import { TeamsProvider } from './team-rules';

/**
 * For component tests: parts of the Create form inside what the form gives them (react-hook-form's
 * methods, the teams, English messages), starting from the form's defaults and these errors.
 */
export function TestForm({
  values = {},
  errors = {},
  children,
}: {
  values?: Partial<ClusterFormValues>;
  errors?: FieldErrors;
  children: ReactNode;
}) {
  const form = useForm<ClusterFormValues>({
    defaultValues: { ...defaultClusterFormValues(TEST_REQUEST_ID), ...values },
    errors: formErrorsOf(errors),
  });
  return (
    <NextIntlClientProvider locale="en" messages={messages}>
      <FormProvider {...useFormMethods(form as never)}>
        <TeamsProvider teams={[]}>{children}</TeamsProvider>
      </FormProvider>
    </NextIntlClientProvider>
  );
}
