'use client';

import { useState } from 'react';
import { buttonClassName } from './buttonStyles';

/** Copies a text to the clipboard and says so, for screen readers too. Needs JavaScript, so it renders only with it. */
export function CopyButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className={buttonClassName.normal}
        onClick={async () => {
          await navigator.clipboard.writeText(text);
          setCopied(true);
        }}
      >
        {label}
      </button>
      <span role="status" className="text-ink-muted ml-2">
        {copied ? copiedLabel : ''}
      </span>
    </>
  );
}
