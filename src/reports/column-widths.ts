/**
 * Column widths for a table in Word, in characters' worth of space, padding included. Without them Word and
 * LibreOffice give every column the same width, so a one-word column ("Ref", "RAG") takes as much of the page
 * as the action's sentence, and the sentence wraps a few words a line. The space goes, in order:
 *
 * 1. to each column's floor: its longest word (a date such as "16 Feb 2027" is one word, and a link breaks at
 *    its slashes and hyphens, so a long link never takes the page from the words beside it), and for a column of
 *    sentences room for a few words a line;
 * 2. to short texts (a date, a name, a status, a phrase such as "No figures yet") kept whole, most kept per
 *    character first;
 * 3. where it saves the most lines in the table, so the report is short;
 * 4. what is left, shared by how long each column's text is.
 */
const PADDING = 3;
/** A text this long or shorter is kept whole on one line when the page allows. */
export const SHORT = 24;
/** A column of longer texts is at least this wide, so its words are never one or two a line. */
const PROSE = 16;
const LINE = 10_000;

/** "16 Feb 2027": kept together, as the Word report writes it with non-breaking spaces. */
export const DATE = /\b(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\b/g;
/** A link may break after these, as Word and LibreOffice break it. */
const LINK_BREAK = /(?<=[/\-._?&=#])/;

/** The pieces of a text no line break can fall inside. */
export function unbreakable(text: string): string[] {
  return text
    .replace(DATE, '$1\u00a0$2\u00a0$3')
    .split(/[ \t\n]+/)
    .flatMap((word) => (/^https?:\/\//i.test(word) ? word.split(LINK_BREAK) : [word]))
    .filter((piece) => piece !== '');
}

const longestPiece = (text: string) => Math.max(0, ...unbreakable(text).map((piece) => piece.length));

/** Lines a cell of `length` characters takes in a column `width` wide (padding included). */
const linesOf = (length: number, width: number) => Math.max(1, Math.ceil(length / Math.max(1, width - PADDING)));

/** Each column's floor: its longest unbreakable piece, and for a column of sentences, room for a few words. */
function floors(columns: readonly string[][]): number[] {
  return columns.map((texts) => {
    const prose = texts.some((text) => text.length > SHORT) ? PROSE : 0;
    return PADDING + Math.max(3, prose, ...texts.map(longestPiece));
  });
}

/** Each column's width with every short text in it whole (never less than its floor). */
function wholes(columns: readonly string[][], least: readonly number[]): number[] {
  return columns.map((texts, i) =>
    Math.max(least[i], PADDING + Math.max(0, ...texts.map((t) => t.length).filter((n) => n <= SHORT))),
  );
}

const columnsOf = (headers: readonly string[], rows: readonly string[][]) =>
  headers.map((header, i) => [header, ...rows.map((row) => row[i] ?? '')]);

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

/** The room a table needs for every short text to be whole: more than the page means a smaller type. */
export function roomForWhole(headers: readonly string[], rows: readonly string[][]): number {
  const columns = columnsOf(headers, rows);
  return sum(wholes(columns, floors(columns)));
}

/** The width, above `width`, at which column `lengths` keeps the most short texts whole per character. */
function bestWhole(lengths: readonly number[], width: number, spare: number): { width: number; gain: number } | null {
  let best: { width: number; gain: number } | null = null;
  for (const length of new Set(lengths)) {
    const wider = PADDING + length;
    if (length > SHORT || wider <= width || wider - width > spare) continue;
    const kept = lengths.filter((n) => n <= length && linesOf(n, width) > 1).length;
    const gain = kept / (wider - width);
    if (kept > 0 && (best === null || gain > best.gain)) best = { width: wider, gain };
  }
  return best;
}

/** Each row is as tall as its tallest cell; a long cell broken onto more lines costs a little too. */
function cost(lengths: readonly number[][], widths: readonly number[]): number {
  let total = 0;
  for (const row of lengths) {
    const lines = row.map((length, i) => linesOf(length, widths[i]));
    total += LINE * Math.max(...lines) + sum(lines);
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
  const columns = columnsOf(headers, rows);
  const least = floors(columns);
  const totalLeast = sum(least);
  // Not even the floors fit: share the page by them, and the longest words will wrap.
  if (totalLeast >= available) return least.map((w) => (w * available) / totalLeast);

  const widths = [...least];
  let spare = available - totalLeast;
  const widen = (i: number, width: number) => {
    spare -= width - widths[i];
    widths[i] = width;
  };
  // Short texts whole, the column that keeps the most per character first.
  const columnLengths = columns.map((texts) => texts.map((t) => t.length));
  for (;;) {
    let best: { i: number; width: number; gain: number } | null = null;
    for (let i = 0; i < widths.length; i++) {
      const tried = bestWhole(columnLengths[i], widths[i], spare);
      if (tried && (best === null || tried.gain > best.gain)) best = { i, ...tried };
    }
    if (best === null) break;
    widen(best.i, best.width);
  }
  // Then lines saved, where a character saves the most.
  const lengths = [headers, ...rows].map((row) => headers.map((_, i) => (row[i] ?? '').length));
  for (;;) {
    const now = cost(lengths, widths);
    let best: { i: number; width: number; gain: number } | null = null;
    for (let i = 0; i < widths.length; i++) {
      const width = nextStep(lengths, i, widths[i]);
      if (width === null || width - widths[i] > spare) continue;
      const tried = [...widths];
      tried[i] = width;
      const gain = (now - cost(lengths, tried)) / (width - widths[i]);
      if (gain > 0 && (best === null || gain > best.gain)) best = { i, width, gain };
    }
    if (best === null) break;
    widen(best.i, best.width);
  }
  // What no column can use to save a line is shared out by how long each column's text is, to fill the page.
  const longest = columns.map((texts) => PADDING + Math.max(...texts.map((text) => text.length)));
  const totalLongest = sum(longest);
  return widths.map((w, i) => w + (spare * longest[i]) / totalLongest);
}
