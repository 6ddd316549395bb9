import type { InputHTMLAttributes, ReactNode } from 'react';

/** A checkbox with its label and description beside it. */
export function Checkbox({
  id,
  label,
  description,
  ...input
}: { id: string; label: ReactNode; description?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'id'
>) {
  return (
    <div className="flex items-start gap-2">
      <input
        type="checkbox"
        id={id}
        aria-describedby={description ? `${id}-description` : undefined}
        className="accent-link mt-0.5 h-4 w-4 shrink-0"
        {...input}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {description && (
          <p id={`${id}-description`} className="text-ink-muted">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
