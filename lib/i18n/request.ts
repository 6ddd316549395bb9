import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './locales';

/**
 * next-intl's configuration for each request: the language chosen on the page (a cookie), else
 * the browser's first supported language, and that language's messages. No locale in the URL.
 */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: (await import(`./messages/${locale}.json`)).default };
});

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
