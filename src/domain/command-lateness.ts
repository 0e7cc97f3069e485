import type { Command } from './command';
import { delay, need, unknown, type MatchText } from './command-build';
import { hasHedge } from './command-hedge';
import type { Rule } from './command-rules';
import { readDateAndReason } from './command-delay';
import { parseCount } from './number-words';

/**
 * An action said to be late in the sender's own words: "LAC-8 is running about two weeks late, the provider
 * changed", "SG-13 won't make its date", "we're behind on LAC-8", "LAC-8 will miss the end of March date". Read as
 * a delay with the date and reason the words after it give (the chat service asks for what is missing), so nothing
 * is recorded until the person names the new date. How late ("two weeks late") is never a date: it is kept as a
 * suggestion only. Said unsurely ("probably", "might be") it is no change at all. Lateness that is over ("LAC-8 was
 * late but is back on track now") is left unread, so the person is shown what they might send instead.
 */

const COUNT = '(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several)';
const UNIT = '(days?|weeks?|fortnights?|months?)';
/** "about two weeks", "a month", "a bit", "well": how late, said before "late" or "behind". */
const AMOUNT = `(?:(?:about|around|roughly|approximately|approx|nearly|almost|over|more than|at least|up to)\\s+)?(?:${COUNT}\\s+(?:more\\s+)?${UNIT}|a (?:bit|little|little bit)|slightly|way|well|badly|seriously|very|really|quite|massively|significantly|further|even more|a lot)`;
/** Words that may stand between the ref and "late": "is now running", "will probably be", "looks like it's going to be". */
const FILL =
  "(?:(?:is|s|are|will|ll|be|been|has|have|going|gonna|to|now|currently|already|still|looks|looking|like|it|its|it's|seems|running|also|might|may|could|probably|likely|possibly|maybe|perhaps|definitely|certainly|def|deffo|i think|then)\\s+)*";
const LATE = '(?:late|behind(?:\\s+schedule)?|behind time)';
/** "its date", "the end of March date", "the deadline", "our target date": the date it is due, never the new one. */
const DEADLINE =
  "(?:(?:its|the|their|our|it's|this|that)\\s+(?:[\\w/.]+\\s+){0,4}?(?:deadline|date|due date|target date|end date|timescale)|the end of [a-z]+)";
const WONT =
  "(?:won't|wont|will not|isn't going to|isnt going to|is not going to|not going to|(?:is|s)\\s+unlikely to|unlikely to|can't|cant|cannot|(?:is|s)\\s+never going to|(?:probably|likely|definitely)\\s+(?:won't|wont|will not|isn't going to))";
const FINISHED = '(?:done|finished|completed|complete|ready|delivered|met|in place)';
const IN_TIME = `(?:on time|in time|by (?:its|the) (?:deadline|due date|date)|for ${DEADLINE})`;

/** The claim after the ref: what says the action will be late. */
const AFTER_REF = new RegExp(
  '^[\\s:-]*(?:' +
    [
      `${FILL}(?:${AMOUNT}\\s+)?${LATE}`,
      `${FILL}(?:miss|missing|misses|overrun|overrunning|run over|running over)(?:\\s+${DEADLINE}|\\s+into\\s+[a-z]+)?`,
      `${FILL}${WONT}\\s+(?:be able to\\s+)?(?:make|meet|hit|achieve|keep to|stick to)\\s+${DEADLINE}`,
      `${FILL}${WONT}\\s+(?:be able to\\s+)?(?:make it|be ${FINISHED}|finish|complete)\\s+${IN_TIME}`,
      `(?:'s|s)?\\s*(?:deadline|date|due date)\\s+${FILL}(?:be missed|slip|slipping|won't be met|will not be met)`,
    ].join('|') +
    ')(?=$|[\\s,;:.!?()-])',
  'i',
);

