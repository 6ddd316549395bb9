'use client';

import { useLayoutEffect, useState } from 'react';
import type { UseFormSetValue } from 'react-hook-form';
import {
  clusterFormValuesFromFormData,
  type ClusterFormValues,
  FORM_FIELD_NAMES,
  type FormFieldName,
} from '@/lib/cluster-form/fields';

type Edited = [FormFieldName, ClusterFormValues[FormFieldName]][];

/**
 * Gives the form what someone typed or chose in the server's HTML before the page's JavaScript ran
 * (on a slow connection, seconds). React leaves such input in the fields it hydrates, but
 * react-hook-form's values do not know it, and the closed sections, rendered afresh when they come
 * to life, would drop it. So it is read in the first render, before React or the form touch the
 * page, and set into the form once its fields are registered.
 */
export function useInputBeforeHydration(formId: string, setValue: UseFormSetValue<ClusterFormValues>): void {
  const [edited] = useState(() => editedFields(formId));
  useLayoutEffect(() => {
    for (const [name, value] of edited) setValue(name, value, { shouldDirty: true });
  }, [edited, setValue]);
}

function editedFields(formId: string): Edited {
  // In the server's render, or rendered in the browser (a navigation within the app): nothing typed.
  if (typeof document === 'undefined') return [];
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return [];
  const editedNames = new Set<string>();
  for (const control of form.elements) {
    if (wasEdited(control)) editedNames.add(fieldOf((control as HTMLInputElement).name));
  }
  if (editedNames.size === 0) return [];
  // Read as the server reads a post without JavaScript, so both paths agree on what was entered.
  const values = clusterFormValuesFromFormData(new FormData(form));
  return FORM_FIELD_NAMES.filter((name) => editedNames.has(name)).map((name) => [name, values[name]]);
}

/** Whether a control differs from the state its HTML gave it. */
function wasEdited(control: Element): boolean {
  if (control instanceof HTMLInputElement) {
    // Hidden inputs are the page's own (the request id), never typed into.
    if (control.type === 'hidden') return false;
    return control.type === 'checkbox' || control.type === 'radio'
      ? control.checked !== control.defaultChecked
      : control.value !== control.defaultValue;
  }
  if (control instanceof HTMLTextAreaElement) return control.value !== control.defaultValue;
  if (control instanceof HTMLSelectElement) {
    const options = [...control.options];
    if (control.multiple) return options.some((option) => option.selected !== option.defaultSelected);
    // A single select with no option marked selected shows its first one.
    const marked = options.findIndex((option) => option.defaultSelected);
    return control.selectedIndex !== (marked === -1 ? 0 : marked);
  }
  return false;
}

/** A row's control (`tags.2.key`) belongs to its list field (`tags`). */
const fieldOf = (controlName: string) => controlName.split('.')[0] ?? controlName;
