'use client';

import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * Keeps the server's HTML of `children` as it is, without hydrating it, until `needed` first
 * becomes true; from then on they are rendered by React and stay so.
 *
 * React hydrates a whole tree at once unless Suspense boundaries split it, and React's server
 * renderer moves a boundary out of line (revealed by a script) once the page has grown past a few
 * kilobytes, which would hide its contents from a browser without JavaScript. An element whose
 * inner HTML React is told to leave alone keeps the server's markup: forms post it, browsers without
 * JavaScript show it, and no component of it runs until it is needed.
 */
export function HydrateWhenNeeded({
  needed,
  className,
  children,
}: {
  needed: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [wasNeeded, setWasNeeded] = useState(needed);
  if (needed && !wasNeeded) setWasNeeded(true);
  const serverHtml = useRef<HTMLDivElement>(null);
  // Rendered in the browser rather than hydrated (a navigation within the app, or React starting
  // over after a hydration error): there is no server HTML to keep, so render the children.
  useLayoutEffect(() => {
    if (serverHtml.current && !serverHtml.current.hasChildNodes()) setWasNeeded(true);
  }, []);

  if (wasNeeded || typeof window === 'undefined') {
    return (
      <div key="rendered" className={className}>
        {children}
      </div>
    );
  }
  return (
    <div
      key="server-html"
      ref={serverHtml}
      className={className}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: '' }}
    />
  );
}
