'use client';

import type { ReactNode } from 'react';
import { type ControlProps, FormField } from '@/components/ui/FormField';
import { fieldId, useFieldError } from './field-errors';

/**
 * The column headings of a list of rows (tags, inbound rules): shown on wide screens, where the
 * rows line up under them. Each control keeps its own label ("Key of tag 2"), which narrow screens
 * show instead, as the rows stack there.
 */
export function RowHeadings({ headings, columns }: { headings: string[]; columns: string }) {
  return (
    <div aria-hidden="true" className={`hidden gap-3 font-bold sm:grid ${columns}`}>
      {headings.map((heading) => (
        <span key={heading}>{heading}</span>
      ))}
      <span />
    </div>
  );
}

/** One cell of a row: a control in the one field anatomy, labelled for its row. */
export function RowCell({
  path,
  label,
  children,
}: {
  path: string;
  label: string;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <FormField id={fieldId(path)} label={label} labelHidden="wide" error={useFieldError(path)}>
      {children}
    </FormField>
  );
}
