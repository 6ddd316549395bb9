'use client';

import type { ReactNode } from 'react';
import { get, useFormContext } from 'react-hook-form';
import { Checkbox } from '@/components/ui/Checkbox';
import { CheckboxList } from '@/components/ui/CheckboxList';
import { RadioGroup, type RadioOption } from '@/components/ui/RadioGroup';
import type { ClusterFormValues, FormCheckboxName, FormTextFieldName } from '@/lib/cluster-form/fields';
import { fieldId, useFieldError } from './field-errors';
import { useDefaultValues } from './form-methods';

interface ChoiceTexts {
  label: string;
  description?: ReactNode;
  constraint?: ReactNode;
  hint?: ReactNode;
}

/** Radio buttons of the Create cluster form, registered with react-hook-form and wired to their texts. */
export function FormRadioGroup<V extends string>({
  name,
  options,
  ...texts
}: ChoiceTexts & { name: FormTextFieldName; options: RadioOption<V>[] }) {
  const { register } = useFormContext<ClusterFormValues>();
  return (
    <RadioGroup
      id={fieldId(name)}
      error={useFieldError(name)}
      defaultValue={get(useDefaultValues(), name)}
      input={register(name)}
      options={options}
      {...texts}
    />
  );
}

/** Checkboxes choosing many of a list (subnets, security groups), registered with react-hook-form. */
export function FormCheckboxList({
  name,
  options,
  isChecked,
  empty,
  ...texts
}: ChoiceTexts & {
  name: 'subnetIds' | 'securityGroupIds';
  options: { value: string; label: ReactNode }[];
  isChecked: (value: string) => boolean;
  empty: ReactNode;
}) {
  const { register } = useFormContext<ClusterFormValues>();
  return (
    <CheckboxList
      id={fieldId(name)}
      error={useFieldError(name)}
      input={register(name)}
      options={options}
      isChecked={isChecked}
      empty={empty}
      {...texts}
    />
  );
}

/** One checkbox of the Create cluster form, with its label and description beside it. */
export function FormCheckbox({
  name,
  ...props
}: {
  name: FormCheckboxName;
  label: ReactNode;
  description?: ReactNode;
  'aria-invalid'?: true;
}) {
  const { register } = useFormContext<ClusterFormValues>();
  const defaults = useDefaultValues();
  return <Checkbox id={fieldId(name)} defaultChecked={get(defaults, name)} {...register(name)} {...props} />;
}
