import type { Translate } from '@/lib/i18n/messages';
import { AwsValue } from './AwsValue';

const KNOWN = ['ACTIVE', 'PROVISIONING', 'DEPROVISIONING', 'FAILED', 'INACTIVE'] as const;

/** A cluster's status with a coloured mark, in the person's language and as ECS names it. */
export function ClusterStatus({ status, t }: { status: string | undefined; t: Translate }) {
  const colour =
    status === 'ACTIVE'
      ? 'bg-success'
      : status === 'FAILED'
        ? 'bg-error'
        : status === 'INACTIVE'
          ? 'bg-line'
          : 'bg-info';
  const known = KNOWN.find((value) => value === status);
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${colour}`} />
      {status ? <AwsValue label={known && t(`awsValue.clusterStatus.${known}`)} value={status} /> : '—'}
    </span>
  );
}
