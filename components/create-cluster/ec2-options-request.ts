import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Ec2Options } from '@/lib/cluster/options';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import type { MessageRef } from '@/lib/i18n/messages';

export const EC2_OPTIONS_PATH = '/clusters/create/ec2-options';

/** Every list failed with the same message: the server itself could not be asked. */
function unanswered(error: MessageRef): Ec2Options {
  const failed = { ok: false, error } as const;
  return {
    vpcs: failed,
    subnets: failed,
    securityGroups: failed,
    keyPairs: failed,
    instanceTypes: failed,
    instanceProfiles: failed,
    freeAutoScalingGroups: failed,
  };
}

/** Asks the server for the EC2 lists; never rejects, so the fields always show what happened. */
async function requestEc2Options(fresh: boolean): Promise<Ec2Options> {
  try {
    const answer = await fetch(fresh ? `${EC2_OPTIONS_PATH}?refresh=1` : EC2_OPTIONS_PATH);
    if (answer.ok) return (await answer.json()) as Ec2Options;
  } catch {
    // The server is unreachable: said below, as for an answer that is not the lists.
  }
  return unanswered({ key: 'ec2.listsUnanswered' });
}

/** The EC2 lists, asked for the first time "Amazon EC2 instances" is checked; undefined before. */
export function useEc2OptionsOnceChosen(fresh: boolean): Promise<Ec2Options> | undefined {
  const { control } = useFormContext<ClusterFormValues>();
  const chosen = useWatch({ control, name: 'ec2' });
  const [options, setOptions] = useState<Promise<Ec2Options>>();
  useEffect(() => {
    // Asking is a side effect, so it starts here and not in render; the promise is kept as state
    // so that the fields suspend on one request, however often they render.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one render more, once per page
    if (chosen && !options) setOptions(requestEc2Options(fresh));
  }, [chosen, options, fresh]);
  return options;
}
