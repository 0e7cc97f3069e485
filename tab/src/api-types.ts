/**
 * The tab's JSON API as the server sends it (src/web/tab-api.ts; the shapes are made in
 * src/domain/plan-on-a-page.ts). Dates are ISO `YYYY-MM-DD`; `at` values are ISO instants.
 */
import type { Rag, Role, Status } from '../../src/domain/types';

// The register's statuses and ratings, from the one place they are defined (pure data, no server code).
export { RAGS, STATUSES } from '../../src/domain/types';
export type { Rag, Role, Status };

export interface Person {
  email: string;
  displayName: string;
}

export interface Me {
  person: Person;
  /** `mayMakeReport`: whether the person may make the plan's committee report (chairs, executives, administrators). */
  plans: { id: string; title: string; roles: Role[]; mayMakeReport: boolean }[];
}

export type ReportFormat = 'docx' | 'html';

/** A short-lived link to the committee report, signed for the person: it works without the tab's sign-in. */
export interface ReportLink {
  url: string;
  minutes: number;
}

export interface ActionTile {
  ref: string;
  title: string;
  theme: string;
  agency: string | null;
  owner: Person | null;
  status: Status;
  rag: Rag;
  dueDate: string | null;
  originalDueDate: string | null;
  slipped: boolean;
  overdue: boolean;
  daysOverdue: number;
  awaitingSignOff: boolean;
}

export type RagCounts = Record<Rag, number>;

export interface RagWeek extends RagCounts {
  weekStarting: string;
}

export interface MeasureRow {
  ref: string;
  /** Which of the action's measures, from 1, and how many it has. */
  measure: number;
  of: number;
  indicator: string;
  unit: string | null;
  target: number | string | null;
  targetDate: string | null;
  direction: string | null;
  frequency: string | null;
  latest: { value: number | string; period: string } | null;
  status: 'on-target' | 'off-target' | 'no-data' | 'overdue';
  trend: 'improving' | 'worsening' | 'flat' | null;
  values: { period: string; value: number | string }[];
}

export interface PlanPage {
  plan: { id: string; title: string; baselineDate: string };
  today: string;
  counts: { byRag: RagCounts; byStatus: Partial<Record<Status, number>> };
  themes: { name: string; actions: ActionTile[] }[];
  filters: { agencies: string[]; owners: Person[] };
  ragByWeek: RagWeek[];
  measures: MeasureRow[] | null;
}

export interface ActionDetail extends ActionTile {
  timescale: string | null;
  revisionReason: string | null;
  revisionCount: number;
  dateRequest: { date: string; reason: string; by: string; at: string } | null;
  latestUpdate: { text: string; by: string; at: string } | null;
  /** `words`: what the person said with it, without its link; `note` as stored (it may hold the link too). */
  evidence: {
    url: string | null;
    note: string | null;
    words: string | null;
    addedBy: string;
    addedAt: string;
    item: string | null;
  }[];
  /** The items of evidence the board expects before sign-off, each with whether it has been given. */
  evidenceRequired: { item: string; given: boolean }[];
  evidenceDue: string | null;
  history: { at: string; by: string; via: string; lines: string[] }[];
  measures: MeasureRow[] | null;
}

export interface ApiError {
  error: { code: string; message: string };
}
