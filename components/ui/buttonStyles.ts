/** The console's pill buttons: primary (orange) for the page's one main action, normal otherwise. */
export const buttonClassName = {
  primary:
    'inline-flex items-center gap-2 rounded-full border-2 border-primary bg-primary px-5 py-1 font-bold text-ink hover:border-primary-hover hover:bg-primary-hover disabled:cursor-not-allowed disabled:opacity-60',
  normal:
    'inline-flex items-center gap-2 rounded-full border-2 border-link bg-white px-5 py-1 font-bold text-link hover:bg-info-bg hover:text-link-hover hover:no-underline disabled:cursor-not-allowed disabled:border-line disabled:text-ink-muted',
  link: 'inline-flex items-center rounded-full px-4 py-1 font-bold text-link hover:bg-info-bg hover:text-link-hover hover:no-underline',
} as const;
