import type { Command } from './command';
import { echo, need, type MatchText } from './command-build';
import type { Rule } from './command-rules';
import { QUARTER_WORDS } from './command-period';
import { monthFromWord } from './month-names';

/**
 * The everyday ways owners give a value without the word "measure": "SG-2 92%", "SG-2 now 92 percent",
 * "SG-2 for October was 91%", "IP-4 = 31", "log 8 for SG-8". A reference followed by a bare number is also a
 * date ("SG-4 30/09"), a delay ("SG-4 2 weeks") or nothing at all, so only a figure that cannot be anything
 * else counts: a percentage, a figure after "=", or a figure pinned to a period ("4 for last month"). Anything
 * else falls through to the other rules, and a message that is not clearly a value changes nothing.
 */

const NUMBER = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const FIGURE = new RegExp(String.raw`^(${NUMBER})\s*(%|per\s?cent\b|percent\b)?(?![\d/.,:])`, 'i');
const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
/** A period as the use case reads it (src/domain/measure-periods.ts), with the word that ties it to the value. */
const PERIOD_BODY = String.raw`(?:this|last|previous|current)\s+(?:month|quarter)|${QUARTER_WORDS}|(?:${MONTH})\.?(?:\s+\d{4})?`;
/** "for", "in", "during", "at the end of": words that tie a period to the figure before it ("by the end of" is a due date). */
const TIE = String.raw`for|in|during|at\s+(?:the\s+)?end\s+of`;
const PERIOD = new RegExp(String.raw`^(?:(${TIE})\s+(?:the\s+)?)?(${PERIOD_BODY})$`, 'i');
/** Where the value ends and a note begins: a dash, a comma, a full stop, "because"… */
const NOTE = /\s+[-–—]\s+|\s*;\s*|,\s+|\.\s+|\s+(?:because|as|since|note:?)\s+|:\s+/i;

interface Figure {
  value: string;
  period: string | null;
  note: string | null;
}

/**
 * How sure a figure must be to count. `percent`: only a percentage. `tied`: a percentage, or a figure with a
 * period tied to it ("4 for last month", "9 this quarter"). `any`: any figure, the words around it having
 * said it is a value ("= 31", "log 8 for SG-8").
 */
type Sureness = 'percent' | 'tied' | 'any';

/**
 * A month straight after a number is a date ("30 September", "4 Oct-Dec"); "for September", "last month" and "Q2"
 * are periods.
 */
const isTied = (period: RegExpExecArray) =>
  period[1] !== undefined || monthFromWord(period[2].split(/[\s.\-–—]/)[0]) === null;

/**
 * "92%", "82 per cent last month", "4 for last month - two late": a figure, then only a period (no other words,
 * so "50% complete" or "3 weeks" are not values), then a note.
 */
export function readFigure(text: string, sureness: Sureness): Figure | null {
  const split = NOTE.exec(text);
  const head = (split ? text.slice(0, split.index) : text).trim().replace(/[.!]+$/, '');
  const note = split ? text.slice(split.index + split[0].length).trim() || null : null;
  const figure = FIGURE.exec(head);
  if (!figure) return null;
  const rest = head.slice(figure[0].length).trim();
  const period = rest === '' ? null : PERIOD.exec(rest);
  if (rest !== '' && !period) return null;
  const percent = figure[2] !== undefined;
  if (!percent && period && !isTied(period)) return null;
  if (!percent && sureness !== 'any' && (sureness === 'percent' || !period)) return null;
  return { value: `${figure[1]}${percent ? '%' : ''}`, period: period ? period[2] : null, note };
}

/** Where the words end: the last word read, and a "%" typed apart after it ("78 %"), not a "please" dropped after. */
function endOf(m: MatchText): number {
  const last = m.tokens[m.tokens.length - 1];
  return last.end + (/^\s*%/.exec(m.text.slice(last.end))?.[0].length ?? 0);
}

/** The text from word `from` to the end, and what was typed between it and the word before ("=", "-", ":"). */
function after(m: MatchText, from: number | undefined): { text: string; before: string } | null {
  if (from === undefined || from >= m.tokens.length) return null;
  const start = m.tokens[from].start;
  const previous = m.tokens[from - 1];
  return { text: m.text.slice(start, endOf(m)).trim(), before: previous ? m.text.slice(previous.end, start) : '' };
}

const value = (ref: string, f: Figure): Command => ({ kind: 'measureValue', ref, ...f });

/** A percentage after the ref, a figure tied to a period, or any figure after "=" ("IP-4 = 31"). */
function figureAfterRef(ref: string, m: MatchText, from: number | undefined): Command | null {
  const rest = after(m, from);
  // "SG-8 -3": a minus sign on the figure; the existing measure rules keep it, and give the refusal.
  if (!rest || /-$/.test(rest.before)) return null;
  const f = readFigure(rest.text, /=/.test(rest.before) ? 'any' : 'tied');
  return f ? value(ref, f) : null;
}

const LEADING_PERIOD = new RegExp(
  String.raw`^(?:(${TIE})\s+(?:the\s+)?)?(${PERIOD_BODY})\s*((?:(?:is|was|=|at|:)\s*)*)`,
  'i',
);

