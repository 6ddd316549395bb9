'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { PROVIDER_ID, portalAuth } from '@/lib/auth/better-auth';
import { authSettings } from '@/lib/auth/settings';

/** Only a path of this app: never another site, whatever the sign-in link carried. */
const returnPath = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')
    ? value
    : '/clusters';

/**
 * Starts the authorization code flow (with PKCE) at the identity provider, and comes back to the
 * page the person wanted. Takes (previous answer, form) like every action of this app.
 */
export async function signInAction(_previous: null, formData: FormData): Promise<void> {
  const settings = authSettings();
  if (settings.mode !== 'portal') redirect('/clusters');
  const auth = await portalAuth(settings);
  const loginHint = formData.get('login');
  const { url } = await auth.api.signInSocial({
    body: {
      provider: PROVIDER_ID,
      callbackURL: returnPath(formData.get('next')),
      errorCallbackURL: '/sign-in?error=1',
      ...(typeof loginHint === 'string' && loginHint ? { loginHint } : {}),
    },
    headers: await headers(),
  });
  if (!url) throw new Error('the identity provider gave no sign-in address');
  redirect(url);
}

/** Ends the session here; the identity provider's own session is its own to end. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the (previous answer, form) shape every action has
export async function signOutAction(_previous: null, _form: FormData): Promise<void> {
  const settings = authSettings();
  if (settings.mode === 'portal') {
    await (await portalAuth(settings)).api.signOut({ headers: await headers() });
  }
  redirect('/sign-in?signedOut=1');
}
