import type { en } from './en';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'locale';
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type ValidationMessageKey = Extract<MessageKey, `validation.${string}`>;

/** A message chosen on the server and worded in the browser's language. */
export interface MessageRef {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function formatMessage(messages: Messages, key: MessageKey, params: MessageRef['params'] = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
