import type { InputHTMLAttributes, ReactNode } from 'react';
import { type FieldTexts, FormField } from './FormField';

/** Several checkboxes under one legend, for choosing many of a list (subnets, security groups). */
export function CheckboxList({
  options,
  isChecked,
  empty,
  input,
  ...texts
}: FieldTexts & {
  options: { value: string; label: ReactNode }[];
  isChecked: (value: string) => boolean;
  empty: ReactNode;
  /** The props every checkbox shares, e.g. react-hook-form's register(name). */
  input: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'value'>;
}) {
  return (
    <FormField group {...texts}>
      {({ id, 'aria-invalid': invalid }) =>
        options.length === 0 ? (
          <p className="italic">{empty}</p>
        ) : (
          <ul className="space-y-1">
            {options.map((option) => (
              <li key={option.value} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  id={`${id}-${option.value}`}
                  value={option.value}
                  defaultChecked={isChecked(option.value)}
                  aria-invalid={invalid}
                  className="accent-link mt-0.5 h-4 w-4 shrink-0"
                  {...input}
                />
                <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
              </li>
            ))}
          </ul>
        )
      }
    </FormField>
  );
}
