import 'server-only';
import { cookies, headers } from 'next/headers';
import { catalogues } from './catalogues';
import {
  DEFAULT_LOCALE,
  formatMessage,
  isLocale,
  LOCALE_COOKIE,
  type Locale,
  type MessageKey,
  type MessageRef,
} from './messages';

/** The language the user chose on the page, else the browser's first supported language. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export function localeFromAcceptLanguage(header: string | null): Locale {
  const preferred = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { language: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q);
  return preferred.map(({ language }) => language).find(isLocale) ?? DEFAULT_LOCALE;
}

export async function getTranslator() {
  const locale = await getLocale();
  const messages = catalogues[locale];
  const t = (key: MessageKey, params?: MessageRef['params']) => formatMessage(messages, key, params);
  return { locale, messages, t };
}
