'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { FieldError } from '@/components/ui/FormField';
import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import { tagLimit } from '@/lib/cluster/request';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { useI18n } from '@/lib/i18n/client';
import { fieldId, useFieldError, useFieldErrorList } from './field-errors';

/** Key/value rows with Add tag and Remove, as in the console's tag editor. */
export function TagsSection() {
  const { t } = useI18n();
  const { control } = useFormContext<ClusterFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'tags' });
  // A new Auto Scaling group carries two tags of its own.
  const [ec2, autoScalingGroupArn] = useWatch({ control, name: ['ec2', 'autoScalingGroupArn'] });
  const listError = useFieldError('tags');
  const anyTagError = useFieldErrorList().some(([path]) => path === 'tags' || path.startsWith('tags.'));
  const remaining = tagLimit(ec2 && autoScalingGroupArn === '') - fields.length;

  return (
    <ExpandableSection
      id="tags-section"
      title={t('tags.title')}
      optionalText={t('section.optional')}
      description={t('tags.description')}
      revealed={anyTagError}
    >
      <div id="tags" tabIndex={-1} className="space-y-3">
        {fields.length === 0 ? (
          <p>{t('tags.empty')}</p>
        ) : (
          <ul className="space-y-3">
            {fields.map((field, index) => (
              <TagRow key={field.id} index={index} defaults={field} onRemove={() => remove(index)} />
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={buttonClassName.normal}
            disabled={remaining <= 0}
            onClick={() => append({ key: '', value: '' }, { focusName: `tags.${fields.length}.key` })}
          >
            {t('tags.add')}
          </button>
          <span className="text-ink-muted">{t('tags.remaining', { count: Math.max(remaining, 0) })}</span>
        </div>
        {listError && <FieldError id="tags-error">{listError}</FieldError>}
        <p className="text-ink-muted text-xs leading-4">{t('tags.constraint')}</p>
      </div>
    </ExpandableSection>
  );
}

function TagRow({
  index,
  defaults,
  onRemove,
}: {
  index: number;
  defaults: { key: string; value: string };
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { register } = useFormContext<ClusterFormValues>();
  const row = index + 1;
  const cells = [
    {
      part: 'key',
      label: t('tags.key'),
      accessibleName: t('tags.keyOfRow', { row }),
      error: useFieldError(`tags.${index}.key`),
    },
    {
      part: 'value',
      label: t('tags.value'),
      accessibleName: t('tags.valueOfRow', { row }),
      error: useFieldError(`tags.${index}.value`),
    },
  ] as const;
  return (
    <li className="grid grid-cols-[1fr_1fr_auto] items-start gap-3">
      {cells.map(({ part, label, accessibleName, error }) => {
        const id = fieldId(`tags.${index}.${part}`);
        return (
          <div key={part}>
            {index === 0 && (
              <span aria-hidden="true" className="block font-bold">
                {label}
              </span>
            )}
            <label htmlFor={id} className="sr-only">
              {accessibleName}
            </label>
            <input
              id={id}
              {...register(`tags.${index}.${part}`)}
              defaultValue={defaults[part]}
              type="text"
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className={inputClassName}
            />
            {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
          </div>
        );
      })}
      <button
        type="button"
        onClick={onRemove}
        aria-label={t('tags.removeRow', { row })}
        className={`${buttonClassName.normal} ${index === 0 ? 'mt-5' : ''}`}
      >
        {t('tags.remove')}
      </button>
    </li>
  );
}
