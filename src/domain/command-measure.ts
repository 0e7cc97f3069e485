import type { Command } from './command';
import { textFrom, type MatchText } from './command-build';

/**
 * "6(a) measure 42", "measure 6(a) 76%", "6(a) is at 18 audits this month", "SG-2 value 88% for October -
 * two teams late": a value for the action's measure, its period if named, and a note after a dash or
 * "because". The value is checked against the measure's unit later, by the use case: only the register
 * knows whether 76 is a percentage or a nonsense answer to a yes/no question.
 */
const NUMBER = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+`;
const VALUE = new RegExp(
  String.raw`^(?:is\s+|=\s*|of\s+|now\s+|at\s+)*(${NUMBER})\s*(%|per\s?cent|percent)?|^(?:is\s+|=\s*|now\s+)*(yes|no|met|not met|achieved|not achieved)\b|^(?:is\s+|=\s*|on\s+)*(\d{1,2}/\d{1,2}/\d{2,4})`,
  'i',
);
const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const PERIOD = new RegExp(
  String.raw`(?:^|\s)(?:(?:for|in|during)\s+(?:the\s+)?)?((?:this|last|previous|current)\s+(?:month|quarter)|q[1-4][\s-]?(?:\d{4})?|\d{4}[\s-]?q[1-4]|(?:${MONTH})\.?(?:\s+\d{4})?|\d{4}-\d{1,2}|\d{1,2}/\d{4})\s*$`,
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

export function measureValue(ref: string, m: MatchText, from: number | undefined): Command | null {
  const text = textFrom(m, from);
  if (text === null || from === undefined) return null;
  const rest = minusOnFigure(m, from) && /^\d/.test(text) ? `-${text}` : text;
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
  return { kind: 'measureValue', ref, value: typed, period: period ? period[1].trim() : null, note };
}
