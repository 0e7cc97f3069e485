import { addYears, isoFromParts, partsOf } from '../calendar';
import { cleanCommandText, MAX_COMMAND_LENGTH } from '../command-text';
import { MAX_REF_LENGTH, validateRef } from '../ref';
import { IsoDate } from '../types';
import { parseUkDate } from '../uk-date';
import { nextMonth, nextWeek, thisMonth, thisWeek, weekCommencing } from './periods';
import { DateSpan, LookBack, Question, RagColour } from './question';

/**
 * Recognises the questions chairs ask ("what has slipped this month?", "who owns 3(a)?") in text
 * the command grammar did not understand. Plain keyword rules, each a regular expression with no
 * nested repetition, run over at most MAX_COMMAND_LENGTH characters: linear in the message.
 * A question never changes anything, so a message that names an action and a status is not one.
 */
export function recogniseQuestion(raw: string, today: IsoDate): Question | null {
  const t = normalise(raw);
  if (t === '') return null;
  const words = t.split(' ');
  const names = namesAnAction(words, false);
  if (!names) {
    if (DECISIONS.some((re) => re.test(t))) return { kind: 'decisions' };
    if (AWAITING.some((re) => re.test(t))) return { kind: 'awaitingSignOff' };
    if (OFF_TARGET.some((re) => re.test(t))) return { kind: 'offTargetMeasures' };
  }
  const owner = WHO_OWNS.map((re) => re.exec(t)).find((m) => m !== null);
  if (owner) {
    const ref = refAfter(t.slice((owner.index ?? 0) + owner[0].length));
    return ref ? { kind: 'whoOwns', ref: asTyped(ref, raw) } : null;
  }
  if (!namesAnAction(words, true)) {
    const due = dueQuestion(t, today);
    if (due) return due;
  }
  if (names) return null;
  if (SLIPPED.some((re) => re.test(t))) return { kind: 'slipped', period: lookBack(t) };
  if (CHANGED.some((re) => re.test(t))) return { kind: 'changed', period: lookBack(t) };
  if (SUMMARY.some((re) => re.test(t))) return { kind: 'summary' };
  if (MY_PLANS.some((re) => re.test(t))) return { kind: 'myPlans' };
  return ragQuestion(t);
}

