/** English month names, index 0 = January. Kept here so formatting never depends on the machine's ICU data. */
export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => {
    const lower = name.toLowerCase();
    const words: [string, number][] = [
      [lower, i + 1],
      [lower.slice(0, 3), i + 1],
    ];
    // People write "Sept" (and the en-GB locale prints it), so accept it alongside "Sep".
    if (lower === 'september') words.push(['sept', i + 1]);
    return words;
  }),
);

/** The month number (1–12) for an English month name or abbreviation, any case, or null. */
export function monthFromWord(word: string): number | null {
  return MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const WEEKDAY_WORDS: ReadonlyMap<string, number> = new Map(
  WEEKDAY_NAMES.flatMap((name, i): [string, number][] => {
    const lower = name.toLowerCase();
    const words: [string, number][] = [
      [lower, i + 1],
      [lower.slice(0, 3), i + 1],
    ];
    if (lower === 'tuesday') words.push(['tues', i + 1]);
    if (lower === 'wednesday') words.push(['weds', i + 1]);
    if (lower === 'thursday') words.push(['thur', i + 1], ['thurs', i + 1]);
    return words;
  }),
);

/** ISO weekday (1 = Monday … 7 = Sunday) for an English weekday name or abbreviation, or null. */
export function weekdayFromWord(word: string): number | null {
  return WEEKDAY_WORDS.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}
