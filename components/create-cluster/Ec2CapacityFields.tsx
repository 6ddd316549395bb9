'use client';

import { use, useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Ec2Options, Loaded } from '@/lib/cluster/options';
import {
  amiArchitecture,
  AMI_FAMILY_IDS,
  defaultInstanceType,
  instanceTypeArchitecture,
  PROVISIONING_MODELS,
  PUBLIC_IP_OPTIONS,
  SECURITY_GROUP_MODES,
  SPOT_ALLOCATION_STRATEGIES,
} from '@/lib/cluster/ec2';
import { instanceTypeAllowed } from '@/lib/policy/instance-types';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { useI18n } from '@/lib/i18n/client';
import { hasEcsInstanceRole, networkDefaults, securityGroupsOf, subnetsOf, withEc2Defaults } from './ec2-defaults';
import { FormCheckboxList, FormRadioGroup } from './ChoiceFields';
import { useDefaultValues, useIsSubmitted } from './form-methods';
import { InboundRulesEditor } from './InboundRulesEditor';
import { SelectField } from './SelectField';
import { useTeam } from './team-rules';
import { TextField } from './TextField';

/** The choices the console fills from the account's lists when the person has not made them. */
const FILLED_FROM_LISTS = ['vpcId', 'subnetIds', 'securityGroupIds', 'instanceType', 'instanceProfile'] as const;

/** The fields, once the lists asked of the server have arrived. */
export function StreamedEc2CapacityFields({ options }: { options: Promise<Ec2Options> }) {
  return <Ec2CapacityFields options={use(options)} />;
}

/**
 * The fields "Amazon EC2 instances" reveals, filled from the account's lists (loaded on the
 * server). Parts that depend on a choice show by CSS (:has), so the page works
 * without JavaScript; with it, the VPC's subnets and security groups follow the chosen VPC.
 */
