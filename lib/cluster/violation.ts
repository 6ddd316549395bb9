import type { MessageRef } from '@/lib/i18n/messages';

/**
 * One thing wrong with a request: where (a path in the domain request, such as
 * `infrastructure.instances.maxSize`; empty for the request as a whole), which rule, and what to
 * say. The form shows it at the field that path belongs to; the API sends the path as it is.
 */
export interface Violation {
  path: (string | number)[];
  rule: string;
  message: MessageRef;
}