/** "SG-2 for October was 91%", "SG-1 this month 70%": the period first (never a bare month: "October 30" is a date). */
function periodThenFigure(ref: string, m: MatchText, from: number | undefined): Command | null {
  const rest = after(m, from);
  const lead = rest ? LEADING_PERIOD.exec(rest.text) : null;
  if (!rest || !lead || !isTied(lead) || lead[0].trim() === rest.text) return null;
  // "for October 30" is a date: a figure that is not a percentage needs "is", "was", "=" or ":" before it.
  const f = readFigure(rest.text.slice(lead[0].length), lead[3].trim() === '' ? 'percent' : 'any');
  return f && f.period === null ? value(ref, { ...f, period: lead[2] }) : null;
}

/** "log 8 for SG-8", "record 65% against LAC-7 for October": the figure before the ref, after a verb that records. */
function figureBeforeRef(m: MatchText, from: number): Command | null {
  const at = m.tokens.findIndex((t, i) => i > from && t.ref !== null);
  const joiner = m.tokens[at - 1];
  if (at < 0 || !['for', 'against', 'on', 'to'].includes(joiner?.word ?? '') || at - 1 <= from) return null;
  const figure = readFigure(m.text.slice(m.tokens[from].start, joiner.start).trim(), 'any');
  if (!figure || figure.period !== null || figure.note !== null) return null;
  const tail = m.text.slice(m.tokens[at].end, endOf(m)).trim();
  const read = tail === '' ? figure : readFigure(`${figure.value} ${tail}`, 'any');
  const ref = m.tokens[at].ref;
  return read && ref ? value(ref, read) : null;
}

const LEAD = 'just|to|let|you|u|know|fyi|quick|one|and|also|the|our*';
const FILLER =
  'is|was|s|now|hit|hits|reached|reaches|currently|stands|sits|sitting|standing|came|comes|come|went|gone|has|have|in|at|up|down|to|of|on*';

/**
 * Added after the rule that names which measure ("SG-1 measure 2 88%", command-measure.ts) and before the other
 * measure rules, so the note and delay rules never see these values.
 */
export const MEASURE_PHRASINGS: Rule[] = [
  {
    patterns: [`${LEAD} {ref} ${FILLER} {rest}`, `${LEAD} update|news|progress|latest for|on|to|of? {ref} {rest}`],
    build: (c, m) => figureAfterRef(need(c.ref), m, c.rest),
  },
  {
    patterns: [
      `${LEAD} {ref} measure|value|kpi|figure|score|figures? is|was|=|now|at|currently* {rest}`,
      `${LEAD} latest|current measure|value|kpi|figure|score|figures? for|on|of {ref} is|was|at|now* {rest}`,
    ],
    build: (c, m) => periodThenFigure(need(c.ref), m, c.rest) ?? figureAfterRef(need(c.ref), m, c.rest),
  },
  {
    patterns: ['put|mark|record|log|enter {ref} down? as|at {rest}'],
    build: (c, m) => figureAfterRef(need(c.ref), m, c.rest),
  },
  { patterns: ['record|log|enter|put|add {rest}'], build: (c, m) => figureBeforeRef(m, c.rest ?? 0) },
];

/** Words after a measure's name that are no answer at all ("SG-2 measure?", "SG-2 figure for"), left to other rules. */
const NOT_AN_ANSWER = /^(?:for|of|on|in|to|at|is|was|the|a|an|and|please|pls|thanks|now|here|update|updated|updates)$/;

/**
 * "SG-2 measure lots": a measure named and one word given as its value. It is taken as the value typed, so the use
 * case, which knows the measure's unit, says why it is not one ("not a number") with an example; nothing changes.
 * Added after the measure rules, which read every real value first.
 */
export const MEASURE_WORD_VALUES: Rule[] = [
  {
    patterns: [
      '{ref} measure|value|kpi|figure|score|figures is|=|at|now|of* {rest}',
      'measure|value|kpi|figure|score for|of? {ref} is|=|at|now* {rest}',
    ],
    build: (c, m) => {
      const rest = after(m, c.rest);
      const word = rest?.text.replace(/[.!]+$/, '') ?? '';
      if (!/^\p{L}{2,30}$/u.test(word) || NOT_AN_ANSWER.test(word.toLowerCase())) return null;
      return { kind: 'measureValue', ref: need(c.ref), value: word, period: null, note: null };
    },
  },
];

/** "sg-8 17", "SG-7: No", "SG-8 - 14 cases waiting": maybe a value, maybe not; never recorded (see `valueGuess`). */
const NOT_A_COUNT = /^(?:days?|weeks?|wks?|months?|years?|working|am|pm|st|nd|rd|th)$/;

export const MEASURE_NEAR_MISSES: Rule[] = [
  {
    patterns: ['{ref} {rest}'],
    build: (c, m) => {
      const ref = need(c.ref);
      const first = m.tokens[c.rest ?? m.tokens.length];
      const next = m.tokens[(c.rest ?? m.tokens.length) + 1];
      if (!first) return null;
      const guess = (value: string): Command => ({
        kind: 'unknown',
        text: echo(m.text),
        problem: null,
        valueGuess: { ref, value },
      });
      // "SG-7: no" or "SG-7 yes, protocol signed" answers a yes/no measure; "LAC-5 no longer at risk?" does not.
      const alone = !next || /^[,;:.!\-–—]/.test(m.text.slice(first.end, next.start).trim() || first.raw.slice(-1));
      if (/^(?:yes|no)$/.test(first.word)) return alone && !/\?\s*$/.test(m.text) ? guess(first.word) : null;
      const figure = /^\d+(?:\.\d+)?$/.test(first.raw) ? first.raw : null;
      if (!figure || monthFromWord(next?.word ?? '') !== null || NOT_A_COUNT.test(next?.word ?? '')) return null;
      return guess(figure);
    },
  },
];
