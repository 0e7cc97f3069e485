import type { Command, DateDecision } from './command';
import { readDateAndReason } from './command-delay';
import type { Captures } from './command-pattern';
import { cleanCommandText, MAX_COMMAND_LENGTH, type Token } from './command-text';
import { splitEvidence, splitSignOffOverride } from './command-evidence';
import { REQUEST } from './command-guard';
import type { IsoDate, Status } from './types';

/**
 * What the rules build from what a pattern captured: the free text after a ref cut into a
 * comment, a reason, a new date or evidence, and the hints for commands missing a piece.
 */
/** A build may decline (null) when what followed the pattern turns out not to fit: the next rule is tried. */
export type Build = (c: Captures, m: MatchText) => Command | null;

/** The cleaned text and the words a pattern was matched against, for slicing out free text. */
export interface MatchText {
  text: string;
  tokens: readonly Token[];
  today: IsoDate;
}

export const MAX_ECHO = 200;

export const REF_NEEDED = (example: string): string => `Which action? For example: ${example}`;
export const EVIDENCE_NEEDED = 'What is the evidence? For example: evidence SG-4 https://example.com/report.pdf';
export const NOTE_NEEDED = 'What should the note say? For example: note SG-4 spoke to supplier';

/** The words from `from` to the end, as typed, without leading separators; null when nothing is left. */
export function textFrom(m: MatchText, from: number | undefined): string | null {
  if (from === undefined || from >= m.tokens.length) return null;
  const last = m.tokens[m.tokens.length - 1];
  const text = m.text
    .slice(m.tokens[from].start, last.end)
    .replace(/^[\s:;,.\-–—=]+/, '')
    .trim();
  return text === '' ? null : text;
}

/** A comment after a status: "because"/"since" dropped, and a bare "thanks" is no comment. */
export function commentFrom(m: MatchText, from: number | undefined): string | null {
  return tidyComment(textFrom(m, from));
}

/** Words that only carry the status on ("back on track now", "at risk again - …"), and pleasantries around a comment. */
const LEADING_FILLER =
  /^(?:(?:now|again|yet|still|too|then|pls|plz|please|thanks|thank you|so far|for now|because|since|cos|coz|bc)\b|[\s,;:.!\-–—\p{Extended_Pictographic}\uFE0F])+/iu;
const TRAILING_FILLER =
  /(?:[\s,;:.!\-–—\p{Extended_Pictographic}\uFE0F]|\b(?:(?:many )?thanks|thank you|thx|cheers|ta|please|pls|plz)\b)+$/iu;

export function tidyComment(text: string | null): string | null {
  if (!text) return null;
  const tidy = text
    .replace(LEADING_FILLER, '')
    .replace(
      /[\s,.;-]*(?:please\s+|pls\s+)?(?:mark|set|put) it (?:as |to )?(?:complete|done|on track|at risk)[.!]*$/i,
      '',
    )
    .replace(/(?:[\s,.!]+(?:many )?thanks,?\s+\p{Lu}\p{L}{1,20})$/u, '')
    .replace(TRAILING_FILLER, '')
    .trim();
  return tidy === '' ? null : tidy;
}

export function scopeText(m: MatchText, from: number): string {
  return (textFrom(m, from) ?? '').replace(/^the\s+/i, '').replace(/[\s?!.,;:]+$/, '');
}

export function delay(
  ref: string,
  m: MatchText,
  from: number | undefined,
  statusChange: boolean,
  explain = true,
): Command {
  const { newDate, reason } = readDateAndReason(textFrom(m, from) ?? '', m.today, explain);
  return { kind: 'delay', ref, newDate, reason: tidyComment(reason), statusChange };
}

/** "5(a) will be the 14th now", "4(a) needs another 2 weeks": a delay only when a date (or a time to add) is there. */
export function delayIfDated(ref: string, m: MatchText, from: number | undefined): Command | null {
  const read = delay(ref, m, from, false, false);
  return read.kind === 'delay' && read.newDate && !('error' in read.newDate) ? read : null;
}

/** A sign-off, or a chair's override when the words after the ref say what it is without ("without the audit report because …"). */
export function signOffCommand(ref: string, comment: string | null): Command {
  const { override } = splitSignOffOverride(comment);
  return override ? { kind: 'signOff', ref, comment: null, override } : { kind: 'signOff', ref, comment };
}

export function withStatus(ref: string, status: Status, m: MatchText, from: number | undefined): Command {
  if (status === 'Delayed') return delay(ref, m, from, true);
  if (status === 'Signed off') return signOffCommand(ref, commentFrom(m, from));
  const { comment, evidence } = splitEvidence(commentFrom(m, from));
  return { kind: 'setStatus', ref, status, comment: tidyComment(comment), evidence };
}

