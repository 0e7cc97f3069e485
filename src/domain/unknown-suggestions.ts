import { isBareNumber } from './command-counts';
import { looksLikeQuestion } from './command-help';
import { isOneTypoAway, tokenize } from './command-text';
import { bareRefKey, LEAD_WORDS } from './ref-match';
import { monthFromWord } from './month-names';

/**
 * What to suggest for a message that names an action but could not be read as a command ("SG-6 - training
 * sessions booked for January, should be on track now"): examples for THAT action which fit what the words
 * seem to say, best first. Nothing here changes anything; the chat turns each into an example to send.
 */
export type Suggestion =
  /** A value for the action's measure: only when a figure was typed and a measure can take it. */
  | { kind: 'value' }
  | { kind: 'show' }
  | { kind: 'history' }
  | { kind: 'status'; status: 'On track' | 'At risk' | 'Complete' }
  /** A new date, as typed after "to" or "by" ("March", "Friday"); `delayed`: the words said it would slip. */
  | { kind: 'newDate'; when: string; delayed: boolean }
  /** A note with the words typed, whole but for the ref, or null when there are none to reuse. */
  | { kind: 'note'; words: string | null };

export const MAX_SUGGESTIONS = 3;

/** A figure typed as a value could be ("81%", "17", "80 percent"), not in the ref or in a date ("31/12"). */
export function figureIn(text: string): { value: string; period: string | null } | null {
  const words = withoutRefs(text);
  const figure = /(?:^|[\s:(])(\d+(?:\.\d+)?)\s*(%|per\s?cent\b|percent\b)?(?![\d/.:])/i.exec(words);
  if (!figure) return null;
  return { value: `${figure[1]}${figure[2] ? '%' : ''}`, period: periodIn(words) };
}

/** "last month", "this month", "in November": the period a figure was for, as typed. */
function periodIn(words: string): string | null {
  const relative = /\b(?:last|this|previous)\s+(?:month|quarter)\b/i.exec(words);
  if (relative) return relative[0];
  const month = words
    .split(/[^A-Za-z]+/)
    .find((w, i, all) => monthFromWord(w.toLowerCase()) !== null && /^(?:for|in|during)$/i.test(all[i - 1] ?? ''));
  return month ?? null;
}

/** The message without the first reference in it (the action's), so "SG-4" is neither a figure nor part of a note. */
function withoutRefs(text: string): string {
  const ref = tokenize(text).find((t) => t.ref !== null);
  const out = ref ? `${text.slice(0, ref.start)} ${text.slice(ref.end)}` : text;
  return out.replace(/\s+/g, ' ').trim();
}

const SLIP =
  /\b(?:slip|slips|slipping|slipped|delay|delayed|later|late|behind|push(?:ed)? back|another (?:week|month))\b/i;
/** "to March", "by Friday", "until the new year": a date after the word that ties it. */
const WHEN = /\b(?:to|by|until|till|before)\s+((?:the\s+)?(?:end\s+of\s+|next\s+|this\s+)?[\w/]+(?:\s+\d{1,4})?)/gi;
const DATE_WORD =
  /^(?:(?:the\s+)?(?:end\s+of\s+|next\s+|this\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|\d{1,2}(?:st|nd|rd|th)?)|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)\b/i;

function newDate(words: string): { when: string; delayed: boolean } | null {
  for (const found of words.matchAll(WHEN)) {
    const when = found[1].trim();
    const month = monthFromWord(when.split(/\s+/)[0].toLowerCase()) !== null;
    if (!month && !DATE_WORD.test(when)) continue;
    // A whole month is no date: "end of March" is one.
    return { when: month && !/\d/.test(when) ? `end of ${when}` : when, delayed: SLIP.test(words) };
  }
  return null;
}

/** "back on track", "no longer running late", "won't be late", "caught up": on track, as far as the words go. */
const NOT_LATE =
  /\bno longer at risk\b|\bon track\b|\bback on\b|\bgreen\b|\bcaught up\b|\b(?:no longer|not|isn'?t|won'?t|will not)\s+(?:be\s+)?(?:running\s+)?(?:late|behind)\b/i;

function statuses(words: string, future: boolean): Suggestion[] {
  const found: Suggestion[] = [];
  if (NOT_LATE.test(words)) found.push(status('On track'));
  else if (/\bat risk\b|\bamber\b|\bworried\b|\bconcern/i.test(words)) found.push(status('At risk'));
  // "finished by Friday" is a plan, not news that it is done.
  if (!future && /\b(?:done|complete|completed|finished)\b/i.test(words)) found.push(status('Complete'));
  return found;
}

const status = (s: 'On track' | 'At risk' | 'Complete'): Suggestion => ({ kind: 'status', status: s });

/**
 * The words typed, whole, as a note would keep them: without the ref they start with ("SG-6 - training…", "for SG-1
 * we…", "Rec 4(ii) sencos trained", the ref said twice), and with "it" for the same ref inside the sentence ("I think
 * Lynne said it is done"), so the example never names the action twice. Other refs stay, so the note still reads.
 */
export function noteWords(text: string): string | null {
  const named = tokenize(text).find((t) => t.ref !== null)?.ref;
  if (!named) return /\p{L}{3}/u.test(text) ? text.trim() : null;
  const key = bareRefKey(named);
  let words = text.trim();
  for (let after = refAtStart(words, key); after !== null; after = refAtStart(words, key)) words = after;
  const tokens = tokenize(words);
  // A bare number inside the words stays as typed: "audit 5 done" is not "audit it done" (see command-counts.ts).
  const inside = tokens
    .map((t, i) => ({ t, from: i > 0 && LEAD_WORDS.has(tokens[i - 1].word) ? tokens[i - 1].start : t.start }))
    .filter(({ t }) => t.ref !== null && bareRefKey(t.ref) === key && !isBareNumber(t));
  for (const { t, from } of inside.reverse()) {
    const end = t.start + t.raw.indexOf(t.ref ?? '') + (t.ref ?? '').length;
    const possessive = /^'s/i.test(words.slice(end));
    words = `${words.slice(0, from)}${possessive ? 'its' : 'it'}${words.slice(possessive ? end + 2 : end)}`;
  }
  return /\p{L}{3}/u.test(words) ? words : null;
}

/** The words after the ref `key` when it starts them ("SG-6 - …", "for SG-1 …", "Rec 4(ii): …"), else null. */
function refAtStart(text: string, key: string): string | null {
  const lead = /^(?:(?:for|on|about|re|regarding)\s+)?/i.exec(text)?.[0] ?? '';
  const tokens = tokenize(text.slice(lead.length));
  const ref = tokens[LEAD_WORDS.has(tokens[0]?.word ?? '') && tokens[1]?.ref ? 1 : 0];
  if (ref === undefined || ref.ref === null || bareRefKey(ref.ref) !== key) return null;
  return text
    .slice(lead.length + ref.end)
    .replace(/^[\s:;,.\-–—=)]+/, '')
    .trim();
}

