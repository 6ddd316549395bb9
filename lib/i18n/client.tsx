'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatMessage, type Locale, type MessageKey, type MessageRef, type Messages } from './messages';

interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageRef['params']) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(
    () => ({ locale, t: (key, params) => formatMessage(messages, key, params) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider above it');
  return i18n;
}
