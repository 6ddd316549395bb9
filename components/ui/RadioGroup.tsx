import type { InputHTMLAttributes, ReactNode } from 'react';

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

/** A labelled group of radio buttons (fieldset and legend), each with a description. */
export function RadioGroup<V extends string>({
  id,
  legend,
  options,
  defaultValue,
  error,
  input,
}: {
  id: string;
  legend: ReactNode;
  options: RadioOption<V>[];
  defaultValue: string;
  error?: string;
  /** The props every radio shares, e.g. react-hook-form's register(name). */
  input: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'value'>;
}) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="max-w-2xl">
      <legend className="font-bold">{legend}</legend>
      <div className="mt-1 space-y-2">
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
      {error && (
        <p id={`${id}-error`} className="text-error mt-1">
          {error}
        </p>
      )}
    </fieldset>
  );
}