/** "LAC-5 no longer at risk?", "is SG-4 done": the message asks rather than tells. */
export const asks = (text: string): boolean => looksLikeQuestion(withoutRefs(text));

/** Words that, with the ref, make a command short enough to mistype ("shwo SG-4"); the grammar forgives none. */
const NEAR_WORDS: ReadonlyArray<readonly [word: string, kind: 'show' | 'history' | 'note']> = [
  ['show', 'show'],
  ['view', 'show'],
  ['history', 'history'],
  ['note', 'note'],
];

/**
 * A command word mistyped beside the ref ("shwo SG-4", "SG-4 hsitory", "ntoe SG-4 supplier rang"): the command it
 * is a typo of, so the reply offers that rather than a note keeping the typo. `typed`: the word as typed. Show and
 * history take nothing more; a note needs its words.
 */
export function nearCommand(text: string): { typed: string; suggestion: Suggestion } | null {
  const [first = '', ...rest] = withoutRefs(text).split(' ');
  const typed = first.toLowerCase();
  if (typed.length < 3 || !/^\p{L}+$/u.test(typed)) return null;
  const near = NEAR_WORDS.find(([word]) => word !== typed && isOneTypoAway(typed, word));
  if (!near) return null;
  const words = rest.join(' ').trim();
  if (near[1] === 'note') return words ? { typed: first, suggestion: { kind: 'note', words } } : null;
  return words ? null : { typed: first, suggestion: { kind: near[1] } };
}

/**
 * Best first: the command a mistyped command word meant; else the measure's value when a figure was typed that it
 * can take, the action itself for a question, then the statuses the words name, a new date for words about when,
 * and a note with the words typed.
 */
export function suggestionsFor(text: string, figureFits: boolean): Suggestion[] {
  const near = nearCommand(text)?.suggestion;
  if (near) return [near, near.kind === 'show' ? { kind: 'history' } : { kind: 'show' }];
  const words = withoutRefs(text);
  const question = asks(text);
  const when = newDate(words);
  const found: Suggestion[] = [
    ...(figureFits ? [{ kind: 'value' } as const] : []),
    ...(question ? [{ kind: 'show' } as const] : []),
    ...statuses(words, when !== null),
    ...(when ? [{ kind: 'newDate', ...when } as const] : []),
    ...(question ? [] : [{ kind: 'note', words: noteWords(text) } as const]),
  ];
  // Always at least two to choose from: the action itself is one.
  const padded = found.length < 2 && !question ? [...found, { kind: 'show' } as const] : found;
  return padded.slice(0, MAX_SUGGESTIONS);
}

const WORD_STEM = 5;
const stems = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, WORD_STEM)),
  );

/**
 * Of the measures that could take a figure, the one whose indicator shares most words with the message ("we audited
 * 19 referrals" and "Number of referrals audited each month"); the first on a tie. Only for an example: a value is
 * never recorded on this guess.
 */
export function likeliestMeasure<M extends { indicator: string }>(text: string, measures: readonly M[]): M | null {
  const typed = stems(text);
  const score = (m: M) => [...stems(m.indicator)].filter((w) => typed.has(w)).length;
  return measures.reduce<M | null>((best, m) => (best === null || score(m) > score(best) ? m : best), null);
}

/**
 * What to type to give a figure to an action's measure: "SG-8 measure is 17" ("measure 17" would read as measure
 * number 17), "SG-7 measure no", or with the measure's number when the action has several ("SG-1 measure 2 19").
 */
export function valueCommand(
  ref: string,
  typed: { value: string; period: string | null },
  measure: number | null,
): string {
  const period = typed.period ? ` for ${typed.period}` : '';
  if (measure !== null) return `${ref} measure ${measure} ${typed.value}${period}`;
  return `${ref} measure ${/^(?:yes|no)$/i.test(typed.value) ? '' : 'is '}${typed.value}${period}`;
}
