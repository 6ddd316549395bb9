import type { Locale } from '@/lib/i18n/locales';

/** A journal time (ISO 8601, UTC) as the person's language writes it, in UTC. */
export function formatTime(iso: string, locale: Locale): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}

/** Seconds between two journal times, to one decimal. */
export function secondsBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 100) / 10;
}
