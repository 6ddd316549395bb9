'use client';

import { createContext, type ReactNode, useContext, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { useI18n } from '@/lib/i18n/client';
import { type FormTeam, withTeamDefaults } from '@/lib/cluster-form/team-rules';
import { useDefaultValues, useIsSubmitted } from './form-methods';
import { SelectField } from './SelectField';

/** The teams the person may create for (team portal); none in single-user mode. */
const Teams = createContext<FormTeam[]>([]);

export function TeamsProvider({ teams, children }: { teams: FormTeam[]; children: ReactNode }) {
  return <Teams.Provider value={teams}>{children}</Teams.Provider>;
}

/** The chosen team and its rules, or undefined outside the team portal. */
export function useTeam(): FormTeam | undefined {
  const teams = useContext(Teams);
  const { control } = useFormContext<ClusterFormValues>();
  const name = useWatch({ control, name: 'team' });
  return teams.find((team) => team.name === name);
}

/**
 * Which team the cluster is for: its rules shape the form, and every resource gets its tag.
 * Choosing another team swaps in its prefix and required tags.
 */
export function TeamField() {
  const { t } = useI18n();
  const teams = useContext(Teams);
  const { getValues, setValue } = useFormContext<ClusterFormValues>();
  const defaults = useDefaultValues();
  const isSubmitted = useIsSubmitted();
  const current = useTeam();
  const previous = useRef(current);
  if (teams.length === 0) return null;
  const choose = (name: string) => {
    const next = teams.find((team) => team.name === name);
    if (!next) return;
    const changes = withTeamDefaults(getValues(), next, previous.current);
    for (const [field, value] of Object.entries(changes)) {
      setValue(field as keyof ClusterFormValues, value as never, { shouldValidate: isSubmitted });
    }
    previous.current = next;
  };
  return (
    <SelectField
      name="team"
      label={t('team.label')}
      description={t('team.description')}
      value={defaults?.team ?? ''}
      options={teams.map((team) => ({ value: team.name, label: team.name }))}
      onChange={choose}
    />
  );
}
