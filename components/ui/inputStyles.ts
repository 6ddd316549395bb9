/** Text inputs, selects and text areas share the console's look, red when invalid. */
export const inputClassName =
  'block w-full rounded-lg border-2 border-line bg-white px-3 py-1 text-ink placeholder:text-ink-muted placeholder:italic aria-invalid:border-error aria-invalid:border-l-4';
