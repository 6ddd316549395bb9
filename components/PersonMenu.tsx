import { signOutAction } from '@/app/sign-in/actions';
import type { Person } from '@/lib/auth/principal';
import type { Translate } from '@/lib/i18n/messages';

/** Who is signed in, for which teams, and the way out. A form post, so it works without JavaScript. */
export function PersonMenu({ person, t }: { person: Person; t: Translate }) {
  return (
    <form action={signOutAction.bind(null, null)} aria-label={t('person.menu')} className="flex items-center gap-3">
      <span>
        {t('person.signedInAs', { name: person.name })} (
        {person.admin
          ? t('person.admin')
          : t('person.teams', { count: person.teams.length, teams: person.teams.join(', ') })}
        )
      </span>
      <button type="submit" className="rounded-full px-3 py-0.5 text-white hover:underline">
        {t('person.signOut')}
      </button>
    </form>
  );
}
