/** A calendar date with no time, as `YYYY-MM-DD`. */
export type IsoDate = string;

export const STATUSES = [
  'Not started',
  'On track',
  'At risk',
  'Delayed',
  'Complete',
  'Signed off',
  'Cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

export const RAGS = ['red', 'amber', 'green', 'complete', 'cancelled'] as const;
export type Rag = (typeof RAGS)[number];

export const ROLES = ['admin', 'chair', 'executive', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const VIAS = ['chat', 'card', 'import', 'job', 'cli'] as const;
export type Via = (typeof VIAS)[number];

export interface Plan {
  id: string;
  title: string;
  sourceDocument: string | null;
  baselineDate: IsoDate;
  timeZone: string;
  /** Cron expressions for this plan's weekly jobs; null means the deployment's defaults. */
  remindSchedule: string | null;
  digestSchedule: string | null;
  separationOfDuties: SeparationOfDuties;
  /** Weeks an action may sit complete but not signed off before the digest escalates it; absent means the default (4). */
  limboWeeks?: number;
}

/**
 * Whether the owner of an action is kept from signing it off or deciding its
 * dates. On unless a tiny team has turned it off; who last set it, and when.
 */
export interface SeparationOfDuties {
  enforced: boolean;
  setBy: string | null;
  /** An ISO instant. */
  setAt: string | null;
}

export interface Owner {
  /** Lower-cased email or user principal name; the key that links a Teams user to their actions. */
  email: string;
  displayName: string | null;
  /** Entra (Azure AD) object id, once the person has talked to the bot. */
  aadObjectId: string | null;
}

export const MEASURE_UNITS = ['%', 'number', 'yes/no', 'date'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];
export const DIRECTIONS = ['higher', 'lower'] as const;
/** Whether a higher or a lower value is better. */
export type Direction = (typeof DIRECTIONS)[number];
export const FREQUENCIES = ['monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A number for %, number and yes/no (1 is yes, 0 is no); an ISO date for a date measure. */
export type MeasureValue = number | IsoDate;

/** What makes a measure quantifiable: its unit, where it started, where it should get to and by when. */
export interface MeasureDefinition {
  unit: MeasureUnit;
  baseline: { value: MeasureValue; date: IsoDate | null } | null;
  target: { value: MeasureValue; by: IsoDate | null } | null;
  direction: Direction;
  frequency: Frequency;
}

/**
 * How success is measured. `target` and `latest` are text as earlier versions kept them (free text that
 * nobody could update); `latest` now also shows the newest value recorded. `definition` is null for such
 * a free-text measure; the series of values is stored as rows of its own (src/store/measure-rows.ts).
 */
export interface Measure {
  indicator: string;
  target: string | null;
  latest: string | null;
  definition?: MeasureDefinition | null;
}

/** An action has at most this many measures: each is a handful of properties, and a council names a few. */
export const MAX_MEASURES = 10;

/** One value of a measure: for one period (`2026-10`, or a quarter `2026-Q3`), who gave it, how and why. */
export interface RecordedValue {
  /** Which of the action's measures it is a value of, by position from 1 ("measure 2"), as councils number them. */
  measure: number;
  period: string;
  value: MeasureValue;
  by: string;
  via: Via;
  /** An ISO instant. */
  at: string;
  note: string | null;
}

export interface Evidence {
  url: string | null;
  note: string;
  addedBy: string;
  addedAt: string;
  /** The required item of evidence (as the plan names it) this supports; absent or null for evidence linked to none. */
  item?: string | null;
}

export interface Update {
  text: string;
  by: string;
  at: string;
}

/** An owner's request to move the due date, waiting for a chair or an executive. */
export interface DateRequest {
  date: IsoDate;
  reason: string;
  by: string;
  at: string;
}

export interface Action {
  planId: string;
  ref: string;
  theme: string;
  title: string;
  timescale: string;
  originalDueDate: IsoDate | null;
  revisedDueDate: IsoDate | null;
  revisionReason: string | null;
  /** How many times the due date has been moved. */
  revisionCount: number;
  owner: Owner | null;
  agency: string;
  status: Status;
  /** Its measures, in the plan's order (empty when none); "measure 2" is the second. */
  measures: Measure[];
  evidence: Evidence[];
  latestUpdate: Update | null;
  /** Until approved, the current due date stands. */
  dateRequest: DateRequest | null;
  /** The items of evidence the board expects before sign-off ("Audit report"); absent or empty when none are named. */
  evidenceRequired?: string[];
  /** When the evidence will be presented; absent or null when not set. */
  evidenceDue?: IsoDate | null;
  /**
   * Where the plan's file put it (1 for its first action), as the latest import that named it said: a council's order
   * is meaningful ("1.2" before "1.10", "Rec 4(ii)" before "A.2.1"). Absent for actions saved before it was kept.
   */
  position?: number;
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface HistoryEntry {
  planId: string;
  ref: string;
  /** An ISO instant. */
  at: string;
  by: string;
  via: Via;
  changes: FieldChange[];
  comment: string | null;
}
