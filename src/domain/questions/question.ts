import { IsoDate, Rag } from '../types';

/** "This week" reaches back seven days, as the weekly digest does; "this month" to the first of the month. */
export type LookBack = 'week' | 'month';

/** A span of due dates, both ends included. */
export interface DateSpan {
  from: IsoDate;
  to: IsoDate;
  /** How the asker put it, for the answer's title: "this week", "next week", "w/c 7 Dec 2026". */
  label: string;
}

/** A question about the register, answered read-only from what the asker may read. */
export type Question =
  | { kind: 'slipped'; period: LookBack }
  | { kind: 'awaitingSignOff' }
  | { kind: 'summary' }
  | { kind: 'whoOwns'; ref: string }
  /** `date` null: the question named no date the UK date reader could pin down. `inclusive`: "by", not "before". */
  | { kind: 'dueBefore'; date: IsoDate | null; inclusive: boolean; mine: boolean }
  /** `mine`: "what have I got due next week", the asker's own actions only. */
  | { kind: 'dueIn'; span: DateSpan; mine: boolean }
  | { kind: 'changed'; period: LookBack }
  | { kind: 'myPlans' }
  | { kind: 'decisions' }
  /** "which measures are off target?": the performance book's measures off target, worst first. */
  | { kind: 'offTargetMeasures' }
  /** "which actions are red?", "anything amber?": the actions of those RAG colours; `mine`, the asker's own only. */
  | { kind: 'rag'; colours: RagColour[]; mine: boolean };

/** The colours an open action can be (complete and cancelled actions are not asked about by colour). */
export type RagColour = Extract<Rag, 'red' | 'amber' | 'green'>;

export type QuestionKind = Question['kind'];
