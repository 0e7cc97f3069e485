import type { Command } from './command';
import type { Token } from './command-text';
import { monthFromWord, weekdayFromWord } from './month-names';
import { LEAD_WORDS } from './ref-match';
import type { IsoDate } from './types';
import { readsAsDate } from './uk-date';

/**
 * What a bare number ("3", "12") in a message is. Plans numbered 1, 2, 3 … make every figure look like a
 * reference, and "done 5 of the 8 case audits" must not complete action 5. The rule, in order:
 *
 * 1. Named as a reference, it is one: "#3", "action 3", "item 3", "rec 3".
 * 2. It is a count (or a date, a time, a share), never a reference, when the words next to it say so: "of" or
 *    "out of" after it ("5 of the 8", "3 out of 5"), or "or" ("3 or 4 schools"); a noun it counts after it ("6
 *    audits", "12 families", "3 people", "1 week"); a month, a unit or a fraction ("14 Jan", "3 pm", "5 %", "5 / 8");
 *    a counting word before it ("the first 3", "another 2", "nearly 40"), or "of" after a number ("3 of 5").
 * 3. It may be either, so it is taken as neither, when the message keeps a tally ("3 done so far", "2 to go"), or
 *    when it follows a word of a change and more words come after it ("done 3 today", "finished 3 by the team").
 *    Nothing is changed; the person is asked whether they meant the action.
 * 4. Otherwise it is a reference: "3 done", "3 at risk: …", "show 3", "note 3 spoke to the school", "done 3",
 *    "finished 3 - report sent".
 * 5. Once the message is read, a reference by rule 4 before a completion said with who did it is a tally as much as the
 *    action: "7 done by 3 staff" may be "7 [audits] done by 3 staff". Nothing is changed (see `tallyByWhom`).
 */
export type NumberReading = 'ref' | 'count' | 'unsure';

/** After the number: it counts. */
const COUNTING_AFTER = new Set([
  ...['of', 'out', 'or', 'more', 'less', 'fewer', 'times', 'x', 'percent', 'per', 'pc', 'remaining', 'further'],
  ...['additional', 'extra', 'other', 'each', 'am', 'pm', 'oclock', 'hr', 'hrs', 'min', 'mins', 'people'],
  ...['staff', 'children', 'men', 'women', 'day', 'week', 'fortnight', 'month', 'year', 'hour', 'minute'],
]);
/** Before the number: it counts. */
const COUNTING_BEFORE = new Set([
  ...['the', 'first', 'last', 'next', 'another', 'all', 'only', 'just', 'over', 'under', 'around', 'some'],
  ...['approx', 'approximately', 'roughly', 'nearly', 'almost', 'these', 'those', 'than', 'every', 'each'],
  ...['top', 'further', 'more', 'extra', 'least', 'most', 'remaining', 'other', 'additional', 'total', 'x'],
]);
/** Words ending in "s" that are not plural nouns: what people say after a reference ("3 needs another month"). */
const NOT_PLURAL = new Set([
  ...['needs', 'wants', 'requires', 'does', 'goes', 'seems', 'looks', 'remains', 'stays', 'moves', 'slips'],
  ...['becomes', 'comes', 'gets', 'makes', 'takes', 'keeps', 'runs', 'sits', 'stands', 'reaches', 'hits', 'shows'],
  ...['notes', 'comments', 'figures', 'kpis', 'thanks', 'cheers', 'yes', 'its', 'this', 'thus', 'plus', 'minus'],
  ...['always', 'perhaps', 'unless', 'towards', 'afterwards', 'sometimes', 'besides', 'whereas', 'pls', 'whats'],
  ...['thats', 'heres', 'has', 'was', 'news', 'delays', 'progress', 'status', 'hows', 'says'],
]);
/** Words of a change a count often follows ("finished 6 audits", "done 3 of 5 reviews"). */
const CHANGE_WORDS = new Set(['done', 'did', 'finished', 'completed', 'complete', 'started', 'closed']);
/** A message that keeps a tally counts: "3 done so far", "2 to go", "4 in total". */
const TALLY = /\b(?:so far|to go|in total|altogether|all told)\b/i;

const isNumberWord = (token: Token | undefined): boolean => token !== undefined && /^\d+$/.test(token.word);

/** "audits", "families", "cases": a plural it counts, as best a word alone can say. */
function countsNoun(word: string): boolean {
  return /^\p{L}{3,}s$/u.test(word) && !/(?:ss|us|is)$/.test(word) && !NOT_PLURAL.has(word);
}