export function Ec2CapacityFields({ options }: { options: Ec2Options }) {
  const { t } = useI18n();
  const { control, getValues, setValue, trigger } = useFormContext<ClusterFormValues>();
  const [vpcId, amiFamily, subnetIds, securityGroupIds] = useWatch({
    control,
    name: ['vpcId', 'amiFamily', 'subnetIds', 'securityGroupIds'],
  });
  const shown = withEc2Defaults({ ...getValues(), vpcId, amiFamily, subnetIds, securityGroupIds }, options);
  const architecture = amiArchitecture(amiFamily);
  const defaults = useDefaultValues();

  // Once the lists are known, fill the choices the user has not made. After a Create chosen while
  // they loaded, check those fields again, so no error stays on a field that now holds a default.
  // (Checkboxes registered as they mount may already hold their defaults: check all of them.)
  const isSubmitted = useIsSubmitted();
  useEffect(() => {
    const filled = withEc2Defaults(getValues(), options);
    for (const name of FILLED_FROM_LISTS) {
      if (String(getValues(name)) !== String(filled[name])) setValue(name, filled[name]);
    }
    if (isSubmitted) void trigger(FILLED_FROM_LISTS);
  }, [options, getValues, setValue, trigger, isSubmitted]);

  // A new VPC brings its own subnets and default security group.
  const previousVpc = useRef(shown.vpcId);
  useEffect(() => {
    if (!vpcId || previousVpc.current === vpcId) return;
    previousVpc.current = vpcId;
    const network = networkDefaults(options, vpcId);
    setValue('subnetIds', network.subnetIds);
    setValue('securityGroupIds', network.securityGroupIds);
  }, [vpcId, options, setValue]);

  // An AMI of another architecture needs an instance type of that architecture.
  useEffect(() => {
    const current = getValues('instanceType');
    if (current && instanceTypeArchitecture(current) !== architecture && options.instanceTypes.ok) {
      setValue('instanceType', defaultInstanceType(architecture, options.instanceTypes.value));
    }
  }, [architecture, options, getValues, setValue]);

  const failure = <T,>(list: Loaded<T>) =>
    list.ok ? undefined : t('ec2.listFailed', { reason: t(list.error.key, list.error.params) });
  const rules = useTeam()?.rules;
  const offeredTypes = options.instanceTypes.ok
    ? options.instanceTypes.value.filter(
        (type) => instanceTypeArchitecture(type) === architecture && instanceTypeAllowed(rules?.instanceTypes, type),
      )
    : [];

  return (
    <div className="space-y-5">
      <SelectField
        name="autoScalingGroupArn"
        label={t('autoScalingGroup.label')}
        description={t('autoScalingGroup.description')}
        value={defaults?.autoScalingGroupArn ?? ''}
        hint={
          failure(options.freeAutoScalingGroups) ??
          (options.freeAutoScalingGroups.ok && options.freeAutoScalingGroups.value.length === 0
            ? t('autoScalingGroup.noneFree')
            : undefined)
        }
        options={[
          { value: '', id: 'asg-create-new', label: t('autoScalingGroup.createNew') },
          ...(options.freeAutoScalingGroups.ok ? options.freeAutoScalingGroups.value : []).map((group) => ({
            value: group.arn,
            label: `${group.name} (${group.minSize}–${group.maxSize})`,
          })),
        ]}
      />

      <div className="hidden space-y-5 group-has-[#asg-create-new:checked]/form:block">
        <FormRadioGroup
          name="provisioningModel"
          label={t('provisioningModel.legend')}
          options={PROVISIONING_MODELS.map((value) => ({
            value,
            label: t(`provisioningModel.${value}.label`),
            description: t(`provisioningModel.${value}.description`),
          }))}
        />
        <div className="hidden group-has-[#provisioningModel-SPOT:checked]/form:block">
          <SelectField
            name="spotAllocationStrategy"
            label={t('spotAllocationStrategy.label')}
            description={t('spotAllocationStrategy.description')}
            value={defaults?.spotAllocationStrategy ?? 'price-capacity-optimized'}
            options={SPOT_ALLOCATION_STRATEGIES.map((value) => ({
              value,
              label: t(`spotAllocationStrategy.${value}`),
            }))}
          />
        </div>
        <SelectField
          name="amiFamily"
          label={t('amiFamily.label')}
          description={t('amiFamily.description')}
          value={defaults?.amiFamily ?? 'al2023'}
          options={AMI_FAMILY_IDS.map((value) => ({ value, label: t(`amiFamily.${value}`) }))}
        />
        <TextField
          name="instanceType"
          label={t('instanceType.label')}
          description={t('instanceType.description', { architecture })}
          constraint={t('instanceType.constraint')}
          fallback={shown.instanceType}
          list="instance-type-options"
          hint={
            failure(options.instanceTypes) ??
            (rules?.instanceTypes && t('team.instanceTypes', { patterns: rules.instanceTypes.join(', ') }))
          }
        />
        <datalist id="instance-type-options">
          {offeredTypes.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <SelectField
          name="instanceProfile"
          label={t('instanceProfile.label')}
          description={t('instanceProfile.description')}
          value={shown.instanceProfile}
          hint={failure(options.instanceProfiles)}
          options={[
            ...(hasEcsInstanceRole(options) ? [] : [{ value: '', label: t('instanceProfile.createNew') }]),
            ...(options.instanceProfiles.ok ? options.instanceProfiles.value : []).map((name) => ({
              value: name,
              label: name,
            })),
          ]}
        />
        <fieldset className="max-w-2xl">
          <legend className="font-bold">{t('capacity.legend')}</legend>
          <p className="text-ink-muted">{t('capacity.constraint')}</p>
          <div className="mt-2 grid grid-cols-2 gap-4">
            <TextField name="minSize" label={t('minSize.label')} numeric />
            <TextField
              name="maxSize"
              label={t('maxSize.label')}
              numeric
              constraint={rules?.maxInstances && t('team.maxInstances', { max: rules.maxInstances })}
            />
          </div>
        </fieldset>
        <SelectField
          name="keyName"
          label={t('keyName.label')}
          description={t('keyName.description')}
          value={defaults?.keyName ?? ''}
          hint={
            failure(options.keyPairs) ??
            (options.keyPairs.ok && options.keyPairs.value.length === 0 ? t('listEmpty.keyPairs') : undefined)
          }
          options={[
            { value: '', label: t('keyName.none') },
            ...(options.keyPairs.ok ? options.keyPairs.value : []).map((name) => ({ value: name, label: name })),
          ]}
        />
        <TextField
          name="rootVolumeSize"
          label={t('rootVolumeSize.label')}
          constraint={t('rootVolumeSize.constraint')}
          numeric
        />

        <section aria-labelledby="network-heading" className="border-line-soft space-y-5 border-t pt-4">
          <h3 id="network-heading" className="text-base font-bold">
            {t('network.title')}
          </h3>
          <SelectField
            name="vpcId"
            label={t('vpcId.label')}
            description={t('vpcId.description')}
            value={shown.vpcId}
            hint={
              failure(options.vpcs) ??
              (options.vpcs.ok && options.vpcs.value.length === 0 ? t('listEmpty.vpcs') : undefined)
            }
            options={(options.vpcs.ok ? options.vpcs.value : []).map((vpc) => ({
              value: vpc.id,
              label: [vpc.id, vpc.name, vpc.cidr, vpc.isDefault ? t('vpcId.default') : undefined]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
          <FormCheckboxList
            name="subnetIds"
            label={t('subnetIds.legend')}
            description={failure(options.subnets) ?? t('subnetIds.description')}
            empty={t('subnetIds.empty')}
            isChecked={(id) => shown.subnetIds.includes(id)}
            options={subnetsOf(options, shown.vpcId).map((subnet) => ({
              value: subnet.id,
              label: [subnet.id, subnet.name, subnet.availabilityZone, subnet.cidr].filter(Boolean).join(' · '),
            }))}
          />
          <FormRadioGroup
            name="securityGroupMode"
            label={t('securityGroupMode.legend')}
            options={SECURITY_GROUP_MODES.map((value) => ({ value, label: t(`securityGroupMode.${value}`) }))}
          />
          <div className="hidden group-has-[#securityGroupMode-existing:checked]/form:block">
            <FormCheckboxList
              name="securityGroupIds"
              label={t('securityGroupIds.legend')}
              description={failure(options.securityGroups)}
              empty={t('securityGroupIds.empty')}
              isChecked={(id) => shown.securityGroupIds.includes(id)}
              options={securityGroupsOf(options, shown.vpcId).map((group) => ({
                value: group.id,
                label: `${group.id} · ${group.name}`,
              }))}
            />
          </div>
          <div className="hidden space-y-5 group-has-[#securityGroupMode-new:checked]/form:block">
            <TextField name="securityGroupName" label={t('securityGroupName.label')} />
            <TextField name="securityGroupDescription" label={t('securityGroupDescription.label')} optional />
            <InboundRulesEditor />
          </div>
          <FormRadioGroup
            name="publicIp"
            label={t('publicIp.legend')}
            options={PUBLIC_IP_OPTIONS.map((value) => ({ value, label: t(`publicIp.${value}`) }))}
          />
        </section>
      </div>
    </div>
  );
}
