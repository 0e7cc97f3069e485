/**
 * Column widths for a table in Word, in characters' worth of space, padding included. Without them Word and LibreOffice give
 * every column the same width, so a one-word column ("Ref", "RAG") takes as much of the page as the
 * action's sentence and the sentence wraps a few words a line. Each column gets room for its longest word
 * (so no word is broken), and the space left is shared by how much more each column's text would like.
 */
const LONGEST_WANTED = 60;
/** A cell's padding and the width of its bold or capital letters, in characters. */
const PADDING = 3;

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));

export function columnWidths(headers: string[], rows: string[][], available: number): number[] {
  const columns = headers.map((header, i) => [header, ...rows.map((row) => row[i] ?? '')]);
  const least = columns.map((texts) => PADDING + Math.max(3, ...texts.map(longestWord)));
  const wanted = columns.map((texts, i) =>
    Math.max(least[i], PADDING + Math.min(LONGEST_WANTED, Math.max(...texts.map((text) => text.length)))),
  );
  const totalLeast = least.reduce((a, b) => a + b, 0);
  const totalWanted = wanted.reduce((a, b) => a + b, 0);
  // Room for everything: grow each column in proportion to what it wants.
  if (totalWanted <= available) return wanted.map((w) => (w * available) / totalWanted);
  // Not even every longest word fits: share the page by longest word, and the longest words will wrap.
  if (totalLeast >= available) return least.map((w) => (w * available) / totalLeast);
  const spare = available - totalLeast;
  return least.map((w, i) => w + (spare * (wanted[i] - w)) / (totalWanted - totalLeast));
}
