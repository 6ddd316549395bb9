import { signOutAction } from '@/app/sign-in/actions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Translate } from '@/lib/i18n/messages';

/** Who is signed in, for which teams, and the way out. A form post, so it works without JavaScript. */
export function PersonMenu({ viewer, t }: { viewer: Viewer; t: Translate }) {
  if (viewer.principal.kind !== 'person' || !('access' in viewer)) return null;
  const { principal, access } = viewer;
  return (
    <form action={signOutAction.bind(null, null)} aria-label={t('person.menu')} className="flex items-center gap-3">
      <span>
        {t('person.signedInAs', { name: principal.name })} (
        {access.admin
          ? t('person.admin')
          : t('person.teams', { count: access.teams.length, teams: access.teams.join(', ') })}
        )
      </span>
      <button type="submit" className="rounded-full px-3 py-0.5 text-white hover:underline">
        {t('person.signOut')}
      </button>
    </form>
  );
}
