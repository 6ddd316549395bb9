'use client';

import { get, useFormState, useWatch, type FieldPath } from 'react-hook-form';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { useDefaultValues } from './form-methods';

type FieldNames = readonly FieldPath<ClusterFormValues>[];

/**
 * What a collapsed section needs to know of its fields: whether one has an error (the section
 * opens) and whether one holds other than what the page was sent with (e.g. choosing a team set
 * it), when the section's server HTML, kept while it is closed, would no longer show it.
 */
export function useSectionFields(names: FieldNames): { revealed: boolean; changed: boolean } {
  const { errors } = useFormState<ClusterFormValues>({ name: [...names] });
  return {
    revealed: names.some((name) => get(errors, name) !== undefined),
    changed: useChangedSinceSent(names),
  };
}

function useChangedSinceSent(names: FieldNames): boolean {
  const values: readonly unknown[] = useWatch<ClusterFormValues>({ name: [...names] });
  const defaults = useDefaultValues();
  return names.some((name, index) => JSON.stringify(values[index]) !== JSON.stringify(get(defaults, name)));
}
