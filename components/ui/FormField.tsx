import type { ReactNode } from 'react';

/** What a control takes from its field: its id and its wiring to the field's texts. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldTexts {
  /** The field's id; its texts are `<id>-description`, `-error`, `-hint` and `-constraint`. */
  id: string;
  label: ReactNode;
  optionalText?: string;
  description?: ReactNode;
  constraint?: ReactNode;
  error?: string;
  /** Live information about the current value, read out as it changes. */
  hint?: ReactNode;
}

/** The ids a control (or group) is described by, in the order they are read: error first. */
function describedBy({ id, error, description, hint, constraint }: FieldTexts): string | undefined {
  const ids = [
    error && `${id}-error`,
    description && `${id}-description`,
    hint && `${id}-hint`,
    constraint && `${id}-constraint`,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The console's form field anatomy, the one every control of the app uses: label, description,
 * the control, then the error (with its icon, before the constraint text), a live hint and the
 * constraint. `group` makes it a fieldset whose legend labels several controls (radio buttons,
 * checkboxes); `labelHidden` keeps the label for screen readers (a row under column headings).
 */
export function FormField({
  group = false,
  labelHidden = false,
  children,
  ...texts
}: FieldTexts & {
  group?: boolean;
  /** true: for screen readers only; 'wide': shown only on narrow screens, where column headings give way. */
  labelHidden?: boolean | 'wide';
  children: (control: ControlProps) => ReactNode;
}) {
  const { id, label, optionalText, description, constraint, error, hint } = texts;
  const wiring = describedBy(texts);
  const labelText = (
    <>
      {label}
      {/* The space outside the span: a screen reader that trims each text node still reads "Name - optional". */}
      {optionalText && (
        <>
          {' '}
          <span className="font-normal italic">- {optionalText}</span>
        </>
      )}
    </>
  );
  const labelClassName =
    labelHidden === true ? 'sr-only' : labelHidden === 'wide' ? 'block font-bold sm:sr-only' : 'block font-bold';
  const body = (
    <>
      {description && (
        <p id={`${id}-description`} className="text-ink-muted">
          {description}
        </p>
      )}
      <div className="mt-1">
        {children({ id, 'aria-describedby': group ? undefined : wiring, 'aria-invalid': error ? true : undefined })}
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
    </>
  );
  if (group) {
    return (
      <fieldset id={id} tabIndex={-1} aria-describedby={wiring} className="max-w-2xl">
        <legend className={labelClassName}>{labelText}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className="max-w-2xl">
      <label htmlFor={id} className={labelClassName}>
        {labelText}
      </label>
      {body}
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
