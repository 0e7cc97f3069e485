import type { DateAnswer } from './command';
import { tokenize, type Token } from './command-text';
import { monthFromWord, weekdayFromWord } from './month-names';
import { parseCount } from './number-words';
import type { IsoDate } from './types';
import { tryLike } from './uk-date-result';
import { parseUkDate, readsAsDate } from './uk-date';

/** Words before a date that say a date must follow ("to", "until", "back to"). */
const DATE_FOLLOWS = new Set(['to', 'until', 'till', 'til', 'untill', 'back', 'out', 'forward']);
/** Words before a date that may also start a reason ("for", "by"). */
const MAYBE_DATE = new Set(['for', 'by', 'on', 'now', 'due', 'date', 'deadline']);
/** "new date", "revised due date": only before one of these. */
const NEW_DATE = new Set(['new', 'revised', 'updated']);
const REASON_WORDS = new Set(['because', 'since', 'as', 'cos', 'coz', 'cuz', 'bc', 'reason', 'reasons', 'why']);
const REASON_PAIRS = [
  ['due', 'to'],
  ['owing', 'to'],
  ['because', 'of'],
  ['delayed', 'by'],
];
/** Words that join a run of date words ("the end of next month"); the strong ones below count as well. */
const DATE_WORDS = new Set([
  'of',
  'the',
  'this',
  'next',
  'coming',
  'following',
  'last',
  'working',
  'business',
  'in',
  'a',
  'an',
  'few',
  'couple',
  'several',
  'time',
  'soon',
  'later',
  'st',
  'nd',
  'rd',
  'th',
  'w/c',
  'wc',
  'w/b',
  'commencing',
  'beginning',
]);
/** Words that make a run of date words a date attempt ("a bit" is not; "a few weeks" is). */
const STRONG_DATE_WORDS = new Set([
  'end',
  'today',
  'tomorrow',
  'yesterday',
  'week',
  'weeks',
  'weekend',
  'month',
  'months',
  'year',
  'years',
  'fortnight',
  'fortnights',
  'quarter',
  'day',
  'days',
  'asap',
  'tbc',
  'tbd',
]);
const MAX_DATE_WORDS = 8;
const DURATION =
  /^(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of) (?:more )?(?:working |business )?(?:days?|weeks?|fortnights?|months?|years?)$/i;

function reasonMarkerLength(tokens: readonly Token[], i: number): number {
  const pair = REASON_PAIRS.find(([a, b]) => tokens[i]?.word === a && tokens[i + 1]?.word === b);
  if (pair) return 2;
  return REASON_WORDS.has(tokens[i]?.word ?? '') ? 1 : 0;
}

function isStrongDateWord(word: string): boolean {
  return (
    /\d/.test(word) || STRONG_DATE_WORDS.has(word) || monthFromWord(word) !== null || weekdayFromWord(word) !== null
  );
}

function isDateWord(word: string): boolean {
  return isStrongDateWord(word) || DATE_WORDS.has(word) || parseCount(word) !== null;
}

/** A word that ends a phrase: pure punctuation, or a word typed with a trailing ":" "," or ";". */
function endsPhrase(token: Token): boolean {
  return token.word === '' || /[:;,]$/.test(token.raw);
}

/** How many words from `from` could be part of a date, stopping at punctuation. */
function dateRun(tokens: readonly Token[], from: number): number {
  let n = 0;
  while (
    n < MAX_DATE_WORDS &&
    tokens[from + n] &&
    isDateWord(tokens[from + n].word) &&
    reasonMarkerLength(tokens, from + n) === 0
  ) {
    n++;
    if (endsPhrase(tokens[from + n - 1])) break;
  }
  return tokens.slice(from, from + n).some((t) => isStrongDateWord(t.word)) ? n : 0;
}

function slice(text: string, tokens: readonly Token[], from: number, to: number): string {
  if (from >= to) return '';
  return text
    .slice(tokens[from].start, tokens[to - 1].end)
    .replace(/[\s:;,.\-–—]+$/, '')
    .trim();
}

function reasonFrom(text: string, tokens: readonly Token[], from: number): string | null {
  let i = from;
  while (tokens[i] && tokens[i].word === '') i++;
  i += reasonMarkerLength(tokens, i);
  if (i >= tokens.length) return null;
  const reason = text
    .slice(tokens[i].start)
    .replace(/^[\s:;,.\-–—]+/, '')
    .trim();
  return reason === '' ? null : reason;
}

function answer(dateText: string, today: IsoDate): DateAnswer {
  if (DURATION.test(dateText)) {
    return {
      text: dateText,
      error: `"${dateText}" says how long, not when: I need the new due date. ${tryLike(today)}`,
    };
  }
  const parsed = parseUkDate(dateText, today);
  return parsed.ok ? { text: dateText, date: parsed.date } : { text: dateText, error: parsed.error };
}

