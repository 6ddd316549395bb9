import type { InputHTMLAttributes, ReactNode } from 'react';

/** Several checkboxes under one legend, for choosing many of a list (subnets, security groups). */
export function CheckboxList({
  id,
  legend,
  description,
  options,
  isChecked,
  error,
  empty,
  input,
}: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  options: { value: string; label: ReactNode }[];
  isChecked: (value: string) => boolean;
  error?: string;
  empty: ReactNode;
  /** The props every checkbox shares, e.g. react-hook-form's register(name). */
  input: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'value'>;
}) {
  const describedBy = [error && `${id}-error`, description && `${id}-description`].filter(Boolean).join(' ');
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy || undefined} className="max-w-2xl">
      <legend className="font-bold">{legend}</legend>
      {description && (
        <p id={`${id}-description`} className="text-ink-muted">
          {description}
        </p>
      )}
      {options.length === 0 ? (
        <p className="mt-1 italic">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {options.map((option) => (
            <li key={option.value} className="flex items-start gap-2">
              <input
                type="checkbox"
                id={`${id}-${option.value}`}
                value={option.value}
                defaultChecked={isChecked(option.value)}
                aria-invalid={error ? true : undefined}
                className="accent-link mt-0.5 h-4 w-4 shrink-0"
                {...input}
              />
              <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="text-error mt-1">
          {error}
        </p>
      )}
    </fieldset>
  );
}
