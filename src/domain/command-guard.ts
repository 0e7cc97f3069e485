import type { Command } from './command';
import { hedgeIn, isUnsure } from './command-hedge';
import { answeredNotYes, askingLeave, hearsay, isExpectation, partial, promise } from './command-not-change';
import { LATE_NEGATION } from './command-lateness';
import type { Token } from './command-text';
import { monthFromWord } from './month-names';
import { resolveRef } from './ref-match';
import type { IsoDate, Status } from './types';

/**
 * Safety before coverage: a message that is not plainly a request for a change never changes
 * anything. Questions are answered (the action is shown, or its history); negations, reported
 * speech, conditionals, hypotheticals and complaints change nothing and say so.
 */

const CHANGES: ReadonlySet<Command['kind']> = new Set([
  'setStatus',
  'delay',
  'evidence',
  'note',
  'signOff',
  'approve',
  'decideDate',
  'askRed',
  'measureValue',
]);

/** "can you mark…", "could we move…", "can I have another 3 weeks?": a request phrased as a question. */
export const REQUEST =
  /\b(?:can|could|would|will)\s+(?:you|u|we|i)\s+(?:please\s+|pls\s+|just\s+)?(?:mark|put|set|change|move|push|have|say|sign|update|record|add|use|make|cancel|approve|decline|log|note|extend|delay|reschedule|bind|link|connect)\b/i;
/** "Can I update 3.2 for last month or only this month?": asking whether one may, not asking for a note. */
const ASKING_LEAVE =
  /\b(?:can|could|may)\s+(?:i|we)\s+(?:just\s+|still\s+)?(?:update|record|log|add|note|put|change)\b/i;
const QUESTION_START =
  /^(?:is|are|has|have|was|were|did|does|should|shall|how|why|when|who|whose|what|whats|which|where|anyone|any)\b/i;
/** Questions about an action's past: answered from its history. */
const HISTORY_QUESTION =
  /^(?:when|who)\b.{0,80}?\b(?:changed?|marked|moved|updated|set|signed|closed)\b|\bhow many times\b/i;
/** Questions about who owns an action are the questions module's to answer. */
const OWNER_QUESTION = /\b(?:who|whose|owner|owns|responsible|lead for|chase)\b/i;

