'use client';

import { get, set, useFormState, type FieldErrors as RhfFieldErrors, type FieldPath } from 'react-hook-form';
import { type FieldErrors, messageOfField } from '@/lib/cluster-form/form-state';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { useI18n } from '@/lib/i18n/client';

/** The id of the control for a field path, so labels, errors and summary links agree. */
export const fieldId = (path: string) => path.replaceAll('.', '-');

/** Every current error as [path, message key], in the order the fields appear. */
export function useFieldErrorList(): [string, string][] {
  return flattenErrors(useFormState<ClusterFormValues>().errors);
}

/** The translated error of one field, if it has one. */
export function useFieldError(path: string): string | undefined {
  const { t } = useI18n();
  // Re-rendered when this field's error changes, not another's.
  const { errors } = useFormState<ClusterFormValues>({ name: path as FieldPath<ClusterFormValues> });
  const key: unknown = (get(errors, path) as { message?: unknown } | undefined)?.message;
  return typeof key === 'string' && key ? translateValidation(t, key) : undefined;
}

/** The server's field errors (message keys by field path) as react-hook-form holds errors. */
export function formErrorsOf(fieldErrors: FieldErrors): RhfFieldErrors<ClusterFormValues> {
  const errors: RhfFieldErrors<ClusterFormValues> = {};
  for (const [path, message] of Object.entries(fieldErrors)) set(errors, path, { type: 'server', message });
  return errors;
}

export function translateValidation(t: ReturnType<typeof useI18n>['t'], message: string): string {
  const ref = messageOfField(message);
  return ref ? t(ref.key, ref.params) : message;
}

function flattenErrors(errors: RhfFieldErrors, prefix = ''): [string, string][] {
  const list: [string, string][] = [];
  for (const [name, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (name === 'root') {
      if (typeof value.message === 'string') list.push([prefix, value.message]);
      continue;
    }
    if (typeof value.message === 'string' && value.message) list.push([path, value.message]);
    if (!('ref' in value) || Array.isArray(value)) list.push(...flattenErrors(value as RhfFieldErrors, path));
  }
  return list;
}
