/** A setting or status as people read it, with the value AWS uses beside it, as the console shows both. */
export function AwsValue({ label, value }: { label?: string; value: string }) {
  if (!label) return <code className="font-mono text-xs">{value}</code>;
  return (
    <span>
      {label} <code className="text-ink-muted font-mono text-xs">{value}</code>
    </span>
  );
}
