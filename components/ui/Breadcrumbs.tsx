import Link from 'next/link';

/** "Clusters > Create cluster": every crumb but the last is a link. */
export function Breadcrumbs({ label, items }: { label: string; items: { text: string; href?: string }[] }) {
  return (
    <nav aria-label={label}>
      <ol className="text-ink-muted flex flex-wrap items-center gap-2">
        {items.map((item, index) => (
          <li key={item.text} className="flex items-center gap-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href ? <Link href={item.href}>{item.text}</Link> : <span aria-current="page">{item.text}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
