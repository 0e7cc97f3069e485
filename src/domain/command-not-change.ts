import { daysBetween, partsOf } from './calendar';
import type { Command, NamedChange, NotChangeWhy } from './command';
import { monthFromWord, weekdayFromWord } from './month-names';
import type { IsoDate } from './types';
import { readsAsDate } from './uk-date';

/**
 * Messages that name a change in the words of one without making it. Each rule is named, and each reads only the
 * claim (the message without its reason or links); the chat service words the reply and says how to make the change.
 *   promise      "SG-9 done by 31/12", "LAC-8 done in the new year": when it will be done is a plan, not news.
 *   askingLeave  "can I sign off SG-6?", "could I cancel SG-5": asking whether one may is not doing it.
 *   partial      "LAC-5 complete apart from the leaflet", "SG-10 done in principle": part done is not done.
 *   hearsay      "Lynne says SG-7 is complete", "SG-7 done, or so Lynne tells me": someone else's word is not the sender's
 *                news, however it is put (before the change, read again below; after it, found by the guard).
 * Two more keep a question a question: an expectation ("SG-7 should be on track by now") and a question answered
 * no in the same message ("LAC-5 done yet? no, still waiting") offer no change.
 */

/** The change a status or decision command names; null for other kinds (dates, notes, evidence, values). */
export function namedChange(command: Command): NamedChange | null {
  switch (command.kind) {
    case 'setStatus':
      return command.status;
    case 'signOff':
      return command.override ? null : 'Signed off';
    case 'approve':
      return 'approve';
    case 'decideDate':
      return command.decision;
    default:
      return null;
  }
}

const notChange = (command: Command, why: NotChangeWhy, when: IsoDate | null = null): Command | null => {
  const change = namedChange(command);
  return change && 'ref' in command ? { kind: 'notChange', ref: command.ref, why, change, when } : null;
};

/** Rule hearsay, for a change the grammar read with someone else's word around it ("SG-7 done, or so Lynne tells me"). */
export function hearsay(command: Command): Command | null {
  return notChange(command, 'hearsay');
}

/** "can I …", "could we …", "may I …", "is it ok to …", "am I allowed to …", "do I need to …" before the change. */
const ASKING_LEAVE = new RegExp(
  [
    '^(?:(?:so|ok|okay|and|hi|hello|quick question)[,!]?\\s+)?',
    '(?:(?:can|could|may|might|shall|should)\\s+(?:i|we)',
    '|(?:is it|would it be|will it be)\\s+(?:ok|okay|alright|all right|fine|possible)\\s+(?:(?:for|if)\\s+(?:me|us|i|we)\\s+)?(?:to\\s+)?',
    '|(?:am i|are we)\\s+(?:allowed|able|ok|okay|permitted)\\s+to',
    '|do\\s+(?:i|we)\\s+(?:need|have)\\s+to)\\b',
  ].join(''),
  'i',
);

/** Rule askingLeave: a status or decision asked about ("can I sign off SG-6?"), with or without a question mark. */
export function askingLeave(command: Command, text: string): Command | null {
  return ASKING_LEAVE.test(text.trim()) ? notChange(command, 'askingLeave') : null;
}

/** Words that say part is still to do. Waiting for sign-off is how a completed action waits, so it is not one. */
const PARTIAL =
  /\b(?:apart from|except|excepting|other than|bar (?:the|one|a|two|three|some|for)|but for|save for|short of|in principle|pending|subject to|waiting (?:for|on)|awaiting|still (?:to|need|needs|waiting|outstanding|left|to do)|left to do|nearly|almost|mostly|largely|partly|partially|all but|more or less|practically|virtually|not quite|not fully|not all)\b/i;
const WAITING_FOR_SIGN_OFF =
  /\b(?:pending|awaiting|waiting (?:for|on))\s+(?:your\s+|the\s+|a\s+|its\s+|chair'?s?\s+|board\s+)?(?:sign[- ]?off|signoff)\b/gi;

/** Rule partial: a completion said with what is still to do. `claim` is the message without its reason or links. */
export function partial(command: Command, claim: string): Command | null {
  const change = namedChange(command);
  if (change !== 'Complete' && change !== 'Signed off') return null;
  return PARTIAL.test(claim.replace(WAITING_FOR_SIGN_OFF, ' ')) ? notChange(command, 'partial') : null;
}

/** "by 31/12", "in January", "before the end of March": a preposition of time, then the time. */
const WHEN = /^(?:by|before|in|on|until|till|for|around|from|at|during|early|mid|late)\s+(.{1,60})$/i;
/** "the end of January" names its last day; "the end of" alone is kept for the date reader, which knows it. */
const TIME_HEAD = /^(?:the\s+)?(?:(?:end|middle|start|beginning) of\s+)?(?:the\s+)?(?:(?:early|mid|late)\s+)?/i;
/** A date with no year more than half a year away is the one just gone ("done by 20/11" said on 30 Nov). */
const HALF_YEAR = 183;
const YEAR = /\b(?:\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2})\b/;

/** Whether the time named is still to come: `date` is the day it names, null when it names a month only. */
function ahead(time: string, today: IsoDate): { date: IsoDate | null } | null {
  for (const phrase of [time, time.replace(TIME_HEAD, '')]) {
    const date = readsAsDate(phrase, today);
    if (date === null) continue;
    const days = daysBetween(today, date);
    return days > 0 && !(days > HALF_YEAR && !YEAR.test(phrase)) ? { date } : null;
  }
  // A month alone ("by March", "in January") is not a day; it is still to come when it comes within half a year.
  const words = time.replace(TIME_HEAD, '').split(/\s+/);
  const month = words.length === 1 ? monthFromWord(words[0]) : null;
  if (month === null) return null;
  const months = (month - partsOf(today).month + 12) % 12;
  return months >= 1 && months <= 5 ? { date: null } : null;
}

