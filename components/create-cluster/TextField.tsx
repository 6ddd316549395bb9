'use client';

import type { ReactNode } from 'react';
import { get, useFormContext, type RegisterOptions } from 'react-hook-form';
import { useDefaultValues } from './form-methods';
import { FormField } from '@/components/ui/FormField';
import { inputClassName } from '@/components/ui/inputStyles';
import type { ClusterFormValues, FormTextFieldName } from '@/lib/cluster-form/fields';
import { useI18n } from '@/lib/i18n/client';
import { fieldId, useFieldError } from './field-errors';

/** A text input of the Create cluster form, registered with react-hook-form and wired to its texts. */
export function TextField({
  name,
  label,
  description,
  constraint,
  optional = false,
  placeholder,
  hint,
  list,
  numeric = false,
  fallback,
  registerOptions,
}: {
  name: FormTextFieldName;
  label: string;
  description?: ReactNode;
  constraint?: ReactNode;
  optional?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  list?: string;
  numeric?: boolean;
  /** Shown until the form has a value of its own (a default that depends on data loaded later). */
  fallback?: string;
  registerOptions?: RegisterOptions<ClusterFormValues, FormTextFieldName>;
}) {
  const { t } = useI18n();
  const { register } = useFormContext<ClusterFormValues>();
  const defaults = useDefaultValues();
  const error = useFieldError(name);
  return (
    <FormField
      id={fieldId(name)}
      label={label}
      optionalText={optional ? t('optional') : undefined}
      description={description}
      constraint={constraint}
      error={error}
      hint={hint}
    >
      {(control) => (
        <input
          {...control}
          {...register(name, registerOptions)}
          defaultValue={get(defaults, name) || fallback}
          type="text"
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          list={list}
          className={inputClassName}
        />
      )}
    </FormField>
  );
}
