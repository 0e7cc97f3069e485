const WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'twenty-one',
  'twenty-two',
  'twenty-three',
  'twenty-four',
];

const COUNTS: ReadonlyMap<string, number> = new Map([
  ['a', 1],
  ['an', 1],
  ...WORDS.map((w, i): [string, number] => [w, i + 1]),
]);

/** Regex source matching a count as typed: digits, "a"/"an", or one … twenty-four (hyphen or space). */
export const COUNT_PATTERN = `\\d{1,3}|an?|${[...WORDS]
  .reverse()
  .map((w) => w.replace('-', '[- ]'))
  .join('|')}`;

/** The number for a count matched by COUNT_PATTERN, or null. */
export function parseCount(text: string): number | null {
  const t = text.toLowerCase().trim().replace(/\s+/g, '-');
  if (/^\d{1,3}$/.test(t)) return Number(t);
  return COUNTS.get(t) ?? null;
}