/** Lower case, apostrophes gone ("what's" → "whats"), only letters, digits and / . ( ) - kept. */
function normalise(raw: string): string {
  return cleanCommandText(raw)
    .slice(0, MAX_COMMAND_LENGTH)
    .toLowerCase()
    .replace(/['`]/g, '')
    .replace(/[^\p{L}\p{N}/.()\- ]/gu, ' ')
    .replace(/ [-.] /g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const UNIT = /^(days?|weeks?|months?|working|hours?|mins?)$/;
const YEAR = /^(19|20)\d\d\.?$/;
const MONTH_WORD = new RegExp(`^(${MONTHS})$`);
const DATE_LIKE = /^\d{1,2}[./]\d{1,2}([./]\d{2,4})?\.?$/;

/**
 * Whether the text names an action ("3 is slipping", "SG-4 awaiting sign off"), which makes it about
 * that action, not the plan. `lenient` lets bare numbers pass, since dates are full of them ("14 Jan").
 */
function namesAnAction(words: readonly string[], lenient: boolean): boolean {
  return words.some((w, i) => {
    if (!/\d/.test(w) || YEAR.test(w) || DATE_LIKE.test(w) || w.includes('/') || /^\d+(st|nd|rd|th)$/.test(w))
      return false;
    if (/^\d+$/.test(w)) return !lenient && !UNIT.test(words[i + 1] ?? '') && !MONTH_WORD.test(words[i + 1] ?? '');
    return true;
  });
}

const DECISIONS = [
  /\bfor me to (approve|decide|agree|sign)/,
  /\bdate (change )?requests?\b/,
  /\b(need|needs|have|got) to decide\b/,
  /\b(needing|needs|need|awaiting|for) my (approval|decision)/,
  /\b(pending|outstanding) (decisions|approvals)\b/,
  /^decisions$/,
];

const AWAITING = [
  /\b(awaiting|waiting|ready) (for |to be )?(sign|signing|signed)[ -]?off\b/,
  /\bneeds? (a )?(sign|signing)[ -]?off\b/,
  /\b(can|could|should|do|must) i (need to )?sign[ -]?off\b/,
  /\bi (need|have) to sign[ -]?off\b/,
  /\bnot (yet )?(been )?signed[ -]?off\b/,
  /\blimbo\b/,
];

const MEASURES = '(measures?|kpis?|indicators?)';
const MISSING =
  '(off[ -]?(target|track)|behind|not on target|not (meeting|hitting|making) (the |their |its )?targets?|(below|under|short of|missing) (the |their |its )?targets?)';

const OFF_TARGET = [
  new RegExp(`\\b${MEASURES} (that are |which are |are |is |currently |still )*${MISSING}`),
  new RegExp(`\\b(off[ -]?target|failing) ${MEASURES}\\b`),
];

const WHO_OWNS = [
  /\bwho(s| is)? (owns|has|got|responsible for|the lead for|the lead on|the owner of|leading|leads|in charge of)\b/,
  /\bwhose is\b/,
  /\bowner (of|for)\b/,
  /\bwho (do|should|can) i (chase|ask|contact|speak to|talk to)( about| for| on)?\b/,
];

const LEADING = new Set(['action', 'item', 'ref', 'reference', 'the', 'for', 'about', 'on', 'number', 'no', 'no.']);

/** "3(a)", "action 2.1(ii)", "rec 4b now": the reference after "who owns", as typed. */
function refAfter(rest: string): string | null {
  const words = rest.split(' ').filter((w) => w !== '');
  let i = 0;
  while (i < words.length && LEADING.has(words[i])) i++;
  const first = words[i]?.replace(/\.+$/, '');
  if (!first) return null;
  const next = words[i + 1]?.replace(/\.+$/, '');
  // A word written apart from its number: "rec 4b", "sg 4", "recommendation 4b" (the ref rule reads these).
  const ref =
    !/\d/.test(first) && /^\p{L}{1,20}$/u.test(first) && next && /^\d/.test(next) ? `${first} ${next}` : first;
  if (!/\d/.test(ref) || ref.length > MAX_REF_LENGTH) return null;
  return validateRef(ref) === null ? ref : null;
}

/** The ref with the capitals it was typed with ("O-1", not "o-1"), where the text shows it plainly. */
function asTyped(ref: string, raw: string): string {
  const cleaned = cleanCommandText(raw).slice(0, MAX_COMMAND_LENGTH);
  const lower = cleaned.toLowerCase();
  const at = lower.length === cleaned.length ? lower.indexOf(ref) : -1;
  return at >= 0 ? cleaned.slice(at, at + ref.length) : ref;
}

function dueQuestion(t: string, today: IsoDate): Question | null {
  const mine = /\b(i|me|my|mine|ive)\b/.test(t);
  const before = /\b(due|done|finished|completed|deadlines?) (before|by|between now and)\b/.exec(t);
  if (before) {
    const rest = t.slice((before.index ?? 0) + before[0].length);
    if (/\bend of (the |this )?month\b/.test(rest)) return { kind: 'dueIn', span: thisMonth(today), mine };
    const date = /\b(christmas|xmas)\b/.test(rest) ? christmas(today) : dateIn(rest, today);
    const inclusive = before[2] === 'by';
    return { kind: 'dueBefore', date, inclusive, mine };
  }
  if (!/\b(due|deadlines?|coming up|expected|to be done)\b/.test(t)) return wholePeriod(t, today);
  const span = spanIn(t, today);
  return span ? { kind: 'dueIn', span, mine } : null;
}

const PERIOD_ALONE =
  /^(next week|this week|next month|this month|(w\/c|wc|week commencing|week starting|week beginning) (.+))$/;

/**
 * A message that is a period and nothing else ("next week", "this month", "w/c 7 Dec") asks what is due in it, as
 * the README lists them; a period inside other words is no such question, and a reason or a date the bot waits for
 * stays one, since these do not plainly ask (command-grammar.ts).
 */
function wholePeriod(t: string, today: IsoDate): Question | null {
  const alone = PERIOD_ALONE.exec(t.replace(/\.$/, ''));
  if (!alone || (alone[3] !== undefined && !parseUkDate(alone[3], today).ok)) return null;
  const span = spanIn(alone[0], today);
  return span ? { kind: 'dueIn', span, mine: false } : null;
}

function spanIn(t: string, today: IsoDate): DateSpan | null {
  const wc = /\b(w\/c|wc|week commencing|week starting|week beginning) /.exec(t);
  if (wc) {
    const date = dateIn(t.slice((wc.index ?? 0) + wc[0].length), today);
    return date ? weekCommencing(date) : null;
  }
  if (/\bnext week\b/.test(t)) return nextWeek(today);
  if (/\bthis week\b/.test(t)) return thisWeek(today);
  if (/\bnext month\b/.test(t)) return nextMonth(today);
  if (/\b(this|the) month\b/.test(t)) return thisMonth(today);
  return null;
}

function christmas(today: IsoDate): IsoDate {
  const day = isoFromParts(partsOf(today).year, 12, 25) as IsoDate;
  return day >= today ? day : addYears(day, 1);
}

/** A stretch that could be a date: a day and month in figures, or a word naming a month, a weekday or a relative day. */
const DATE_HINT = new RegExp(
  `\\d[./]\\d|\\b(${MONTHS}|end|next|today|tomorrow|weeks?|days?|monday|tuesday|wednesday|thursday|friday|mon|tue|tues|wed|thu|thur|thurs|fri)\\b`,
);

const FIGURES = /\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?/g;

/**
 * The first one-to-three-word stretch of the first dozen words that reads as a UK date: "the board on 14 Jan" → 14 Jan.
 * Only stretches with a hint of a date are read, so a run of numbers costs next to nothing.
 */
function dateIn(rest: string, today: IsoDate): IsoDate | null {
  const words = rest
    .split(' ')
    .filter((w) => w !== '')
    .slice(0, 12);
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const stretch = words.slice(i, i + n).join(' ');
      // One date at most: a stretch with two ("31/02 31/02") is no date, and would only cost a full read to say so.
      if (!DATE_HINT.test(stretch) || (stretch.match(FIGURES) ?? []).length > 1) continue;
      const parsed = parseUkDate(stretch, today);
      if (parsed.ok) return parsed.date;
    }
  }
  return null;
}

const SLIPPED = [
  /\b(slipped|slippage|slipping|slips)\b/,
  /\b(dates?|deadlines?) (have |has )?(been )?(moved|changed|pushed|extended)\b/,
  /\bdeadlines? pushed\b/,
  /\b(went|gone|go|become|became|newly|new|now) overdue\b/,
];

const CHANGED = [
  /\bwhat(s| has| have)? changed\b/,
  /\b(recent|latest) (changes|updates)\b/,
  /\bchanges (this|since|in|over|for|today|lately)\b/,
  /\bany (updates|changes)\b/,
  /\bwhat(s| has| have)? (been )?(owners |people |anyone |everyone )?updated\b/,
  /\b(whats|what is|anything) new\b/,
  /^(changes|updates)$/,
];

const SUMMARY = [
  /\bsummary\b/,
  /\bhow (are|is) (we|it|things|the plan|everything) (doing|going|looking)\b/,
  /\bhows (the plan|it|things|everything) (looking|going|doing)\b/,
  /\b(headline|overall) (position|picture|progress)\b/,
  /\boverview\b/,
  /\bwhere are we (with|on) the plan\b/,
  /\bred amber (and |or )?green\b/,
  /\b(biggest|main|top|key) risks?\b/,
  /\b(better|worse) than last week\b/,
  /\bhow many of the actions\b/,
];

const MY_PLANS = [/\bmy plans\b/, /\bplans (am i|i am|im|can i|do i|i have|i can)\b/, /\b(which|what) plans\b/];

const MONTHLY = new RegExp(`\\b(month|${MONTHS})\\b`);

function lookBack(t: string): LookBack {
  return MONTHLY.test(t) ? 'month' : 'week';
}

const COLOURS: readonly RagColour[] = ['red', 'amber', 'green'];
/** Asked, not told: "what's red?", "show me the reds", "which actions are amber", "any reds?", "red actions". */
const ASKS_BY_COLOUR = [
  /^(what|whats|which|who|whos|show|list|give|tell|any|anything|anyone|how many|am|are|is|everything|all)\b/,
  /\b(actions?|items?|ones|tasks?|things|rated|rag)\b/,
];

/** "which actions are red?", "anything amber?", "which of mine are red": the colours named, in RAG order. */
function ragQuestion(t: string): Question | null {
  const words = new Set(t.split(' ').map((w) => w.replace(/s$/, '')));
  const colours = COLOURS.filter((c) => words.has(c));
  if (colours.length === 0 || !ASKS_BY_COLOUR.some((re) => re.test(t))) return null;
  // "show me the reds" asks about the plan; "which of mine are red" about the asker's own.
  const mine = /\b(i|me|my|mine|ive|im)\b/.test(t.replace(/\b(show|tell|give|get) me\b/g, ''));
  return { kind: 'rag', colours, mine };
}
