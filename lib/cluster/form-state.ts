import type { MessageRef, ValidationMessageKey } from '@/lib/i18n/messages';
import type { ClusterFormValues } from './form-fields';

/** Field path (as react-hook-form names it, e.g. `tags.2.key`) → what is wrong with it. */
export type FieldErrors = Record<string, ValidationMessageKey>;

/** A failure before anything was stored or sent to create: AWS could not be asked, or the journal written. */
export interface FormError {
  message: MessageRef;
}

/** What the Create cluster action answers when it does not go on to the new cluster's page. */
export type CreateClusterFormState =
  | { status: 'editing' }
  | {
      status: 'rejected';
      /** The user's input, echoed back so the form (even without JavaScript) keeps it. */
      values: ClusterFormValues;
      fieldErrors: FieldErrors;
      formError?: FormError;
      /** New on every answer, so the form moves focus to the error summary each time. */
      answerId: string;
    };
