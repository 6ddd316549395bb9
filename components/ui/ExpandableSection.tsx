'use client';

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { HydrateWhenNeeded } from './HydrateWhenNeeded';

/**
 * A collapsed optional section (a native <details>, so it opens without JavaScript too). It opens
 * by itself when `revealed` becomes true, e.g. when one of its fields has an error.
 *
 * While closed, its contents stay the server's HTML, not hydrated: they come to life as someone
 * heads for the section (focus or pointer on its summary, before it opens), when it is revealed,
 * or when `changed` says the form has changed what they show.
 */
export function ExpandableSection({
  id,
  title,
  optionalText,
  description,
  revealed = false,
  changed = false,
  children,
}: {
  id: string;
  title: string;
  optionalText: string;
  description: string;
  revealed?: boolean;
  changed?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [initiallyOpen] = useState(revealed);
  const [approached, setApproached] = useState(false);
  const approach = () => setApproached(true);
  // Opened before the page's JavaScript ran: its toggle went unheard.
  useLayoutEffect(() => {
    if (ref.current?.open) approach();
  }, []);
  useEffect(() => {
    if (revealed && ref.current) ref.current.open = true;
  }, [revealed]);

  return (
    <details
      ref={ref}
      id={id}
      open={initiallyOpen || undefined}
      onToggle={(event) => event.currentTarget.open && approach()}
      className="group/expandable rounded-2xl bg-white shadow-[0_1px_1px_rgba(0,28,36,0.3),1px_1px_1px_rgba(0,28,36,0.15)]"
    >
      <summary
        onFocus={approach}
        onPointerDown={approach}
        className="flex cursor-pointer list-none gap-2 rounded-2xl px-5 py-4 [&::-webkit-details-marker]:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="mt-1 h-4 w-4 shrink-0 transition-transform group-open/expandable:rotate-90"
        >
          <path d="M5 2l6 6-6 6z" fill="currentColor" />
        </svg>
        <span>
          <h2 className="text-lg leading-6 font-bold">
            {title} <span className="text-ink-muted font-normal italic">{optionalText}</span>
          </h2>
          <span className="text-ink-muted mt-1 block">{description}</span>
        </span>
      </summary>
      <HydrateWhenNeeded needed={approached || revealed || changed} className="space-y-5 px-5 pt-1 pb-5">
        {children}
      </HydrateWhenNeeded>
    </details>
  );
}
