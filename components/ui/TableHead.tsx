/** A table's column headings, in the console's style. */
export function TableHead({ headings, cellClassName = 'px-5 py-3' }: { headings: string[]; cellClassName?: string }) {
  return (
    <thead className="border-line-soft border-b">
      <tr>
        {headings.map((heading) => (
          <th key={heading} scope="col" className={`${cellClassName} font-bold`}>
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}
