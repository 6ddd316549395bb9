import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from './locales';
import type { Translate } from './messages';

/** The request's language and its translator, for server components and metadata. */
export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return { locale: locale as Locale, t: t as Translate };
}
