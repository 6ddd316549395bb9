'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import { INBOUND_RULE_TYPE_IDS, INBOUND_RULE_TYPES, type InboundRuleType, needsPortRange } from '@/lib/cluster/ec2';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { MAX_INBOUND_RULES } from '@/lib/cluster/limits';
import { useI18n } from '@/lib/i18n/client';
import { RowCell, RowHeadings } from './RowFields';

/** Four columns and the Remove button on wide screens; one column on narrow ones. */
const RULE_COLUMNS = 'sm:grid-cols-[1fr_1fr_1fr_1fr_auto]';

/** The inbound rules of a new security group: type, port range (for custom types), source. */
export function InboundRulesEditor() {
  const { t } = useI18n();
  const { control } = useFormContext<ClusterFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'inboundRules' });
  return (
    <fieldset id="inboundRules" tabIndex={-1} className="max-w-3xl">
      <legend className="font-bold">{t('inboundRules.legend')}</legend>
      {fields.length === 0 ? (
        <p className="italic">{t('inboundRules.empty')}</p>
      ) : (
        <div className="mt-1 space-y-3">
          <RowHeadings
            columns={RULE_COLUMNS}
            headings={[
              t('inboundRules.column.type'),
              t('inboundRules.column.ports'),
              t('inboundRules.column.source'),
              t('inboundRules.column.cidr'),
            ]}
          />
          <ul className="space-y-3">
            {fields.map((field, index) => (
              <InboundRuleRow key={field.id} index={index} defaults={field} onRemove={() => remove(index)} />
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className={`${buttonClassName.normal} mt-2`}
        disabled={fields.length >= MAX_INBOUND_RULES}
        onClick={() =>
          append(
            { type: 'ssh', ports: '', source: 'anywhere', cidr: '' },
            { focusName: `inboundRules.${fields.length}.type` },
          )
        }
      >
        {t('inboundRules.add')}
      </button>
    </fieldset>
  );
}

function InboundRuleRow({
  index,
  defaults,
  onRemove,
}: {
  index: number;
  defaults: ClusterFormValues['inboundRules'][number];
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { control, register } = useFormContext<ClusterFormValues>();
  const [type, source] = useWatch({ control, name: [`inboundRules.${index}.type`, `inboundRules.${index}.source`] });
  const row = index + 1;
  const name = <P extends 'type' | 'ports' | 'source' | 'cidr'>(part: P) => `inboundRules.${index}.${part}` as const;
  const preset = type in INBOUND_RULE_TYPES ? (type as InboundRuleType) : undefined;

  return (
    <li className={`grid grid-cols-1 items-start gap-x-2 gap-y-3 ${RULE_COLUMNS}`}>
      <RowCell path={name('type')} label={t('inboundRules.typeOfRow', { row })}>
        {(control) => (
          <select {...control} {...register(name('type'))} defaultValue={defaults.type} className={inputClassName}>
            {INBOUND_RULE_TYPE_IDS.map((value) => (
              <option key={value} value={value}>
                {t(`inboundRules.type.${value}`)}
              </option>
            ))}
          </select>
        )}
      </RowCell>
      <RowCell path={name('ports')} label={t('inboundRules.ports', { row })}>
        {(control) => (
          <input
            {...control}
            {...register(name('ports'))}
            defaultValue={defaults.ports}
            disabled={!(preset && needsPortRange(preset))}
            placeholder={
              preset ? (INBOUND_RULE_TYPES[preset].ports ?? (preset === 'all-traffic' ? 'all' : '8080')) : ''
            }
            className={inputClassName}
          />
        )}
      </RowCell>
      <RowCell path={name('source')} label={t('inboundRules.sourceOfRow', { row })}>
        {(control) => (
          <select {...control} {...register(name('source'))} defaultValue={defaults.source} className={inputClassName}>
            <option value="anywhere">{t('inboundRules.source.anywhere')}</option>
            <option value="custom">{t('inboundRules.source.custom')}</option>
          </select>
        )}
      </RowCell>
      <RowCell path={name('cidr')} label={t('inboundRules.cidr', { row })}>
        {(control) => (
          <input
            {...control}
            {...register(name('cidr'))}
            defaultValue={defaults.cidr}
            disabled={source !== 'custom'}
            placeholder="10.0.0.0/16"
            className={inputClassName}
          />
        )}
      </RowCell>
      <button
        type="button"
        onClick={onRemove}
        aria-label={t('inboundRules.removeRow', { row })}
        className={`${buttonClassName.normal} mt-1 justify-self-start`}
      >
        {t('tags.remove')}
      </button>
    </li>
  );
}