const NEGATION =
  /\b(?:don'?t|do not|does not|doesn'?t|isn'?t|is not|not|no need|hold off|shouldn'?t|should not|never|won'?t|aren'?t|wasn'?t|hasn'?t|haven'?t)\b/i;
const REPORTED =
  /\b(?:says|said|told me|tells me|telling me|reckons?|thinks?|think|heard|apparently|according to|claims?|letter says|make sure|cc|i marked|i set|i put|i updated)\b/i;
const CONDITIONAL =
  /\b(?:if(?! (?:needed|necessary|required))|once|unless|assuming|suppos(?:e|ing)|hypothetically|in theory|would|might|whether|say i)\b|^should\b/i;
/** Someone else's word after the change: "SG-7 done, or so Lynne tells me", "SG-10 is done apparently". */
const HEARSAY =
  /\b(?:or so|according to|apparently|reportedly|i'?m told|i was told|i'?ve been told|i hear|i heard|i'?ve heard|(?:tells|told|telling) me|word is|so they say)\b/i;
const COMPLAINT =
  /\b(?:as if|my foot|ridiculous|unacceptable|honestly|keeps? (?:saying|getting|sending)|story of|lol)\b/i;

/**
 * Where a clause ends after the ref: "1a at risk, 9 schools haven't booked" — only "1a at risk" says what to do.
 * A reason ("… because the board heard from carers") explains the change; it does not make it reported speech.
 */
function headOf(text: string, refEnd: number): string {
  const rest = text.slice(refEnd);
  const stop = /\s[-–—]\s|[,;:.!?](?:\s|$)|\s(?:because|cos|coz)\b/i.exec(rest);
  return text.slice(0, refEnd + (stop ? stop.index : rest.length));
}

/** A link's words ("…/not-started.pdf", "…/tracker.xlsx?web=1") say nothing about the message. */
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/gi, ' ');

/** The message without its reason, and without links. */
const claimOf = (text: string) => withoutLinks(text).split(/\b(?:because|cos|coz)\b/i)[0];

function refToken(tokens: readonly Token[], ref: string): Token | undefined {
  return tokens.find((t) => t.ref !== null && ref.endsWith(t.ref)) ?? tokens.find((t) => t.ref !== null);
}

function inDate(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.word ?? '';
  return (
    monthFromWord(next) !== null ||
    /^(?:days?|weeks?|months?|years?)$/.test(next) ||
    /^(?:w\/c|wc|last|next|the)$/.test(tokens[i - 1]?.word ?? '')
  );
}

const nothing = (text: string, problem: string): Command => ({ kind: 'unknown', text, problem });

/**
 * The change a question named, to offer after the answer ("6a done?" → mark complete?). What ought to be so
 * ("SG-7 should be on track by now") and a question answered no ("LAC-5 done yet? no, still waiting") offer nothing.
 */
function offerOf(command: Command, text: string): { offer: Status } | Record<string, never> {
  if (isExpectation(text) || answeredNotYes(text)) return {};
  if (command.kind === 'setStatus') return { offer: command.status };
  return command.kind === 'signOff' ? { offer: 'Signed off' } : {};
}

/**
 * An unsure change ("SG-8 complete maybe") is answered like the question it is: the action, with the change
 * offered; a date or a decision said unsurely is left, and the person told why.
 */
export function unsure(command: Command, text: string, echo: string): Command {
  const ref = 'ref' in command ? command.ref : '';
  const offer = offerOf(command, text);
  if ('offer' in offer) return { kind: 'show', ref, ...offer };
  if (isExpectation(text) && (command.kind === 'setStatus' || command.kind === 'signOff')) return { kind: 'show', ref };
  const hedge = hedgeIn(text);
  return nothing(
    echo,
    `I’ve left ${ref} as it is: ${hedge ? `“${hedge}” sounds` : 'that sounds'} unsure. When you’re sure, send it again without that.`,
  );
}

export function isChange(command: Command): boolean {
  return CHANGES.has(command.kind);
}

/** The command to act on: the grammar's reading, unless the message is not plainly asking for that change. */
export function guard(command: Command, text: string, tokens: readonly Token[], echo: string, today: IsoDate): Command {
  // "14 Jan", "the last 7 days": a number in a date or a span is not a reference to answer about.
  const refs = tokens.filter((t, i) => t.ref !== null && !(/^\d+$/.test(t.ref) && inDate(tokens, i)));
  const question =
    (/\?/.test(withoutLinks(text)) || QUESTION_START.test(text)) &&
    (!REQUEST.test(text) || (command.kind === 'note' && ASKING_LEAVE.test(text) && /\?\s*$/.test(text)));
  if (!isChange(command)) {
    // "is IP-2 complete", "rec 4b overdue?": a question about one action is answered with the action.
    const one = refs.length === 1 && refs[0].ref;
    if (command.kind !== 'unknown' || command.problem !== null || !question || !one) return command;
    if (HISTORY_QUESTION.test(text)) return { kind: 'history', ref: one };
    return OWNER_QUESTION.test(text) ? command : { kind: 'show', ref: one };
  }
  const ref = 'ref' in command ? command.ref : '';
  const leave = askingLeave(command, text);
  if (leave) return leave;
  if (question)
    return HISTORY_QUESTION.test(text) ? { kind: 'history', ref } : { kind: 'show', ref, ...offerOf(command, text) };
  const at = refToken(tokens, ref);
  // "not started" is a status; "won't make its date" says it will be late.
  const head = claimOf(headOf(text, at?.end ?? text.length))
    .replace(/\bnot (?:yet )?started\b/gi, '')
    .replace(command.kind === 'delay' ? LATE_NEGATION : /$^/, '');
  const before = text.slice(0, at?.start ?? 0);
  const declining = command.kind === 'decideDate' && command.decision === 'decline';
  if (!declining && NEGATION.test(head)) return nothing(echo, `OK, I’ve left ${ref} as it is.`);
  const after = claimOf(text.slice(at?.end ?? 0));
  if (REPORTED.test(before) || /\b(?:heard|says|said)\b/i.test(head) || HEARSAY.test(after)) {
    // A status or decision is answered as hearsay said before it is ("Lynne says SG-7 is complete"): one reply, by role.
    return (
      hearsay(command) ??
      nothing(
        echo,
        `I’ve left ${ref} as it is: that reads as what someone else said. Its owner can update it, for example: ${ref} done.`,
      )
    );
  }
  const notNews = promise(command, today) ?? partial(command, after);
  if (notNews) return notNews;
  if (CONDITIONAL.test(claimOf(text)))
    return nothing(
      echo,
      `I’ve left ${ref} as it is: that reads as “if”, not as a change. When it happens, tell me plainly, for example: ${ref} done.`,
    );
  if (COMPLAINT.test(claimOf(text)))
    return nothing(echo, `I’ve left ${ref} as it is. To see where it stands: show ${ref}.`);
  return isUnsure(command, text) ? unsure(command, text, echo) : command;
}

/** Whether the command is about the action `ref` (as the plan writes it). */
export function namesAction(command: Command, ref: string): boolean {
  return 'ref' in command && resolveRef(command.ref, [ref]).kind === 'one';
}