/** A token the reference finder read as a bare number, typed without "#": the tokens this rule is about. */
export function isBareNumber(token: Token): boolean {
  return token.ref !== null && /^\d+$/.test(token.ref) && !token.raw.startsWith('#');
}

/** What the bare number at `i` is, by the rule above. */
export function readNumber(tokens: readonly Token[], i: number, text: string): NumberReading {
  const before = tokens[i - 1]?.word ?? '';
  if (LEAD_WORDS.has(before)) return 'ref';
  const next = tokens[i + 1];
  const after = next?.word ?? '';
  if (COUNTING_AFTER.has(after) || countsNoun(after) || monthFromWord(after) !== null) return 'count';
  if (next !== undefined && /^[/%]/.test(next.raw)) return 'count';
  const ofNumber = before === 'of' && (isNumberWord(tokens[i - 2]) || tokens[i - 2]?.word === 'out');
  if (COUNTING_BEFORE.has(before) || ofNumber) return 'count';
  if (TALLY.test(text)) return 'unsure';
  // "done 3" and "finished 3 - report sent" name the action; "done 3 today" may count what was done.
  const clauseEnds = next === undefined || next.word === '' || /[,:;.!?]$/.test(tokens[i].raw);
  return CHANGE_WORDS.has(before) && !clauseEnds ? 'unsure' : 'ref';
}

/**
 * The answer to a message left unread because its only reference-like words were numbers set aside by the rule
 * above: nothing was changed, and how to name the action if one was meant. Null when there were none.
 */
export function setAsideNumbers(tokens: readonly Token[]): string | null {
  if (tokens.some((t) => t.ref !== null)) return null;
  const unsure = tokens.find((t) => t.setAside === 'unsure');
  if (unsure) {
    const n = unsure.word;
    return `Did you mean action ${n}? Nothing was changed. If you did, name it as “action ${n}” and send it again.`;
  }
  const count = tokens.find((t) => t.setAside === 'count');
  if (!count) return null;
  const n = count.word;
  return `Nothing was changed: I read ${n} there as a number (a count or a date), not as action ${n}. If you meant action ${n}, name it as “action ${n}” and send it again.`;
}

/** "by 20/11", "by Friday", "by the end of last week": a time after "by", which the promise and day-done rules read. */
const TIME_AFTER_BY =
  /^(?:the\s+)?(?:end|start|beginning|middle|close|today|tonight|tomorrow|yesterday|now|then|next|last|this|noon|lunchtime|christmas|xmas|easter|cob|eod|mid|early|late|\d+(?:\s*(?:am|pm)\b|[/.:-]|st\b|nd\b|rd\b|th\b|$))/i;

/** Who did it, not when: "by 3 staff", "by the team", "by Lynne" (the first clause of the words after "by"). */
function byWhom(comment: string | null, today: IsoDate): boolean {
  const who = /^by\s+([^,;:()]+?)(?:\s+[-–—]\s.*)?(?:[,;:()].*)?$/i.exec(comment ?? '')?.[1].trim() ?? '';
  if (who === '' || TIME_AFTER_BY.test(who)) return false;
  const first = who.split(/\s+/)[0].toLowerCase();
  return monthFromWord(first) === null && weekdayFromWord(first) === null && readsAsDate(who, today) === null;
}

/**
 * Rule 5: "7 done by 3 staff", "5 done by the team", "3 completed by 2 auditors" — a bare number, then a completion
 * with who did it. Read as a tally ("7 audits done by 3 staff") it names no action, so it is not clearly a change:
 * nothing is made, and the reply gives the one message to send if the action was meant. A number named as one ("action
 * 7", "#7") and a ref with letters ("SG-7 done by the team") can only be the action, so they still complete it.
 */
export function tallyByWhom(command: Command, tokens: readonly Token[], today: IsoDate): Command | null {
  if (command.kind !== 'setStatus' || command.status !== 'Complete' || !byWhom(command.comment, today)) return null;
  const at = tokens.findIndex((t) => t.ref !== null);
  const number = tokens[at];
  if (number === undefined || !isBareNumber(number) || LEAD_WORDS.has(tokens[at - 1]?.word ?? '')) return null;
  // Only a number before its completion: "done 7 by the team" is rule 3's.
  if (!tokens.slice(at + 1).some((t) => CHANGE_WORDS.has(t.word))) return null;
  return { kind: 'notChange', ref: command.ref, why: 'tally', change: 'Complete', when: null };
}
