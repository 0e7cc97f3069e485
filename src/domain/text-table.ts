/** A plain-text table for terminals: columns padded, long cells cut with an ellipsis. */
export function textTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidths: readonly number[] = [],
): string {
  const fit = (text: string, i: number) => {
    const max = maxWidths[i] ?? 60;
    const oneLine = text.replace(/\s+/g, ' ');
    return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
  };
  const cells = [headers, ...rows].map((r) => r.map(fit));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
