import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * The console's form field anatomy: label, description, the control, then the error (which
 * precedes the constraint text). The control is wired to all of them for screen readers.
 */
export function FormField({
  id,
  label,
  optionalText,
  description,
  constraint,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  optionalText?: string;
  description?: ReactNode;
  constraint?: ReactNode;
  error?: string;
  /** Live information about the current value, read out as it changes. */
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const describedBy = [
    error && `${id}-error`,
    description && `${id}-description`,
    hint && `${id}-hint`,
    constraint && `${id}-constraint`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="max-w-2xl">
      <label htmlFor={id} className="block font-bold">
        {label}
        {optionalText && <span className="font-normal italic"> - {optionalText}</span>}
      </label>
      {description && (
        <p id={`${id}-description`} className="text-ink-muted">
          {description}
        </p>
      )}
      <div className="mt-1">
        {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined })}
      </div>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      {hint && (
        <p id={`${id}-hint`} aria-live="polite" className="text-ink-muted mt-1">
          {hint}
        </p>
      )}
      {constraint && (
        <p id={`${id}-constraint`} className="text-ink-muted mt-1 text-xs leading-4">
          {constraint}
        </p>
      )}
    </div>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-error mt-1 flex items-start gap-1">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M8 4v5M8 11v1.5" stroke="currentColor" strokeWidth="2" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
