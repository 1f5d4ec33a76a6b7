/** Text as one table cell: on one line, its pipes escaped. */
const cell = (text: string): string => text.replaceAll('\n', ' ').replaceAll('|', '\\|');

/**
 * The lines of a Markdown table with its columns padded the way Prettier pads them, so a generated
 * file is already formatted and `prettier --check` covers it. Widths are UTF-16 lengths: right for
 * the text of the catalogue (no wide characters); were one to appear, `prettier --check` would say so.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const head = header.map(cell);
  const body = rows.map((row) => row.map(cell));
  const widths = head.map((title, column) =>
    Math.max(3, title.length, ...body.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]): string =>
    `| ${widths.map((width, column) => (row[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)];
}
