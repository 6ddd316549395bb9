/** A cluster's status with a coloured mark, as the console shows it. */
export function ClusterStatus({ status }: { status: string | undefined }) {
  const colour =
    status === 'ACTIVE'
      ? 'bg-success'
      : status === 'FAILED'
        ? 'bg-error'
        : status === 'INACTIVE'
          ? 'bg-line'
          : 'bg-info';
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${colour}`} />
      {status ?? '—'}
    </span>
  );
}
