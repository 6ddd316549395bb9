import type { core } from 'zod/mini';
import type { ValidationMessageKey } from '@/lib/i18n/messages';
import type { FieldErrors } from './form-state';

/** The first problem of each field, keyed by its react-hook-form path. */
export function fieldErrorsFromZod(error: core.$ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    fieldErrors[path] ??= issue.message as ValidationMessageKey;
  }
  return fieldErrors;
}
