import { SignOffOverride } from './command-evidence';
import { IsoDate, Status } from './types';

/** What a person asked for in chat, after the grammar has read it. */
export type Command =
  | { kind: 'help' }
  | { kind: 'myActions'; which: 'all' | 'overdue' | 'dueSoon' }
  /** "what's overdue", optionally "for health" / "for Megan Bowen" (agency or owner) or "in safeguarding" (theme). */
  | { kind: 'overdue'; scope: OverdueScope | null }
  /** `offer`: the change a question named ("6a done?"), offered with Yes and No after the answer. */
  | { kind: 'show'; ref: string; offer?: Status }
  | { kind: 'history'; ref: string }
  /**
   * "SG-4 done", "mark SG-4 complete", "SG-4 on track", "SG-4 at risk: waiting for IT".
   * `evidence` is what followed "evidence:" or a link typed with it ("6(a) done - evidence: https://…").
   */
  | {
      kind: 'setStatus';
      ref: string;
      status: Exclude<Status, 'Delayed' | 'Signed off'>;
      comment: string | null;
      evidence: string | null;
      /** The day a completion says it was done, before today ("SG-9 done last Friday"); absent when none is said. */
      completedOn?: IsoDate;
    }
  /** "SG-4 red": red is delayed or at risk, so the bot asks which (keeping any reason given). */
  | { kind: 'askRed'; ref: string; comment: string | null }
  /**
   * "SG-4 delayed to 30/09/2026 because supplier problems", "move SG-4 to end of October".
   * A missing date or reason is asked for afterwards, one question at a time.
   */
  | {
      kind: 'delay';
      ref: string;
      newDate: DateAnswer | null;
      reason: string | null;
      statusChange: boolean;
      /** "running about two weeks late": how late, offered as a new date to confirm, never recorded as one. */
      roughly?: { count: number; unit: 'day' | 'week' | 'month' };
    }
  | { kind: 'evidence'; ref: string; text: string }
  /**
   * "6(a) measure 42", "measure 6(a) 76%", "6(a) is at 18 audits this month": a value of the action's measure.
   * `value` and `period` are as typed (null: the current period); the use case reads them against the measure's unit.
   */
  | {
      kind: 'measureValue';
      ref: string;
      value: string;
      period: string | null;
      note: string | null;
      /** Which of the action's measures ("SG-1 measure 2 88%"), from 1; absent when not said. */
      measure?: number;
    }
  /** "measures", "performance book": the plan's measures, worst first. */
  | { kind: 'measures' }
  | { kind: 'note'; ref: string; text: string }
  /** `override`: "sign off 6(a) without the audit report because …", a chair signing off without evidence still missing. */
  | { kind: 'signOff'; ref: string; comment: string | null; override?: SignOffOverride }
  /**
   * "approve SG-4": approves whatever is waiting on the action for a chair's
   * decision, which only the register knows: the new date its owner asked
   * for, or else (for a completed action) its sign-off.
   */
  | { kind: 'approve'; ref: string; comment: string | null }
  /**
   * "approve the new date for SG-4", "decline SG-4 because the inspection date is fixed":
   * a decision on the new date an owner asked for. `comment` is the reason given, if any.
   */
  | { kind: 'decideDate'; ref: string; decision: DateDecision; comment: string | null }
  /** "decisions", "dates to decide": what is waiting for a chair's or an executive's decision. */
  | { kind: 'decisions' }
  /** "use plan ofsted-2011 here": binds the current conversation to a plan (admins). */
  | { kind: 'bindPlan'; planId: string }
  /** "cancel", "no, cancel that"; `named`: the action named ("undo that, LAC-7 is not done"), for the reply's example. */
  | { kind: 'cancel'; named?: string }
  /** "thanks", "morning!", "👍": a pleasantry, answered in kind. */
  | { kind: 'smallTalk'; thanks: boolean }
  /**
   * A message in the words of a change that does not make it (see command-not-change.ts): a plan ("SG-9 done by
   * 31/12"; `when`, the day it names, if one), a question whether one may ("can I sign off SG-6?"), or a part done
   * ("LAC-5 complete apart from the leaflet"), or someone else's word ("Lynne says SG-7 is complete"), or lateness
   * said unsurely ("SG-13 won't make its date, probably end of May"), or a bare number that may count ("7 done by 3
   * staff"), or a part of an action finished ("finished the protocol for A.2.1 on 27/11"; `note`, the words to keep as
   * a note), or a month for the day done ("SG-9 done back in October"; `when`, a day in that month). Nothing changes;
   * the reply says why, and how to make the change.
   */
  | { kind: 'notChange'; ref: string; why: NotChangeWhy; change: NamedChange; when: IsoDate | null; note?: string }
  /**
   * `valueGuess`: "SG-8 17", "SG-7: no" may be a value for the action's measure; only the action knows whether its
   * measure can take one, so the chat says how to send it, or else what else the words could mean.
   */
  | { kind: 'unknown'; text: string; problem: string | null; valueGuess?: { ref: string; value: string } };

export type DateDecision = 'approve' | 'decline';

/** Why a message naming a change did not make it. */
export type NotChangeWhy = 'promise' | 'askingLeave' | 'partial' | 'hearsay' | 'unsure' | 'tally' | 'partOf' | 'month';

/**
 * The change a message named: a status (a sign-off is 'Signed off'), a decision on a new date or what waits, or a
 * new date ("SG-13 won't make its date, probably end of May").
 */
export type NamedChange = Exclude<Status, 'Delayed'> | DateDecision | 'newDate';

export type OverdueScope = { kind: 'for'; text: string } | { kind: 'in'; text: string };

/**
 * A date as typed, with what the UK date parser made of it (ok, or why not), or a time added to the
 * action's current due date ("needs another 2 weeks"), which only the register knows.
 */
export type DateAnswer =
  | { text: string; date: IsoDate }
  | { text: string; error: string }
  | { text: string; later: { count: number; unit: 'day' | 'week' | 'month' } };
