'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from './locales';
import type { Translate } from './messages';

/** The page's language and its translator, for client components inside ClientMessages (client-messages.tsx). */
export function useI18n(): { locale: Locale; t: Translate } {
  return { locale: useLocale() as Locale, t: useTranslations() as Translate };
}
