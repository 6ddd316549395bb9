import type { MessageRef, ValidationMessageKey } from '@/lib/i18n/messages';
import type { ClusterFormValues } from './fields';

/**
 * What is wrong with a field: a message key, or a key with values (a team's rule names its prefix
 * or allowed values) encoded as JSON, since react-hook-form carries an error's message as a string.
 */
export type FieldMessage = ValidationMessageKey | `{${string}}`;

/** Field path (as react-hook-form names it, e.g. `tags.2.key`) → what is wrong with it. */
export type FieldErrors = Record<string, FieldMessage>;

export const fieldMessage = (ref: MessageRef & { key: ValidationMessageKey }): FieldMessage =>
  ref.params ? (JSON.stringify(ref) as FieldMessage) : ref.key;

/** The message a field error says, or undefined for text that is not one of ours. */
export function messageOfField(message: string): MessageRef | undefined {
  if (message.startsWith('validation.')) return { key: message as ValidationMessageKey };
  if (!message.startsWith('{')) return undefined;
  const ref = JSON.parse(message) as MessageRef;
  return typeof ref.key === 'string' && ref.key.startsWith('validation.') ? ref : undefined;
}

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
