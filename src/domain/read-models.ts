import type { Direction, Frequency, HistoryEntry, IsoDate, MeasureUnit, MeasureValue, Rag, Status } from './types';

/**
 * What readers are shown, as data: the plan on a page, one action in full and a measure's row, which the tab's
 * JSON API sends as they are (src/web/tab-api.ts; made by plan-on-a-page.ts and measure-view.ts). Types only,
 * importing nothing but types.ts, so the tab (a browser app) checks itself against these same shapes without
 * reaching the domain modules that load Node-only code (working-days.ts requires date-holidays).
 */

export type MeasureStatus = 'on-target' | 'off-target' | 'no-data' | 'overdue';
export type Trend = 'improving' | 'worsening' | 'flat';

/**
 * One measure as every reader shows it (chat, the tab, the committee report, the export, the digest):
 * the shape the tab's JSON API sends (src/web/tab-api.ts). A free-text measure from earlier versions
 * has no unit, target, direction or frequency, and no data.
 */
export interface MeasureRow {
  ref: string;
  /** Which of the action's measures, from 1, and how many it has: "SG-1 (2 of 2)" when more than one. */
  measure: number;
  of: number;
  indicator: string;
  unit: MeasureUnit | null;
  target: MeasureValue | null;
  targetDate: IsoDate | null;
  direction: Direction | null;
  frequency: Frequency | null;
  latest: { value: MeasureValue; period: string } | null;
  status: MeasureStatus;
  trend: Trend | null;
  /** Oldest period first. */
  values: { period: string; value: MeasureValue }[];
}

/** How many actions stood at each RAG at the end of a week (today, for the week in progress). */
export type RagWeek = { weekStarting: IsoDate } & Record<Rag, number>;

export interface PersonRef {
  email: string;
  displayName: string;
}

export interface ActionTile {
  ref: string;
  title: string;
  theme: string;
  agency: string;
  owner: PersonRef | null;
  status: Status;
  rag: Rag;
  /** The current due date: the revised one once moved. */
  dueDate: IsoDate | null;
  originalDueDate: IsoDate | null;
  slipped: boolean;
  overdue: boolean;
  daysOverdue: number;
  /** Complete, not yet signed off. */
  awaitingSignOff: boolean;
  /** A new date the owner has asked for, waiting for a decision (the due date stands until then). */
  requestedDueDate: IsoDate | null;
}

export interface PlanPage {
  plan: { id: string; title: string; baselineDate: IsoDate };
  today: IsoDate;
  counts: { byRag: Record<Rag, number>; byStatus: Record<Status, number> };
  themes: { name: string; actions: ActionTile[] }[];
  filters: { agencies: string[]; owners: PersonRef[] };
  ragByWeek: RagWeek[];
  measures: MeasureRow[] | null;
}

export interface HistoryItem {
  at: string;
  /** The person by name, or null for the import or a job. */
  by: string | null;
  via: HistoryEntry['via'];
  lines: string[];
}

export interface ActionDetail extends ActionTile {
  timescale: string;
  revisionReason: string | null;
  revisionCount: number;
  dateRequest: { date: IsoDate; reason: string; by: string; at: string } | null;
  latestUpdate: { text: string; by: string; at: string } | null;
  /** `words`: what the person said with it, without its link (see evidence-shown.ts); `note` as stored. */
  evidence: {
    url: string | null;
    note: string;
    words: string | null;
    addedBy: string;
    addedAt: string;
    item: string | null;
  }[];
  /** The items of evidence the board expects before sign-off, each with whether it has been given. */
  evidenceRequired: { item: string; given: boolean }[];
  /** When the required evidence is to be presented. */
  evidenceDue: IsoDate | null;
  /** Newest first. */
  history: HistoryItem[];
  measures: MeasureRow[] | null;
}
