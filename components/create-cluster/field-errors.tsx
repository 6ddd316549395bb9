'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { get, useFormContext, type FieldErrors as RhfFieldErrors } from 'react-hook-form';
import { type FieldErrors, messageOfField } from '@/lib/cluster/form-state';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { useI18n } from '@/lib/i18n/client';
import { useHydrated } from './useHydrated';

/**
 * Field errors come from react-hook-form once the page runs in the browser. Before that (the page
 * as the server rendered it after a post without JavaScript) they come from the server's answer.
 */
const ServerFieldErrors = createContext<FieldErrors>({});

export function ServerFieldErrorsProvider({ errors, children }: { errors: FieldErrors; children: ReactNode }) {
  return <ServerFieldErrors.Provider value={errors}>{children}</ServerFieldErrors.Provider>;
}

/** The id of the control for a field path, so labels, errors and summary links agree. */
export const fieldId = (path: string) => path.replaceAll('.', '-');

/** Every current error as [path, message key], in the order the fields appear. */
export function useFieldErrorList(): [string, string][] {
  const { formState } = useFormContext<ClusterFormValues>();
  const serverErrors = useContext(ServerFieldErrors);
  const hydrated = useHydrated();
  return hydrated ? flattenErrors(formState.errors) : Object.entries(serverErrors);
}

/** The translated error of one field, if it has one. */
export function useFieldError(path: string): string | undefined {
  const { t } = useI18n();
  const { formState } = useFormContext<ClusterFormValues>();
  const serverErrors = useContext(ServerFieldErrors);
  const hydrated = useHydrated();
  const key: unknown = hydrated
    ? (get(formState.errors, path) as { message?: unknown } | undefined)?.message
    : serverErrors[path];
  return typeof key === 'string' && key ? translateValidation(t, key) : undefined;
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
