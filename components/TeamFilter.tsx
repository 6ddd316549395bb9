import { inputClassName } from '@/components/ui/inputStyles';
import type { Translate } from '@/lib/i18n/messages';

/** The team select of a list's filter form: shown to those who see more than one team. */
export function TeamFilter({ teams, chosen, t }: { teams: string[]; chosen?: string; t: Translate }) {
  if (teams.length < 2) return null;
  return (
    <div>
      <label htmlFor="filter-team" className="block font-bold">
        {t('requests.filter.team')}
      </label>
      <select id="filter-team" name="team" defaultValue={chosen ?? ''} className={inputClassName}>
        <option value="">{t('requests.filter.anyTeam')}</option>
        {teams.map((team) => (
          <option key={team} value={team}>
            {team}
          </option>
        ))}
      </select>
    </div>
  );
}
