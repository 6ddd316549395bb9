import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { PersonMenu } from '@/components/PersonMenu';
import { authSettings } from '@/lib/auth/settings';
import { getPrincipal } from '@/lib/auth/session';
import { currentRegion, isSandbox } from '@/lib/aws/clients';
import { database } from '@/lib/db';
import { databaseProblem as describeDatabaseProblem } from '@/lib/db/problems';
import { getTranslator } from '@/lib/i18n/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: { template: `%s | ${t('app.serviceName')}`, default: t('app.serviceName') } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getTranslator();
  const region = await currentRegion();
  // Every page says when the request journal cannot be used, and what to do about it.
  const databaseProblem = await database().then(() => undefined, describeDatabaseProblem);
  const portal = authSettings().mode === 'portal';
  const principal = databaseProblem ? null : await getPrincipal();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10"
        >
          {t('app.skipToContent')}
        </a>
        <header className="bg-nav flex flex-wrap items-center justify-between gap-3 px-5 py-2 text-white">
          <nav aria-label={t('app.serviceName')} className="flex items-center gap-4">
            <Link href="/clusters" className="font-bold text-white hover:text-white">
              {t('app.serviceName')}
            </Link>
            <Link href="/requests" className="text-white hover:text-white">
              {t('nav.requests')}
            </Link>
            <Link href="/audit" className="text-white hover:text-white">
              {t('nav.audit')}
            </Link>
          </nav>
          <div className="flex items-center gap-4">
            {region && <span>{t('region.label', { region })}</span>}
            {principal?.mode === 'person' && <PersonMenu person={principal} t={t} />}
            <LanguageSwitcher current={locale} label={t('language.label')} />
          </div>
        </header>
        {isSandbox() && (
          <p role="note" className="bg-sandbox px-5 py-2 font-bold text-ink">
            {t('sandbox.banner')} {portal && !principal && t('sandboxPortal.banner')}
          </p>
        )}
        {!portal && !isSandbox() && (
          <p role="note" className="bg-sandbox px-5 py-2 font-bold text-ink">
            {t('singleUser.banner')}
          </p>
        )}
        {databaseProblem && (
          <p role="alert" className="bg-error-bg text-error border-error border-b-2 px-5 py-2 font-bold">
            {t(databaseProblem.key, databaseProblem.params)}
          </p>
        )}
        <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-5 py-6 focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
