'use client';

import type { RefObject } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { fieldId, translateValidation } from './field-errors';

/** After a failed submit: every problem, each a link to its field. Takes focus so it is read first. */
export function ErrorSummary({ errors, ref }: { errors: [string, string][]; ref: RefObject<HTMLDivElement | null> }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="border-error bg-error-bg rounded-xl border-2 px-4 py-3"
    >
      <h2 id="error-summary-title" className="font-bold">
        {errors.length === 1 ? t('create.errorSummary.titleOne') : t('create.errorSummary.title', { count: errors.length })}
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
