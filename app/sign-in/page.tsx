import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/Alert';
import { Container } from '@/components/ui/Container';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { isSandbox } from '@/lib/aws/clients';
import { getPrincipal } from '@/lib/auth/session';
import { sandboxPeople } from '@/lib/auth/sandbox-people';
import { authSettings } from '@/lib/auth/settings';
import { getTranslator } from '@/lib/i18n/server';
import { signInAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('signIn.title') };
}

type Props = { searchParams: Promise<{ next?: string; error?: string; signedOut?: string }> };

/** The portal's front door: sign in with the company's identity provider (in the sandbox, as a demo person). */
export default async function SignInPage({ searchParams }: Props) {
  const { next = '/clusters', error, signedOut } = await searchParams;
  const { t } = await getTranslator();
  if (authSettings().mode !== 'portal' || (await getPrincipal())) redirect(next.startsWith('/') ? next : '/clusters');
  const people = isSandbox() ? sandboxPeople() : [];
  const signIn = signInAction.bind(null, null);

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('signIn.title')}</h1>
      {error && <Alert type="error">{t('signIn.failed')}</Alert>}
      {signedOut && <Alert type="success">{t('signIn.signedOut')}</Alert>}
      <Container id="company" title={t('signIn.companyTitle')} description={t('signIn.companyDescription')}>
        <form action={signIn}>
          <input type="hidden" name="next" value={next} />
          <button type="submit" className={buttonClassName.primary}>
            {t('signIn.button')}
          </button>
        </form>
      </Container>
      {people.length > 0 && (
        <Container id="demo-people" title={t('signIn.demoTitle')} description={t('signIn.demoDescription')}>
          <ul className="space-y-2">
            {people.map((person) => (
              <li key={person.login}>
                <form action={signIn} className="flex flex-wrap items-center gap-3">
                  <input type="hidden" name="next" value={next} />
                  <input type="hidden" name="login" value={person.login} />
                  <button type="submit" className={buttonClassName.normal}>
                    {t('signIn.asPerson', { name: person.name })}
                  </button>
                  <span className="text-ink-muted">{person.role}</span>
                </form>
              </li>
            ))}
          </ul>
        </Container>
      )}
    </div>
  );
}