/**
 * Splits what follows "SG-4 delayed" / "move SG-4" into the new date and the
 * reason: "to 30/09/2026 because supplier problems", "until end of October:
 * supplier problems", "30 Sept", "because of staff sickness". A date that is
 * there but wrong comes back with the date parser's explanation.
 */
export function readDateAndReason(
  text: string,
  today: IsoDate,
  explain = true,
): { newDate: DateAnswer | null; reason: string | null } {
  const later = readLater(text);
  if (later) return later;
  const read = readLeading(text, today, explain);
  if (read.newDate && 'date' in read.newDate) return read;
  return readEmbedded(text, today) ?? read;
}

/** "another 2 weeks", "an extra week", "by a month", "need another week": time added to the current due date. */
const LATER =
  /^[\s:;,.\-–—]*(?:(?:we\s+)?(?:needs?|wants?|requires?|have|get|delayed|slipping|slip|moving|move)\s+)?(?:by\s+)?(?:(another|an extra|a further|an additional|extra|further|additional)\s+|by\s+|(?<=by\s+))(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*(?:more\s+)?(days?|weeks?|fortnights?|months?)\b/i;

function readLater(text: string): { newDate: DateAnswer; reason: string | null } | null {
  const m = LATER.exec(text.slice(0, 200));
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const count = m[2] === undefined ? 1 : (parseCount(m[2]) ?? 1);
  const unitWord = m[3].toLowerCase();
  const unit = unitWord.startsWith('month') ? 'month' : unitWord.startsWith('day') ? 'day' : 'week';
  const shown = m[0].replace(/^[\s:;,.\-–—]+/, '').trim();
  const rest = text.slice(m[0].length);
  const reasonTokens = tokenize(rest);
  return {
    newDate: { text: shown, later: { count: unitWord.startsWith('fortnight') ? count * 2 : count, unit } },
    reason: reasonFrom(rest, reasonTokens, 0),
  };
}

/** "laptops stuck at the supplier, new date w/c 11 Jan", "we need until 31.01.27 - notice periods": a date named mid-sentence. */
const EMBEDDED = /\b(?:new (?:due )?date|revised (?:due )?date|needs? (?:until|till)|until|till)\b[\s:]*/i;

function readEmbedded(text: string, today: IsoDate): { newDate: DateAnswer; reason: string | null } | null {
  const m = EMBEDDED.exec(text.slice(0, 1000));
  if (!m) return null;
  const after = readLeading(`to ${text.slice(m.index + m[0].length)}`, today, false);
  if (!after.newDate || !('date' in after.newDate)) return null;
  const before = text
    .slice(0, m.index)
    .replace(/^[\s:;,.\-–—]+|[\s:;,.\-–—]+$/g, '')
    .replace(/^(?:again|now|so)\b[\s:;,.\-–—]*/i, '')
    .replace(/\b(?:we|i)$/i, '')
    .trim();
  const reason = [before, after.reason ?? ''].filter((r) => r !== '').join('; ');
  return {
    newDate: after.newDate,
    reason: reason === '' ? null : reason.replace(/^(?:we need|because|due to)\s+/i, ''),
  };
}

/** `explain`: whether a date that is there but wrong gets the date parser's explanation (costly; only shown to people). */
function readLeading(
  text: string,
  today: IsoDate,
  explain: boolean,
): { newDate: DateAnswer | null; reason: string | null } {
  const tokens = tokenize(text);
  let i = 0;
  let dateExpected = false;
  const connects = (t: Token, next: Token | undefined): boolean =>
    DATE_FOLLOWS.has(t.word) ||
    MAYBE_DATE.has(t.word) ||
    t.word === '' ||
    (NEW_DATE.has(t.word) && MAYBE_DATE.has(next?.word ?? ''));
  while (tokens[i] && reasonMarkerLength(tokens, i) === 0 && connects(tokens[i], tokens[i + 1])) {
    dateExpected ||= DATE_FOLLOWS.has(tokens[i].word);
    i++;
  }
  if (i >= tokens.length) return { newDate: null, reason: null };
  if (reasonMarkerLength(tokens, i) > 0) return { newDate: null, reason: reasonFrom(text, tokens, i) };

  const run = dateRun(tokens, i);
  for (let k = run; k >= 1; k--) {
    const date = readsAsDate(slice(text, tokens, i, i + k), today);
    if (date)
      return { newDate: { text: slice(text, tokens, i, i + k), date }, reason: reasonFrom(text, tokens, i + k) };
  }
  if (run === 0 && !dateExpected) return { newDate: null, reason: reasonFrom(text, tokens, i) };

  let end = i;
  while (end < tokens.length && reasonMarkerLength(tokens, end) === 0 && tokens[end].word !== '') {
    end++;
    if (endsPhrase(tokens[end - 1])) break;
  }
  if (end === tokens.length && run > 0) end = i + run;
  const dateText = slice(text, tokens, i, end);
  const newDate = dateText === '' ? null : explain ? answer(dateText, today) : { text: dateText, error: '' };
  return { newDate, reason: reasonFrom(text, tokens, end) };
}
