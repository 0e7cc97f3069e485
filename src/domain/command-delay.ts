import type { DateAnswer } from './command';
import { tokenize, type Token } from './command-text';
import { monthFromWord, weekdayFromWord } from './month-names';
import { parseCount } from './number-words';
import type { IsoDate } from './types';
import { TRY } from './uk-date-result';
import { parseUkDate } from './uk-date';

/** Words before a date that say a date must follow ("to", "until", "back to"). */
const DATE_FOLLOWS = new Set(['to', 'until', 'till', 'til', 'untill', 'back', 'out', 'forward']);
/** Words before a date that may also start a reason ("for", "by"). */
const MAYBE_DATE = new Set(['for', 'by', 'on', 'now', 'due', 'date', 'deadline']);
/** "new date", "revised due date": only before one of these. */
const NEW_DATE = new Set(['new', 'revised', 'updated']);
const REASON_WORDS = new Set(['because', 'since', 'as', 'cos', 'coz', 'cuz', 'bc', 'reason', 'reasons', 'why']);
const REASON_PAIRS = [['due', 'to'], ['owing', 'to'], ['because', 'of']];
const DATE_WORDS = new Set([
  'end', 'of', 'the', 'this', 'next', 'coming', 'following', 'last', 'week', 'weeks', 'weekend', 'month',
  'months', 'year', 'years', 'quarter', 'fortnight', 'fortnights', 'day', 'days', 'working', 'business',
  'today', 'tomorrow', 'yesterday', 'in', 'a', 'an', 'few', 'couple', 'several', 'time', 'soon', 'asap',
  'tbc', 'tbd', 'later', 'st', 'nd', 'rd', 'th',
]);
/** Words that make a run of date words a date attempt ("a bit" is not; "a few weeks" is). */
const STRONG_DATE_WORDS = new Set([
  'end', 'today', 'tomorrow', 'yesterday', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years',
  'fortnight', 'fortnights', 'quarter', 'day', 'days', 'asap', 'tbc', 'tbd',
]);
const MAX_DATE_WORDS = 8;
const DURATION = /^(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of) (?:more )?(?:working |business )?(?:days?|weeks?|fortnights?|months?|years?)$/i;

function reasonMarkerLength(tokens: readonly Token[], i: number): number {
  const pair = REASON_PAIRS.find(([a, b]) => tokens[i]?.word === a && tokens[i + 1]?.word === b);
  if (pair) return 2;
  return REASON_WORDS.has(tokens[i]?.word ?? '') ? 1 : 0;
}

function isStrongDateWord(word: string): boolean {
  return /\d/.test(word) || STRONG_DATE_WORDS.has(word) || monthFromWord(word) !== null || weekdayFromWord(word) !== null;
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
  while (n < MAX_DATE_WORDS && tokens[from + n] && isDateWord(tokens[from + n].word) && reasonMarkerLength(tokens, from + n) === 0) {
    n++;
    if (endsPhrase(tokens[from + n - 1])) break;
  }
  return tokens.slice(from, from + n).some((t) => isStrongDateWord(t.word)) ? n : 0;
}

function slice(text: string, tokens: readonly Token[], from: number, to: number): string {
  if (from >= to) return '';
  return text.slice(tokens[from].start, tokens[to - 1].end).replace(/[\s:;,.\-–—]+$/, '').trim();
}

function reasonFrom(text: string, tokens: readonly Token[], from: number): string | null {
  let i = from;
  while (tokens[i] && tokens[i].word === '') i++;
  i += reasonMarkerLength(tokens, i);
  if (i >= tokens.length) return null;
  const reason = text.slice(tokens[i].start).replace(/^[\s:;,.\-–—]+/, '').trim();
  return reason === '' ? null : reason;
}

function answer(dateText: string, today: IsoDate): DateAnswer {
  if (DURATION.test(dateText)) {
    return { text: dateText, error: `"${dateText}" says how long, not when: I need the new due date. ${TRY}` };
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
export function readDateAndReason(text: string, today: IsoDate): { newDate: DateAnswer | null; reason: string | null } {
  const tokens = tokenize(text);
  let i = 0;
  let dateExpected = false;
  const connects = (t: Token, next: Token | undefined): boolean =>
    DATE_FOLLOWS.has(t.word) || MAYBE_DATE.has(t.word) || t.word === '' || (NEW_DATE.has(t.word) && MAYBE_DATE.has(next?.word ?? ''));
  while (tokens[i] && reasonMarkerLength(tokens, i) === 0 && connects(tokens[i], tokens[i + 1])) {
    dateExpected ||= DATE_FOLLOWS.has(tokens[i].word);
    i++;
  }
  if (i >= tokens.length) return { newDate: null, reason: null };
  if (reasonMarkerLength(tokens, i) > 0) return { newDate: null, reason: reasonFrom(text, tokens, i) };

  const run = dateRun(tokens, i);
  for (let k = run; k >= 1; k--) {
    const parsed = parseUkDate(slice(text, tokens, i, i + k), today);
    if (parsed.ok) return { newDate: { text: slice(text, tokens, i, i + k), date: parsed.date }, reason: reasonFrom(text, tokens, i + k) };
  }
  if (run === 0 && !dateExpected) return { newDate: null, reason: reasonFrom(text, tokens, i) };

  let end = i;
  while (end < tokens.length && reasonMarkerLength(tokens, end) === 0 && tokens[end].word !== '') {
    end++;
    if (endsPhrase(tokens[end - 1])) break;
  }
  if (end === tokens.length && run > 0) end = i + run;
  const dateText = slice(text, tokens, i, end);
  return { newDate: dateText === '' ? null : answer(dateText, today), reason: reasonFrom(text, tokens, end) };
}
