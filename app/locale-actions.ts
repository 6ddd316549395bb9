'use server';

import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

/**
 * Remembers the language chosen on the page for a year. Works as a plain form post too. Like every
 * action of this app it takes (previous answer, form): the page binds null as the first.
 */
export async function setLocaleAction(_previous: null, formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
