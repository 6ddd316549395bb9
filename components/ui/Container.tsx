import type { ReactNode } from 'react';

/** A bordered section with a header, like the console's containers. */
export function Container({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-2xl bg-white shadow-[0_1px_1px_rgba(0,28,36,0.3),1px_1px_1px_rgba(0,28,36,0.15)]"
    >
      <header className="flex items-start justify-between gap-4 px-5 pt-4 pb-2">
        <div>
          <h2 id={`${id}-heading`} className="text-lg leading-6 font-bold">
            {title}
          </h2>
          {description && <p className="text-ink-muted mt-1">{description}</p>}
        </div>
        {actions}
      </header>
      <div className="px-5 pt-2 pb-5">{children}</div>
    </section>
  );
}
