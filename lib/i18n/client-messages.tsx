import 'server-only';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from './messages';

/** A top-level section of the messages: a page, a field, or a kind of answer. */
export type Namespace = keyof Messages;

/**
 * next-intl's provider for the client components inside it, sent only the namespaces they may
 * show: their own, and those of the answers the server gives them. The layout sends none, or every
 * page's HTML, and each refresh of a page that follows a request, would carry all of the app's
 * messages (about 30 KB).
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: { only: readonly Namespace[] } | { except: readonly Namespace[] };
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  const sent =
    'only' in namespaces
      ? namespaces.only
      : (Object.keys(messages) as Namespace[]).filter((namespace) => !namespaces.except.includes(namespace));
  return (
    <NextIntlClientProvider messages={Object.fromEntries(sent.map((namespace) => [namespace, messages[namespace]]))}>
      {children}
    </NextIntlClientProvider>
  );
}
