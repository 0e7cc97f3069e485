import type { MeasureRow } from '../measure-view';
import type { PeriodProblem } from './period';
import type { LatestWords } from './latest-words';
import { AcronymWarning } from '../plain-english';
import { DigestChanges, DigestTotals } from '../digest';
import { Action, DateRequest, Evidence, IsoDate, Rag, Status } from '../types';
import type { Cancellation } from '../cancellations';

export type { Cancellation };

/** The days a report covers, both included, in the plan's time zone. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

/**
 * A measure as the measures use case lists it (src/use-cases/list-measures.ts on the measures
 * branch): taken as given, since the report only shows it.
 */
export type { MeasureRow };

/**
 * Why no report: `noPlan` is also the answer for a plan the person may not read, so a refusal never tells
 * them it exists; `notPermitted`: they may read it but do not oversee it; `badPeriod`: the dates.
 */
export type ReportRefusal =
  | { kind: 'refused'; code: 'noPlan' }
  | { kind: 'refused'; code: 'notPermitted' }
  | { kind: 'refused'; code: 'badPeriod'; problem: PeriodProblem };

export interface ReportSummary {
  total: number;
  /** The plan at the end of the period. */
  now: DigestTotals;
  /** The plan as the period began (the day before `from`), worked back from the history; null when it had no actions then. */
  atStart: DigestTotals | null;
  /** `now` minus `atStart`. */
  change: DigestChanges | null;
}

export interface Highlight {
  action: Action;
  /** What the action reached in the period: the latest of Complete and Signed off. */
  reached: Extract<Status, 'Complete' | 'Signed off'>;
  at: string;
  by: string;
  evidence: readonly Evidence[];
  /** What was said with it: for a sign-off without evidence, what it went without and why. */
  comment: string | null;
  /** For a completion, the day it was done when its owner said one before the day they said so; else null. */
  doneOn: IsoDate | null;
}

export type ChallengeKind = 'overdue' | 'delayed' | 'atRisk';

export interface Challenge {
  action: Action;
  kind: ChallengeKind;
  due: IsoDate | null;
  daysOverdue: number;
  /** The most recent words anyone gave about it by the end of the period, or null if none. */
  words: LatestWords | null;
}

/** One move of a due date made in the period. */
export interface Slip {
  action: Action;
  /** The date first set for the action. */
  original: IsoDate | null;
  /** The due date just before this move. */
  from: IsoDate | null;
  to: IsoDate;
  reason: string | null;
  at: string;
  by: string;
}

export interface PlanRow {
  action: Action;
  due: IsoDate | null;
  rag: Rag;
  daysOverdue: number;
}

export interface ThemeGroup {
  theme: string;
  rows: PlanRow[];
}

export interface AwaitingRow {
  action: Action;
  completedAt: string | null;
  /** The day it was done: the day said with the completion, else the plan's day of completedAt (see completed-on.ts). */
  completedOn: IsoDate | null;
  daysWaiting: number | null;
  evidence: readonly Evidence[];
  /** The items of evidence the board expects that have none linked yet. */
  missing: readonly string[];
}

/** A new date an owner asked for, waiting for a chair's or an executive's decision: until then `due` stands. */
export interface NewDateRow extends DateRequest {
  action: Action;
  due: IsoDate | null;
}

/** Measures not recorded yet (the input was absent), or the rows given. */
export type Performance = { recorded: false } | { recorded: true; rows: readonly MeasureRow[] };

export interface GlossaryLine {
  term: string;
  meaning: string;
}

export interface ReportGlossary {
  /** Every acronym the report uses that the plan's glossary (or the report's own) explains. */
  entries: GlossaryLine[];
  /** Acronyms the report uses with no meaning anywhere: warned about when the report is made. */
  warnings: AcronymWarning[];
}

export interface CommitteeReport {
  plan: { id: string; title: string; sourceDocument: string | null; baselineDate: IsoDate; timeZone: string };
  period: ReportPeriod;
  /** When the report was made (ISO instant). */
  madeAt: string;
  /** Whether `from` is the date of the last report (else the baseline, or a date given). */
  since: 'lastReport' | 'baseline' | 'given';
  summary: ReportSummary;
  highlights: Highlight[];
  challenges: Challenge[];
  slippage: Slip[];
  cancelled: Cancellation[];
  planOnAPage: ThemeGroup[];
  performance: Performance;
  awaiting: AwaitingRow[];
  /** New dates asked for and not yet decided at the end of the period. */
  newDates: NewDateRow[];
  glossary: ReportGlossary;
  /** Every action, by reference. */
  appendix: PlanRow[];
  /** Names of the people the report mentions, by email, where known. */
  names: Readonly<Record<string, string>>;
}
