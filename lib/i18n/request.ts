import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, requestLocale } from './locales';

/**
 * next-intl's configuration for each request: the language chosen on the page (a cookie), else
 * the browser's first supported language, and that language's messages. No locale in the URL.
 */
export default getRequestConfig(async () => {
  const locale = requestLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return { locale, messages: (await import(`./messages/${locale}.json`)).default };
});
