import type { Command } from './command';
import { need, textFrom, type MatchText } from './command-build';
import { QUARTER_WORDS } from './command-period';
import { compilePattern, matchPattern } from './command-pattern';
import type { Rule } from './command-rules';
import { parseCount } from './number-words';

/**
 * "6(a) measure 42", "measure 6(a) 76%", "6(a) is at 18 audits this month", "SG-2 value 88% for October -
 * two teams late": a value for the action's measure, its period if named, and a note after a dash or
 * "because". The value is checked against the measure's unit later, by the use case: only the register
 * knows whether 76 is a percentage or a nonsense answer to a yes/no question.
 */
const NUMBER = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+`;
const VALUE = new RegExp(
  String.raw`^(?:is\s+|=\s*|of\s+|now\s+|at\s+)*(${NUMBER})(?![\d/])\s*(%|per\s?cent|percent)?|^(?:is\s+|=\s*|now\s+)*(yes|no|met|not met|achieved|not achieved)\b|^(?:is\s+|=\s*|on\s+)*(\d{1,2}/\d{1,2}/\d{2,4})`,
  'i',
);
const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const PERIOD = new RegExp(
  String.raw`(?:^|\s)(?:(?:for|in|during)\s+(?:the\s+)?)?((?:this|last|previous|current)\s+(?:month|quarter)|${QUARTER_WORDS}|(?:${MONTH})\.?(?:\s+\d{4})?|\d{4}-\d{1,2}|\d{1,2}/\d{4})\s*$`,
  'i',
);
/** "6(a) is at 3 weeks late", "IP-2 at 2 days": time and lateness, not a measure's value. */
const NOT_A_UNIT = /\b(?:days?|weeks?|months?|years?|late|behind|overdue|ahead|risk|o'?clock|am|pm)\b/i;
/** "in Decemebr", "for the autumn": a period that could not be read is not a unit; the value is not guessed to be this month's. */
const PERIOD_WORD = /^(?:in|for|during|on|by|at|from|to|since|until|till|before|after|end|of|the|last|next|this)\b/i;
const NOTE = /\s+[-–—]\s+|\s*;\s*|\s+(?:because|as|since|note:?)\s+|:\s+/i;

/**
 * `textFrom` drops a leading dash, which usually separates words; written straight onto a figure ("-3",
 * "−5%") it is a minus sign, and dropping it would record the wrong value.
 */
function minusOnFigure(m: MatchText, from: number): boolean {
  const start = m.tokens[from].start;
  const before = m.text.slice(Math.max(0, start - 2), start);
  return /^[-−]\d/.test(m.text.slice(start)) || /(?:^|[\s:=])[-−]$/.test(before) || before === '-' || before === '−';
}

const ORDINALS = [
  ['first', '1st'],
  ['second', '2nd'],
  ['third', '3rd'],
  ['fourth', '4th'],
  ['fifth', '5th'],
  ['sixth', '6th'],
  ['seventh', '7th'],
  ['eighth', '8th'],
  ['ninth', '9th'],
  ['tenth', '10th'],
] as const;
const ORDINAL_WORDS = ORDINALS.flat().join('|');
const MEASURE_WORDS = 'measure|value|kpi|figure|score|indicator';
/** "SG-1 second measure 40", "the 2nd measure of SG-1 40". */
const ORDINAL_BEFORE = new RegExp(String.raw`\b(${ORDINAL_WORDS})\s+(?:${MEASURE_WORDS})\b`, 'i');
/** A measure's number as typed: "2" or "two" (an action has at most ten). */
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten';
const WHICH = String.raw`\d{1,2}|${NUMBER_WORDS}`;
/** "measure 2 of SG-1 88%", "measure two of SG-1 88%". */
const NUMBER_OF = new RegExp(
  String.raw`\b(?:${MEASURE_WORDS})\s+(?:no\.?\s*|number\s+|#)?(${WHICH})\s+(?:of|for|on)\b`,
  'i',
);
/** "SG-1 measure 2 88%", "SG-1 measure two 20": a small number straight after "measure", followed by the value itself. */
const NUMBER_AFTER = new RegExp(String.raw`(?:^|\s)(?:${MEASURE_WORDS})\s*$`, 'i');
const LEADING_NUMBER = new RegExp(String.raw`^(?:no\.?\s*|number\s+|#)?(${WHICH})(?:\s*[:=]\s*|\s+)(?=\S)`, 'i');
/** A measure's number in figures, as the pattern language reads words: "1" to "99", as WHICH does. */
const TYPED_NUMBERS = Array.from({ length: 99 }, (_, i) => String(i + 1)).join('|');
/** The number of a measure matched by WHICH. */
const numberOf = (typed: string) => parseCount(typed) ?? 0;

/**
 * Which of the action's measures a message names, if any: "SG-1 measure 2 88%", "SG-1 second measure 40",
 * "measure 2 of SG-1 88%", "SG-1 measure two 20". Returns the number (from 1) and the text of the value with the selector taken off.
 * Whether the action has that measure is the use case's to say.
 */
