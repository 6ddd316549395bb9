'use client';

import { useMemo } from 'react';
import { useFormState, type UseFormReturn } from 'react-hook-form';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import type { ClusterRequest } from '@/lib/cluster/request';

type ClusterForm = UseFormReturn<ClusterFormValues, unknown, ClusterRequest>;

/**
 * The form's state is read with useFormState, where it is shown: reading it from the context
 * would give the state of the render the context was made in.
 */
const READ_WITH_USE_FORM_STATE = new Proxy({} as ClusterForm['formState'], {
  get(_state, key) {
    throw new Error(`formState.${String(key)}: read the form's state with useFormState`);
  },
});

/**
 * What react-hook-form's FormProvider gives the fields: the form's methods, which never change,
 * and not its state. Otherwise every change of state (the form becoming ready as it hydrates, an
 * error, Create chosen) would make a new context and re-render every field of the form; this way
 * each field re-renders when what it reads changes (useWatch, useFormState).
 */
export function useFormMethods(form: ClusterForm): ClusterForm {
  return useMemo(() => ({ ...form, formState: READ_WITH_USE_FORM_STATE }), [form]);
}

/** What the fields started with: the server's values, or the person's after a post without JavaScript. */
export function useDefaultValues() {
  return useFormState<ClusterFormValues>().defaultValues;
}

/** Whether Create has been chosen: from then on, a field is checked again as it changes. */
export function useIsSubmitted(): boolean {
  return useFormState<ClusterFormValues>().isSubmitted;
}
