/** A plain-text table for the terminal: a header, a rule, the rows; numbers aligned to the right. */
export const textTable = (
  header: readonly string[],
  rows: ReadonlyArray<readonly (string | number)[]>,
  options: { footer?: readonly (string | number)[] } = {},
): string => {
  const all = [...rows, ...(options.footer ? [options.footer] : [])];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...all.map((row) => String(row[column] ?? '').length)),
  );
  const line = (cells: readonly (string | number)[]) =>
    cells
      .map((cell, column) =>
        typeof cell === 'number'
          ? String(cell).padStart(widths[column]!)
          : String(cell).padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [
    line(header),
    rule,
    ...rows.map(line),
    ...(options.footer ? [rule, line(options.footer)] : []),
  ].join('\n');
};