export function measureSelector(before: string, rest: string): { measure: number | null; rest: string } {
  const ordinal = ORDINAL_BEFORE.exec(before);
  if (ordinal) {
    const word = ordinal[1].toLowerCase();
    return { measure: ORDINALS.findIndex((o) => (o as readonly string[]).includes(word)) + 1, rest };
  }
  const numbered = NUMBER_OF.exec(before);
  if (numbered) return { measure: numberOf(numbered[1]), rest };
  const leading = NUMBER_AFTER.test(before) ? LEADING_NUMBER.exec(rest) : null;
  // "SG-1 measure 42" is a value; "SG-1 measure 2 88%" is measure 2 when what follows is a value too.
  if (leading && VALUE.test(rest.slice(leading[0].length)))
    return { measure: numberOf(leading[1]), rest: rest.slice(leading[0].length) };
  return { measure: null, rest };
}

/**
 * Phrasings that name a measure before the action ("measure 2 of SG-1 88%", "SG-1 second measure 40"). A
 * number reads as a reference to the pattern, so "measure {ref} of {ref}" keeps the second; the build
 * then takes only a message whose text names the measure, never "measure 6(a) of SG-1".
 */
export const MEASURE_SELECTOR_RULE: Rule = {
  patterns: [
    `{ref} ${ORDINAL_WORDS} ${MEASURE_WORDS} is|=|at|now|of|for* {rest}`,
    `record|log|enter|add|update? the? ${ORDINAL_WORDS} ${MEASURE_WORDS} for|of|on {ref} is|=|at|now|as|to* {rest}`,
    `${MEASURE_WORDS} no|number? {ref} for|of|on {ref} is|=|at|now* {rest}`,
    `${MEASURE_WORDS} no|number? ${NUMBER_WORDS} for|of|on {ref} is|=|at|now* {rest}`,
    // "measure 2 of SG-1": a number before "of" counts (command-counts.ts), so it is no reference here.
    `${MEASURE_WORDS} no|number? ${TYPED_NUMBERS} of {ref} is|=|at|now* {rest}`,
  ],
  build: (c, m) => {
    const command = measureValue(need(c.ref), m, c.rest);
    return command?.kind === 'measureValue' && command.measure !== undefined ? command : null;
  },
};

/** "m2": measure 2, shortened. Read only straight after a reference, as "M2" alone could be an action's own reference. */
const SHORT_MEASURE = /^m([1-9]|10)$/i;
const REF_ALONE = compilePattern('{ref}');

/**
 * "SG-1 m2 = 15", "SG-1 M2 88%": the shortened measure's number, then the value, as "SG-1 measure 2 15". "m2" reads
 * as a reference too, so the pattern takes two, and the first is the action's.
 */
export const SHORT_MEASURE_RULE: Rule = {
  patterns: ['{ref} {ref} is|at|now|was* {rest}'],
  build: (c, m) => {
    const short = SHORT_MEASURE.exec(need(c.ref));
    const at = m.tokens.findIndex((t, i) => i > 0 && t.ref === c.ref);
    const ref = short && at > 0 ? matchPattern(REF_ALONE, m.tokens.slice(0, at))?.ref : undefined;
    return short && ref ? measureValue(ref, m, c.rest, Number(short[1])) : null;
  },
};

/** `named`: the measure's number when the rule that matched has read it already ("SG-1 m2 = 15"). */
export function measureValue(ref: string, m: MatchText, from: number | undefined, named?: number): Command | null {
  const typedText = textFrom(m, from);
  if (typedText === null || from === undefined) return null;
  const before = m.text.slice(0, m.tokens[from].start);
  const selector = named === undefined ? measureSelector(before, typedText) : { measure: named, rest: typedText };
  const text = selector.rest;
  // A minus sign written onto the figure is put back, unless a measure's number came between ("measure 2 -3" keeps its own).
  const rest = minusOnFigure(m, from) && /^\d/.test(text) && text === typedText ? `-${text}` : text;
  const split = NOTE.exec(rest);
  const head = (split ? rest.slice(0, split.index) : rest).trim().replace(/[.!]+$/, '');
  const note = split ? rest.slice(split.index + split[0].length).trim() || null : null;
  const value = VALUE.exec(head);
  if (!value) return null;
  const typed = value[1] !== undefined ? `${value[1]}${value[2] ? '%' : ''}` : (value[3] ?? value[4] ?? '');
  // Words after the value are its unit ("18 audits") or its period ("this month"); anything else is not a value.
  const after = head.slice(value[0].length).trim();
  const period = PERIOD.exec(after);
  const unitWords = (period ? after.slice(0, period.index) : after).trim();
  if (
    unitWords.split(/\s+/).filter(Boolean).length > 4 ||
    /\d/.test(unitWords) ||
    NOT_A_UNIT.test(unitWords) ||
    PERIOD_WORD.test(unitWords)
  )
    return null;
  const command = { kind: 'measureValue', ref, value: typed, period: period ? period[1].trim() : null, note } as const;
  return selector.measure === null ? command : { ...command, measure: selector.measure };
}
