'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { FieldError } from '@/components/ui/FormField';
import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import { tagLimit } from '@/lib/cluster/request-values';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { useI18n } from '@/lib/i18n/client';
import { useFieldError } from './field-errors';
import { RowCell, RowHeadings } from './RowFields';
import { useSectionFields } from './section-fields';
import { useTeam } from './team-rules';

const FIELDS = ['tags'] as const;

/** Key/value rows with Add tag and Remove, as in the console's tag editor. */
export function TagsSection() {
  const { t } = useI18n();
  const { control } = useFormContext<ClusterFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'tags' });
  // A new Auto Scaling group carries two tags of its own.
  const [ec2, autoScalingGroupArn] = useWatch({ control, name: ['ec2', 'autoScalingGroupArn'] });
  const listError = useFieldError('tags');
  const { revealed, changed } = useSectionFields(FIELDS);
  const team = useTeam();
  // A team's cluster also carries the team tag; its required tags start as rows, shown.
  const remaining = tagLimit(ec2 && autoScalingGroupArn === '') - (team ? 1 : 0) - fields.length;
  const requiredTags = team?.rules.requiredTags ?? {};

  return (
    <ExpandableSection
      id="tags-section"
      title={t('tags.title')}
      optionalText={t('section.optional')}
      description={t('tags.description')}
      revealed={revealed || Object.keys(requiredTags).length > 0}
      changed={changed}
    >
      <div id="tags" tabIndex={-1} className="space-y-3">
        {fields.length === 0 ? (
          <p>{t('tags.empty')}</p>
        ) : (
          <>
            <RowHeadings headings={[t('tags.key'), t('tags.value')]} columns={TAG_COLUMNS} />
            <ul className="space-y-3">
              {fields.map((field, index) => (
                <TagRow
                  key={field.id}
                  index={index}
                  defaults={field}
                  allowedValues={requiredTags[field.key]}
                  onRemove={() => remove(index)}
                />
              ))}
            </ul>
          </>
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

const TAG_COLUMNS = 'sm:grid-cols-[1fr_1fr_auto]';

function TagRow({
  index,
  defaults,
  allowedValues,
  onRemove,
}: {
  index: number;
  defaults: { key: string; value: string };
  /** A tag the team requires with a list of values: they are offered, and named below the row. */
  allowedValues?: string[];
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { register } = useFormContext<ClusterFormValues>();
  const row = index + 1;
  const cells = [
    { part: 'key', label: t('tags.keyOfRow', { row }) },
    { part: 'value', label: t('tags.valueOfRow', { row }) },
  ] as const;
  return (
    <li className={`grid grid-cols-1 items-start gap-3 ${TAG_COLUMNS}`}>
      {cells.map(({ part, label }) => (
        <RowCell key={part} path={`tags.${index}.${part}`} label={label}>
          {(control) => (
            <input
              {...control}
              {...register(`tags.${index}.${part}`)}
              defaultValue={defaults[part]}
              type="text"
              autoComplete="off"
              list={part === 'value' && allowedValues?.length ? `tag-values-${index}` : undefined}
              className={inputClassName}
            />
          )}
        </RowCell>
      ))}
      {allowedValues && allowedValues.length > 0 && (
        <>
          <datalist id={`tag-values-${index}`}>
            {allowedValues.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
          <p className="text-ink-muted sm:col-span-3">{t('team.tagValues', { values: allowedValues.join(', ') })}</p>
        </>
      )}
      <button
        type="button"
        onClick={onRemove}
        aria-label={t('tags.removeRow', { row })}
        className={`${buttonClassName.normal} mt-1 justify-self-start`}
      >
        {t('tags.remove')}
      </button>
    </li>
  );
}