/** Time words that only point forward: "tomorrow", "next week", "in the new year", "in a fortnight", "soon". */
const FUTURE =
  /\b(?:tomorrow|tmrw|tonight|later (?:today|this (?:week|month|year)|on|in the (?:week|month|year))|this (?:afternoon|evening)|next (?:week|month|year|term|quarter|weekend|fortnight|few|couple|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:the )?new year|soon|shortly|in due course|end of (?:the|this) (?:day|week|month|year|term|quarter)|(?:in|within) (?:a|an|one|two|three|four|five|six|\d+|a few|a couple of|the next) (?:days?|weeks?|fortnight|months?)|(?:by|before|after|over) (?:christmas|xmas|easter))\b/i;
/** Time words that point back: a date said with these is when it happened. */
const PAST = /\b(?:last|ago|yesterday|earlier|previous|previously|already)\b/i;

/** "done on Friday" is the Friday just gone (see command-done-on.ts); "by Friday" and "next Friday" are to come. */
const onWeekday = (lead: string) => weekdayFromWord(/^on\s+(\S+)$/i.exec(lead)?.[1] ?? '') !== null;

/** The first clause of the words after the change: the change's own time ("by 31/12"), not a story after a comma. */
const leadOf = (comment: string) => comment.split(/[,;:()]|\.\s|\s[-–—]\s|\b(?:because|as|so|and|but)\b/i)[0].trim();

/**
 * Rule promise: a completion or sign-off with a time still to come. `when` is the day named, when one is (null for
 * "next week", "soon", "by March").
 */
export function promise(command: Command, today: IsoDate): Command | null {
  const change = namedChange(command);
  if (change !== 'Complete' && change !== 'Signed off') return null;
  const lead = leadOf(('comment' in command ? command.comment : null) ?? '').replace(/[.!?]+$/, '');
  if (lead === '' || PAST.test(lead) || onWeekday(lead)) return null;
  const time = WHEN.exec(lead)?.[1];
  const when = time === undefined ? null : ahead(time, today);
  if (when) return notChange(command, 'promise', when.date);
  return FUTURE.test(lead) ? notChange(command, 'promise') : null;
}

/** "should be", "ought to be", "must be", "supposed to be": what ought to be so is not news that it is. */
const EXPECTATION = /\b(?:should|shouldve|ought to|must|supposed to|meant to|expected to|due to be)\b/i;

export function isExpectation(text: string): boolean {
  return EXPECTATION.test(text);
}

/** Rule answered: "LAC-5 done yet? no, still waiting …" — the words after the question answer it, and not yes. */
const ANSWER_NOT_YES =
  /^\s*(?:no|nope|not yet|not really|sadly not|still|waiting|awaiting)\b|\b(?:not|isn'?t|hasn'?t|aren'?t|won'?t|waiting)\b/i;

export function answeredNotYes(text: string): boolean {
  const at = text.indexOf('?');
  return at >= 0 && ANSWER_NOT_YES.test(text.slice(at + 1));
}

/**
 * Words before a change that the grammar has no rule for, and what they make of it: read again without them, the
 * message names the change ("Lynne says SG-7 is complete" → SG-7 complete), which is then not made.
 */
const READ_AGAIN: ReadonlyArray<{ why: NotChangeWhy; words: RegExp; also?: RegExp }> = [
  // "may I sign off SG-6?", "is it ok to cancel SG-5?": read again as the decision itself, without the question mark.
  // "can I say SG-1 is complete?": what they would say is the change asked about.
  {
    why: 'askingLeave',
    words: new RegExp(`${ASKING_LEAVE.source}(?:\\s+(?:say|confirm|report|tell you)(?:\\s+that)?)?`, 'i'),
    also: /\?\s*$/,
  },
  {
    why: 'hearsay',
    words:
      /^(?:(?:so\s+)?apparently|reportedly|allegedly|i'?m told|i was told|i'?ve been told|i hear|i heard|i'?ve heard|word is|rumour is|[\p{L}'’]+\s+(?:says|said|reckons|thinks|tells me|told me|claims|mentioned))\b[,:]?\s+(?:that\s+)?/iu,
  },
  {
    why: 'partial',
    words: /\b(?:nearly|almost|mostly|largely|practically|virtually|all but|more or less|partly|partially|half)\s+/i,
  },
  {
    why: 'promise',
    words:
      /^(?:(?:i'?m|we'?re|i am|we are|i|we)\s+)?(?:hoping|aiming|planning|expecting|intending|trying|hope|aim|plan|expect|intend)\s+to\s+(?:have|get)\s+|\b(?:expected|due|scheduled|planned|set)\s+to\s+be\s+/i,
  },
];

export function readAgain(text: string, parse: (text: string) => Command): Command | null {
  for (const { why, words, also } of READ_AGAIN) {
    if (!words.test(text)) continue;
    const plain = parse(
      text
        .replace(words, ' ')
        .replace(also ?? words, ' ')
        .trim(),
    );
    if (plain.kind === 'notChange') return why === 'promise' || plain.why === why ? plain : { ...plain, why };
    const change = namedChange(plain);
    if (change === null) continue;
    // Only a completion or a sign-off is part done or planned; anyone's status or decision may be hearsay or asked about.
    if ((why === 'partial' || why === 'promise') && change !== 'Complete' && change !== 'Signed off') continue;
    return notChange(plain, why);
  }
  return null;
}
