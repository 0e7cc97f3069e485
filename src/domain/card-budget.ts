/**
 * How big a card may be. Teams refuses a message over about 40 KB (HTTP 413),
 * counted as UTF-16: two bytes per code unit of the JSON text. Cards aim for
 * 36 KB, leaving room for the activity around the card.
 */
export const CARD_BUDGET_BYTES = 36 * 1024;

/** Longest title shown in a list (the ref is there to look the rest up), and longest reason or detail. */
export const MAX_LISTED_TITLE = 200;
export const MAX_LISTED_REASON = 300;

/** The size Teams counts: UTF-16 code units of the JSON, two bytes each. */
export function utf16Bytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

/**
 * Text cut to at most `max` code points (whitespace runs made one space),
 * ending in "…" when cut. Never splits a surrogate pair, so an emoji at the
 * cut is dropped whole rather than left as half a character.
 */
export function clipText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  if (points.length <= max) return flat;
  return `${points
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * The most items, of `total`, that keep a card within budget: `fits(k)`
 * says whether the card showing the first k fits. Sizes grow with k, so a
 * binary search needs about log2(total) renders. 0 when not even one fits.
 */
export function fitCount(total: number, fits: (shown: number) => boolean): number {
  let low = 0;
  let high = total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The last line of a list that was cut: how many more, and what to type to see them. */
export function moreLine(hidden: number, command: string): string | null {
  return hidden > 0 ? `and ${hidden} more: type '${command}'` : null;
}
