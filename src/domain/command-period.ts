/**
 * How a period looks in a chat message, for the grammar to find where it is; what it means is read once, by
 * parsePeriod (src/domain/measure-periods.ts). Quarters are typed as councils count them, in the financial year:
 * "Q2", "quarter 2", "Q3 2026/27", "Q3 26/27", "2026/27 Q3"; "Q3 2026" is found too, so the answer can ask which
 * Q3 was meant; and by their months: "Oct-Dec 2026", "October to December 2026".
 */
const MONTH_WORD = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;

const QUARTER_NUMBER = String.raw`(?:q|quarter\s?)[1-4]`;
const FINANCIAL_YEAR = String.raw`(?:fy\s?)?(?:\d{4}|\d{2})\s?[/-]\s?(?:\d{4}|\d{2})`;

/** A quarter typed by its number, with a financial year, a single year or none, or by its first and last months. */
export const QUARTER_WORDS = [
  String.raw`${QUARTER_NUMBER}(?:[\s-]?(?:of\s+)?${FINANCIAL_YEAR}|[\s-]?\d{4})?`,
  String.raw`${FINANCIAL_YEAR}[\s-]?${QUARTER_NUMBER}`,
  String.raw`\d{4}[\s-]?q[1-4]`,
  String.raw`(?:${MONTH_WORD})\.?(?:[-–—]|\s+to\s+)(?:${MONTH_WORD})\.?(?:\s+\d{4})?`,
].join('|');
