import { setLocaleAction } from '@/app/locale-actions';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

/** One button per language; each is a form post, so switching works without JavaScript. */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  return (
    <form action={setLocaleAction.bind(null, null)} aria-label={label} className="flex items-center gap-1">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded-full px-3 py-0.5 text-white aria-pressed:bg-white aria-pressed:font-bold aria-pressed:text-nav hover:underline"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
