'use client';

import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Container } from '@/components/ui/Container';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import type { NamespaceOption } from '@/lib/cluster/options';
import { useI18n } from '@/lib/i18n/client';
import type { MessageRef } from '@/lib/i18n/messages';
import { useDefaultValues, useIsSubmitted } from './form-methods';
import { TeamField, useTeam } from './team-rules';
import { TextField } from './TextField';

/** Cluster name, and the default namespace that follows it until the user edits the namespace. */
export function ClusterConfigurationSection({
  namespaces,
  namespaceListError,
}: {
  namespaces: NamespaceOption[];
  namespaceListError?: MessageRef;
}) {
  const { t } = useI18n();
  const { control, setValue } = useFormContext<ClusterFormValues>();
  const defaults = useDefaultValues();
  const isSubmitted = useIsSubmitted();
  const [clusterName, namespace] = useWatch({ control, name: ['clusterName', 'namespace'] });
  const prefix = useTeam()?.rules.clusterNamePrefix;
  const namespaceEdited = useRef(defaults?.namespace !== defaults?.clusterName);

  useEffect(() => {
    if (!namespaceEdited.current) {
      setValue('namespace', clusterName, { shouldValidate: isSubmitted });
    }
  }, [clusterName, setValue, isSubmitted]);

  return (
    <Container id="cluster-configuration" title={t('clusterConfiguration.title')}>
      <div className="space-y-5">
        <TeamField />
        <TextField
          name="clusterName"
          label={t('clusterName.label')}
          description={t('clusterName.description')}
          constraint={`${t('clusterName.constraint')}${prefix ? ` ${t('team.prefix', { prefix })}` : ''}`}
        />
        <TextField
          name="namespace"
          label={t('namespace.label')}
          optional
          description={t('namespace.description')}
          constraint={t('namespace.constraint')}
          list="namespace-options"
          hint={namespaceHint(namespace, namespaces, namespaceListError, t)}
          registerOptions={{ onChange: () => (namespaceEdited.current = true) }}
        />
        <datalist id="namespace-options">
          {namespaces.map((option) => (
            <option key={option.arn} value={option.name}>
              {`${option.name} (${t(`namespace.type.${option.type}`)})`}
            </option>
          ))}
        </datalist>
      </div>
    </Container>
  );
}

/** What the typed namespace will mean: an existing one, or a new one that ECS creates. */
function namespaceHint(
  value: string,
  namespaces: NamespaceOption[],
  listError: MessageRef | undefined,
  t: ReturnType<typeof useI18n>['t'],
): string | undefined {
  if (listError) return t('namespace.listUnavailable', { reason: t(listError.key, listError.params) });
  if (!value) return undefined;
  if (value.startsWith('arn:')) {
    const byArn = namespaces.find((option) => option.arn === value);
    return byArn ? t('namespace.existingArn', { arn: value }) : undefined;
  }
  const byName = namespaces.find((option) => option.name === value);
  return byName
    ? t('namespace.existing', { name: value, type: t(`namespace.type.${byName.type}`) })
    : t('namespace.willCreate', { name: value });
}