/** A reason after a decision: "because (of)", "as", "due to" and "reason:" dropped; a bare "thanks" is no reason. */
function reasonFrom(m: MatchText, from: number | undefined): string | null {
  const text = textFrom(m, from)
    ?.replace(
      /^(?:because(?:\s+of)?|since|cos|coz|bc|as|due to|owing to|(?:the\s+)?reasons?(?:\s+(?:is|was|being))?|why)\b[\s:,-]*/i,
      '',
    )
    .trim();
  if (!text || /^(?:thanks|thank you|thx|ta|cheers|please|pls|plz)[\s.!]*$/i.test(text)) return null;
  return text;
}

const ONE_AT_A_TIME = (ref: string, verb: string): string =>
  `One action at a time, please: ${verb} ${ref}, then send the next one.`;

/** "approve SG-4 and SG-5": the words after the ref start with another ref. */
function anotherRefFollows(m: MatchText, from: number | undefined): boolean {
  if (from === undefined) return false;
  const joiner = ['and', 'or'].includes(m.tokens[from]?.word ?? '') || m.tokens[from]?.word === '';
  const next = m.tokens[joiner ? from + 1 : from];
  return next !== undefined && next.ref !== null;
}

/**
 * "approve SG-4 to 31/01/2027": approving sets the date the owner asked for, so one naming a date of its own
 * is not carried out (it would approve a date the chair did not type); the hint says how to do either.
 */
function namesItsOwnDate(m: MatchText, from: number | undefined, ref: string): Command | null {
  const rest = textFrom(m, from);
  const named = rest ? readDateAndReason(rest, m.today).newDate : null;
  if (!named) return null;
  const date = named.text.replace(/^(?:of|for|on|to|until|till|by)\s+/i, '');
  return unknown(
    m,
    `Approving sets the date the owner asked for, so nothing was changed. To approve it: approve ${ref}. To set ${date} instead: move ${ref} to ${date} because …`,
  );
}

/** "SG-4 approved?", "should SG-4 be signed off?": a question about a decision is never taken as one. */
export function asked(m: MatchText, ref: string, example: string): Command | null {
  return /\?\s*$/.test(m.text) && !REQUEST.test(m.text)
    ? unknown(
        m,
        `That reads as a question, so nothing was decided. To decide, say it plainly, for example: ${example.replace('SG-4', ref)}`,
      )
    : null;
}

export function decideDate(c: Captures, m: MatchText, decision: DateDecision): Command {
  const ref = need(c.ref);
  const question = asked(m, ref, decision === 'approve' ? 'approve the new date for SG-4' : 'decline SG-4 because …');
  if (question) return question;
  if (anotherRefFollows(m, c.rest)) return unknown(m, ONE_AT_A_TIME(ref, decision));
  const ownDate = decision === 'approve' ? namesItsOwnDate(m, c.rest, ref) : null;
  if (ownDate) return ownDate;
  const comment = reasonFrom(m, c.rest);
  // "don't approve SG-4 yet" puts a decision off; it does not decline.
  if (decision === 'decline' && comment && /^(?:just\s+)?(?:yet|for now)[.!]*$/i.test(comment)) {
    return unknown(
      m,
      `Nothing was decided: the new date for ${ref} still waits. To decline it, say: decline ${ref} because …`,
    );
  }
  return { kind: 'decideDate', ref, decision, comment };
}

export function approve(c: Captures, m: MatchText): Command {
  const ref = need(c.ref);
  const question = asked(m, ref, 'approve SG-4');
  if (question) return question;
  if (anotherRefFollows(m, c.rest)) return unknown(m, ONE_AT_A_TIME(ref, 'approve'));
  const ownDate = namesItsOwnDate(m, c.rest, ref);
  if (ownDate) return ownDate;
  return { kind: 'approve', ref, comment: commentFrom(m, c.rest) };
}

export function unknown(m: MatchText, problem: string | null): Command {
  return { kind: 'unknown', text: echo(m.text), problem };
}

/** Captures a rule's patterns always provide; a missing one is a bug in the table, reported as unknown. */
export const need = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('pattern did not capture what its rule needs');
  return value;
};

export function echo(text: string): string {
  const chars = Array.from(text.slice(0, MAX_ECHO * 2));
  return chars.length > MAX_ECHO ? chars.slice(0, MAX_ECHO).join('').trim() : text.trim();
}

/** The one reply to a message over the one limit (see `readableText`), wherever it arrives. */
export const TOO_LONG_REPLY = `That message is too long for me to read: send one short command (up to ${MAX_COMMAND_LENGTH.toLocaleString('en-GB')} characters), for example "help".`;

export function tooLong(raw: string): Command {
  return { kind: 'unknown', text: echo(cleanCommandText(raw.slice(0, MAX_COMMAND_LENGTH))), problem: TOO_LONG_REPLY };
}
