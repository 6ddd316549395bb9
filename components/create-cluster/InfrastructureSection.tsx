'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { lazy, Suspense } from 'react';
import { Container } from '@/components/ui/Container';
import { FormField } from '@/components/ui/FormField';
import type { Ec2OptionsSource } from '@/lib/cluster/options';
import { useI18n } from '@/lib/i18n/client';
import { FormCheckbox } from './ChoiceFields';
import { useEc2OptionsOnceChosen } from './ec2-options-request';
import { useFieldError } from './field-errors';
import { useTeam } from './team-rules';
import { INFRASTRUCTURE_CHOICES } from '@/lib/policy/choices';

/*
 * The EC2 fields are most of the form's code and most people never open them: their code is
 * fetched apart from the page's, when EC2 is chosen (or with a page sent with EC2 chosen).
 */
const Ec2CapacityFields = dynamic(() => import('./Ec2CapacityFields').then((module) => module.Ec2CapacityFields));
const StreamedEc2CapacityFields = lazy(() =>
  import('./Ec2CapacityFields').then((module) => ({ default: module.StreamedEc2CapacityFields })),
);

/** The EC2 fields of a page sent without the lists: they are asked for once EC2 is chosen. */
function Ec2CapacityFieldsOnceChosen({ fresh }: { fresh: boolean }) {
  const { t } = useI18n();
  const options = useEc2OptionsOnceChosen(fresh);
  const loading = (
    <>
      <p aria-live="polite">{t('ec2.loading')}</p>
      <noscript>
        <Link href="/clusters/create?ec2=1">{t('ec2.loadWithoutScript')}</Link>
      </noscript>
    </>
  );
  return options ? (
    <Suspense fallback={loading}>
      <StreamedEc2CapacityFields options={options} />
    </Suspense>
  ) : (
    loading
  );
}

/** Where the cluster's tasks run: AWS Fargate, Amazon EC2 instances, or both. */
export function InfrastructureSection({ ec2Options }: { ec2Options: Ec2OptionsSource }) {
  const { t } = useI18n();
  const fargateError = useFieldError('fargate');
  const ec2Error = useFieldError('ec2');
  const error = fargateError ?? ec2Error;
  // A team's rules may leave one of the two out: it is not offered, and a note says why.
  const allowed = useTeam()?.rules.infrastructure ?? INFRASTRUCTURE_CHOICES;
  return (
    <Container id="infrastructure" title={t('infrastructure.title')} description={t('infrastructure.description')}>
      <FormField group labelHidden id="infrastructure-choice" label={t('infrastructure.legend')} error={error}>
        {({ 'aria-invalid': invalid }) => (
          <div className="space-y-3">
            {INFRASTRUCTURE_CHOICES.map((choice) =>
              allowed.includes(choice) ? (
                <FormCheckbox
                  key={choice}
                  name={choice}
                  label={t(`${choice}.label`)}
                  description={t(`${choice}.description`)}
                  aria-invalid={invalid}
                />
              ) : (
                <p key={choice}>{t(choice === 'fargate' ? 'team.ec2Only' : 'team.fargateOnly')}</p>
              ),
            )}
          </div>
        )}
      </FormField>
      <div className="border-line-soft mt-4 hidden border-l-2 pl-4 group-has-[#ec2:checked]/form:block">
        {'loaded' in ec2Options ? (
          <Ec2CapacityFields options={ec2Options.loaded} />
        ) : (
          <Ec2CapacityFieldsOnceChosen fresh={ec2Options.onceChosen.fresh} />
        )}
      </div>
      <details className="mt-4 max-w-2xl">
        <summary className="text-link cursor-pointer font-bold">{t('infrastructure.compare.title')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t('infrastructure.compare.fargate')}</li>
          <li>{t('infrastructure.compare.ec2')}</li>
        </ul>
      </details>
    </Container>
  );
}
