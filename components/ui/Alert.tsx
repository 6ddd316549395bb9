import type { ReactNode, Ref } from 'react';

const TONES = {
  error: 'border-error bg-error-bg',
  success: 'border-success bg-success-bg',
  info: 'border-info bg-info-bg',
  warning: 'border-[#855900] bg-[#fffce9]',
} as const;

/** A console flash/alert box. Errors are announced at once; other tones politely. */
export function Alert({
  type,
  title,
  children,
  id,
  tabIndex,
  ref,
}: {
  type: keyof typeof TONES;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  tabIndex?: number;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      id={id}
      ref={ref}
      tabIndex={tabIndex}
      role={type === 'error' ? 'alert' : 'status'}
      className={`rounded-xl border-2 px-4 py-3 ${TONES[type]}`}
    >
      {title && <p className="font-bold">{title}</p>}
      {children && <div className={title ? 'mt-1' : undefined}>{children}</div>}
    </div>
  );
}