/** The claim before the ref: "we're behind on", "we won't hit the deadline for", "the deadline for". */
const BEFORE_REF = new RegExp(
  '^(?:' +
    [
      `(?:we|i|the team|team)\\s*(?:'re|'m|re|m|are|am|is)?\\s+${FILL}(?:${AMOUNT}\\s+)?${LATE}\\s+(?:on|with|for)`,
      `(?:we|i|the team|team)\\s*(?:'ll|ll|will|'re|re|are|am|'m|is)?\\s+${FILL}${WONT}\\s+(?:be able to\\s+)?(?:make|meet|hit|achieve)\\s+(?:the|our)\\s+(?:[\\w/.]+\\s+){0,3}?(?:deadline|date|due date|target date)\\s+(?:for|on|of)`,
      `(?:we|i|the team|team)\\s*(?:'ll|ll|will|'re|re|are|am|'m|is)?\\s+${FILL}(?:miss|be late with|be late on|be late for)(?:\\s+the\\s+(?:deadline|date|due date)\\s+(?:for|on|of))?`,
    ].join('|') +
    ')(?:\\s+the)?\\s*$',
  'i',
);

/** What may follow the claim: nothing, the reason or a new date after a break, or a reason word. */
const REST_START = /^(?:$|\s*[,;:.!(-]|\s+(?:because|as|since|cos|due to|owing to|so|new date|till|until|to|by)\b)/i;
/** After a ref at the end of the claim, only the words that finish naming its deadline may come first. */
const AFTER_LATER_REF = /^(?:'s)?(?:\s+(?:deadline|date|due date))?/i;

/** "probably end of May": a hedge opening the words after the claim, before the date it is unsure of. */
const LEADING_HEDGE =
  /^[\s,;:-]*(?:probably|prob|maybe|perhaps|possibly|likely|hopefully|i think|i guess|i reckon|i expect|my guess is|at a guess)\b[\s,;:-]*/i;

/** Lateness that is over, or denied: "was late but is back on track", "no longer late", "not behind". */
const WAS_LATE = /^[\s:-]*(?:was|were|had been|has been)\s+(?:running\s+)?(?:a bit\s+)?(?:late|behind|slipping)\b/i;
const RECOVERED =
  /\b(?:back on track|on track|caught up|recovered|fine|ok|okay|sorted|back on schedule|on schedule)\b/i;
const NOT_LATE = /^[\s:-]*(?:is\s+|s\s+)?(?:no longer|not|isn't|isnt|never)\s+(?:running\s+)?(?:late|behind)\b/i;
/** A claim is a few words: longer text before or after the ref is not looked at, so a long message costs little. */
const CLAIM_CHARS = 200;

type Roughly = { count: number; unit: 'day' | 'week' | 'month' };

/** "two weeks late" → two weeks; "a few weeks behind" names no count, so nothing to suggest. */
function roughlyIn(claim: string): Roughly | null {
  const m = new RegExp(`\\b${COUNT}\\s+(?:more\\s+)?${UNIT}\\b`, 'i').exec(claim);
  if (!m) return null;
  const count = parseCount(m[1]);
  if (count === null || count < 1) return null;
  const unit = m[2].toLowerCase();
  if (unit.startsWith('fortnight')) return { count: count * 2, unit: 'week' };
  return { count, unit: unit.startsWith('month') ? 'month' : unit.startsWith('day') ? 'day' : 'week' };
}

/** The index of the first word at or after `offset` in the text, or the number of words when none is. */
function wordAt(m: MatchText, offset: number): number {
  const i = m.tokens.findIndex((t) => t.start >= offset);
  return i < 0 ? m.tokens.length : i;
}

/** "the deadline for LAC-8 will be missed": the deadline named before the ref, and what becomes of it after. */
const DEADLINE_OF = /^(?:the\s+)?(?:deadline|date|due date|target date)\s+(?:for|on|of)\s*$/i;
const MISSED = new RegExp(`^\\s+${FILL}(?:be missed|slip|slipping|not be met|won't be met)(?=$|[\\s,;:.!?()-])`, 'i');
const UNIT_WORD = /^(?:days?|weeks?|fortnights?|months?)$/;
const GREETING = /^(?:(?:hi|hello|hey|hiya|morning|afternoon|ok|okay|so|um|erm)\b[\s,!:-]*)+/i;
/** "I think LAC-8 is running late", "probably": a hedge alone before the ref. */
const HEDGE_BEFORE =
  /^(?:i think|i reckon|i guess|i suspect|i fear|probably|prob|maybe|perhaps|possibly|likely)[\s,]*$/i;

/** The claim and where the words after it start, when the message says the one action it names will be late. */
function claimOf(m: MatchText): { ref: string; claim: string; restAt: number } | null {
  // "3 days late": a number before a unit of time is how late, not an action.
  const refs = m.tokens.filter(
    (t, i) => t.ref !== null && !(/^\d+$/.test(t.ref) && UNIT_WORD.test(m.tokens[i + 1]?.word ?? '')),
  );
  if (refs.length !== 1 || m.tokens.length === 0) return null;
  const at = refs[0];
  const ref = need(at.ref ?? undefined);
  if (at.start - m.tokens[0].start > CLAIM_CHARS) return null;
  const before = m.text.slice(m.tokens[0].start, at.start).replace(GREETING, '');
  const after = m.text.slice(at.end, at.end + CLAIM_CHARS);
  const restOk = (from: number) => REST_START.test(m.text.slice(at.end + from, at.end + from + CLAIM_CHARS));
  // "LAC-8, the provider changed": punctuation typed against the ref ends the claim there.
  const brokeOff = /[,;:.!)]$/.test(at.raw);
  if (before.trim() === '' || HEDGE_BEFORE.test(before)) {
    const found = AFTER_REF.exec(after);
    if (!found || !restOk(found[0].length)) return null;
    return { ref, claim: `${before}${found[0]}`, restAt: at.end + found[0].length };
  }
  if (DEADLINE_OF.test(before)) {
    const found = MISSED.exec(after);
    if (!found || !restOk(found[0].length)) return null;
    return { ref, claim: found[0], restAt: at.end + found[0].length };
  }
  if (!BEFORE_REF.test(before)) return null;
  const tail = AFTER_LATER_REF.exec(after)?.[0] ?? '';
  if (!brokeOff && !restOk(tail.length)) return null;
  return { ref, claim: before, restAt: at.end + tail.length };
}

/**
 * A hedged claim, or a hedge before the time that follows it ("probably end of May", "maybe two weeks"): no change,
 * and the date they named, if any. A hedge opening a reason ("I think the supplier let us down") is the reason's.
 */
function unsure(ref: string, m: MatchText, claim: string, restAt: number): Command | null {
  const rest = m.text.slice(restAt).replace(/^[\s,;:.!-]+/, '');
  const lead = LEADING_HEDGE.exec(rest);
  const afterHedge = lead ? rest.slice(lead[0].length) : rest;
  const { newDate } = readDateAndReason(afterHedge, m.today, false);
  const hedgedTime = lead !== null && (afterHedge.trim() === '' || newDate !== null);
  if (!hasHedge(claim) && !hedgedTime) return null;
  const when = newDate && 'date' in newDate ? newDate.date : null;
  return { kind: 'notChange', ref, why: 'unsure', change: 'newDate', when };
}

export function lateness(m: MatchText): Command | null {
  const first = m.tokens[0];
  if (first?.ref && m.tokens.filter((t) => t.ref !== null).length === 1) {
    const after = m.text.slice(first.end);
    const head = after.slice(0, CLAIM_CHARS);
    if ((WAS_LATE.test(head) && RECOVERED.test(after)) || NOT_LATE.test(head)) return unknown(m, null);
  }
  const found = claimOf(m);
  if (!found) return null;
  const { ref, claim, restAt } = found;
  const hedged = unsure(ref, m, claim, restAt);
  if (hedged) return hedged;
  const read = delay(ref, m, wordAt(m, restAt), true);
  if (read.kind !== 'delay' || read.newDate !== null) return read;
  const roughly = roughlyIn(claim);
  return roughly ? { ...read, roughly } : read;
}

/** Tried before the status words, which would read "LAC-8 was late but is back on track" as a delay. */
export const LATENESS_RULE: Rule = { patterns: ['{rest}'], build: (_, m) => lateness(m) };

/**
 * "won't make its date", "can't meet the deadline": a negation that says the action will be late. The guard strips
 * these from a delay's claim before it looks for a "not", so the delay is not refused as negated.
 */
export const LATE_NEGATION = new RegExp(
  `\\b${WONT}\\s+(?:be able to\\s+)?(?:make|meet|hit|achieve|keep to|stick to|make it|be ${FINISHED}|finish|complete|be met)\\b`,
  'gi',
);
