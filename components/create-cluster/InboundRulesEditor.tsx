'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { FieldError } from '@/components/ui/FormField';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import { INBOUND_RULE_TYPE_IDS, INBOUND_RULE_TYPES, type InboundRuleType, needsPortRange } from '@/lib/cluster/ec2';
import { MAX_INBOUND_RULES } from '@/lib/cluster/limits';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { useI18n } from '@/lib/i18n/client';
import { fieldId, useFieldError } from './field-errors';

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
        <ul className="mt-1 space-y-3">
          {fields.map((field, index) => (
            <InboundRuleRow key={field.id} index={index} defaults={field} onRemove={() => remove(index)} />
          ))}
        </ul>
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
  const customPorts = preset !== undefined && needsPortRange(preset);

  return (
    <li className="grid grid-cols-[1fr_1fr_1fr_1fr_auto] items-start gap-2">
      <div>
        <label htmlFor={fieldId(name('type'))} className="sr-only">
          {t('inboundRules.typeOfRow', { row })}
        </label>
        <select
          id={fieldId(name('type'))}
          {...register(name('type'))}
          defaultValue={defaults.type}
          className={inputClassName}
        >
          {INBOUND_RULE_TYPE_IDS.map((value) => (
            <option key={value} value={value}>
              {t(`inboundRules.type.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <RuleTextInput
        path={name('ports')}
        label={t('inboundRules.ports', { row })}
        defaultValue={defaults.ports}
        disabled={!customPorts}
        placeholder={preset ? (INBOUND_RULE_TYPES[preset].ports ?? (preset === 'all-traffic' ? 'all' : '8080')) : ''}
      />
      <div>
        <label htmlFor={fieldId(name('source'))} className="sr-only">
          {t('inboundRules.sourceOfRow', { row })}
        </label>
        <select
          id={fieldId(name('source'))}
          {...register(name('source'))}
          defaultValue={defaults.source}
          className={inputClassName}
        >
          <option value="anywhere">{t('inboundRules.source.anywhere')}</option>
          <option value="custom">{t('inboundRules.source.custom')}</option>
        </select>
      </div>
      <RuleTextInput
        path={name('cidr')}
        label={t('inboundRules.cidr', { row })}
        defaultValue={defaults.cidr}
        disabled={source !== 'custom'}
        placeholder="10.0.0.0/16"
      />
      <button
        type="button"
        onClick={onRemove}
        aria-label={t('inboundRules.removeRow', { row })}
        className={buttonClassName.normal}
      >
        {t('tags.remove')}
      </button>
    </li>
  );
}

/** A rule's port range or CIDR: a text input named for screen readers, with its error. */
function RuleTextInput({
  path,
  label,
  defaultValue,
  disabled,
  placeholder,
}: {
  path: `inboundRules.${number}.${'ports' | 'cidr'}`;
  label: string;
  defaultValue: string;
  disabled: boolean;
  placeholder: string;
}) {
  const { register } = useFormContext<ClusterFormValues>();
  const error = useFieldError(path);
  const id = fieldId(path);
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        {...register(path)}
        defaultValue={defaultValue}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClassName}
      />
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}
