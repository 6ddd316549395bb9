import type { InputHTMLAttributes, ReactNode } from 'react';
import { type FieldTexts, FormField } from './FormField';

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

/** Radio buttons under one legend, each with a description, in the one field anatomy. */
export function RadioGroup<V extends string>({
  options,
  defaultValue,
  input,
  ...texts
}: FieldTexts & {
  options: RadioOption<V>[];
  defaultValue: string;
  /** The props every radio shares, e.g. react-hook-form's register(name). */
  input: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'value'>;
}) {
  return (
    <FormField group {...texts}>
      {({ id }) => (
        <div className="space-y-2">
          {options.map((option) => {
            const optionId = `${id}-${option.value}`;
            return (
              <div key={option.value} className="flex items-start gap-2">
                <input
                  type="radio"
                  id={optionId}
                  value={option.value}
                  defaultChecked={option.value === defaultValue}
                  aria-describedby={option.description ? `${optionId}-description` : undefined}
                  className="accent-link mt-0.5 h-4 w-4 shrink-0"
                  {...input}
                />
                <div>
                  <label htmlFor={optionId}>{option.label}</label>
                  {option.description && (
                    <p id={`${optionId}-description`} className="text-ink-muted">
                      {option.description}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      )}
    </FormField>
  );
}
