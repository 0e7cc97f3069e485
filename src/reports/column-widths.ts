/**
 * Column widths for a table in Word, in characters' worth of space, padding included. Without them Word and
 * LibreOffice give every column the same width, so a one-word column ("Ref", "RAG") takes as much of the page
 * as the action's sentence, and the sentence wraps a few words a line. Each column first gets room for its
 * longest word (so no word is broken); the space left goes where it does the most good for the space it takes:
 * fewer lines in the table (so the report is short), then short texts kept whole, then fewer broken cells.
 */
const PADDING = 3;
/**
 * What the space is for, in order: a line of the table; a short text (a date, a name, a RAG) kept whole rather
 * than broken ("5 Oct / 2026"); any other cell on fewer lines.
 */
const LINE = 10_000;
const SHORT_BROKEN = 5_000;
const SHORT = 16;

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));

/** Lines a cell of `length` characters takes in a column `width` wide (padding included). */
const linesOf = (length: number, width: number) => Math.max(1, Math.ceil(length / Math.max(1, width - PADDING)));

/** Each row is as tall as its tallest cell; a cell of more than one line is a broken cell. */
function cost(lengths: readonly number[][], widths: readonly number[]): number {
  let total = 0;
  for (const row of lengths) {
    const lines = row.map((length, i) => linesOf(length, widths[i]));
    total += LINE * Math.max(...lines);
    lines.forEach((n, i) => n > 1 && (total += row[i] <= SHORT ? SHORT_BROKEN : 1));
  }
  return total;
}

/** The next width at which some cell of column `i` takes a line fewer, or null if every cell is on one line. */
function nextStep(lengths: readonly number[][], i: number, width: number): number | null {
  let next: number | null = null;
  for (const row of lengths) {
    const lines = linesOf(row[i], width);
    if (lines === 1) continue;
    const wider = PADDING + Math.ceil(row[i] / (lines - 1));
    if (next === null || wider < next) next = wider;
  }
  return next;
}

export function columnWidths(headers: string[], rows: string[][], available: number): number[] {
  const columns = headers.map((header, i) => [header, ...rows.map((row) => row[i] ?? '')]);
  const least = columns.map((texts) => PADDING + Math.max(3, ...texts.map(longestWord)));
  const totalLeast = least.reduce((a, b) => a + b, 0);
  // Not even every longest word fits: share the page by longest word, and the longest words will wrap.
  if (totalLeast >= available) return least.map((w) => (w * available) / totalLeast);

  const lengths = [headers, ...rows].map((row) => headers.map((_, i) => (row[i] ?? '').length));
  const widths = [...least];
  const wholeShort = headers.map(
    (_, i) => PADDING + Math.max(0, ...lengths.map((row) => row[i]).filter((n) => n <= SHORT)),
  );
  let spare = available - totalLeast;
  for (;;) {
    const now = cost(lengths, widths);
    let best: { i: number; width: number; gain: number } | null = null;
    for (let i = 0; i < widths.length; i++) {
      // The next width that saves a line somewhere, and the width that keeps every short text whole.
      for (const width of [nextStep(lengths, i, widths[i]), wholeShort[i]]) {
        if (width === null || width <= widths[i] || width - widths[i] > spare) continue;
        const tried = [...widths];
        tried[i] = width;
        const gain = (now - cost(lengths, tried)) / (width - widths[i]);
        if (gain > 0 && (best === null || gain > best.gain)) best = { i, width, gain };
      }
    }
    if (best === null) break;
    spare -= best.width - widths[best.i];
    widths[best.i] = best.width;
  }
  // What no column can use to save a line is shared out by how long each column's text is, to fill the page.
  const longest = columns.map((texts) => PADDING + Math.max(...texts.map((text) => text.length)));
  const totalLongest = longest.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => w + (spare * longest[i]) / totalLongest);
}
