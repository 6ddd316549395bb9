'use client';

import { useEffect, useRef } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { fieldId, translateValidation, useFieldErrorList } from './field-errors';

/**
 * After a failed submit: every problem, each a link to its field. It takes focus once per failed
 * submit (each has its own `attempt` key), as soon as the errors it lists are known, so a screen
 * reader reads it first.
 */
export function ErrorSummary({ attempt }: { attempt: string }) {
  const { t } = useI18n();
  const errors = useFieldErrorList();
  const ref = useRef<HTMLDivElement>(null);
  const focusedAttempt = useRef<string>(undefined);
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (hasErrors && attempt !== focusedAttempt.current) {
      focusedAttempt.current = attempt;
      ref.current?.focus();
    }
  }, [attempt, hasErrors]);

  if (!hasErrors) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="border-error bg-error-bg rounded-xl border-2 px-4 py-3"
    >
      <h2 id="error-summary-title" className="font-bold">
        {t('create.errorSummary.title', { count: errors.length })}
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {errors.map(([path, key]) => (
          <li key={path}>
            <a href={`#${fieldId(path)}`}>{translateValidation(t, key)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
