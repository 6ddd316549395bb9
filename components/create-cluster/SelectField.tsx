'use client';

import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { FormField } from '@/components/ui/FormField';
import { inputClassName } from '@/components/ui/inputStyles';
import type { ClusterFormValues, FormTextFieldName } from '@/lib/cluster-form/fields';
import { fieldId, useFieldError } from './field-errors';

/** A select of the Create cluster form, with the console's field anatomy. */
export function SelectField({
  name,
  label,
  description,
  constraint,
  options,
  value,
  hint,
  onChange,
}: {
  name: FormTextFieldName;
  label: string;
  description?: ReactNode;
  constraint?: ReactNode;
  options: { value: string; label: string; id?: string }[];
  /** The value shown before the browser takes over (the server's rendering). */
  value: string;
  hint?: ReactNode;
  /** Told the new value once the form has it. */
  onChange?: (value: string) => void;
}) {
  const { register } = useFormContext<ClusterFormValues>();
  const error = useFieldError(name);
  return (
    <FormField
      id={fieldId(name)}
      label={label}
      description={description}
      constraint={constraint}
      error={error}
      hint={hint}
    >
      {(control) => (
        <select
          {...control}
          {...register(name, { onChange: onChange && ((event) => onChange(String(event.target.value))) })}
          defaultValue={value}
          className={inputClassName}
        >
          {options.map((option) => (
            <option key={option.value} id={option.id} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
