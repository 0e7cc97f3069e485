/**
 * The tab's JSON API as the server sends it (src/web/tab-api.ts). The plan's and actions' shapes are the
 * server's own (src/domain/read-models.ts), imported as types only: nothing of the server reaches the
 * browser, and a change to a shape fails the tab's type check. Dates are ISO `YYYY-MM-DD`; `at` values are
 * ISO instants.
 */
import type { PersonRef } from '../../src/domain/read-models';
import type { Rag, Role, Status } from '../../src/domain/types';

// The register's statuses and ratings, from the one place they are defined (pure data, no server code).
export { RAGS, STATUSES } from '../../src/domain/types';
export type { Rag, Role, Status };
export type { ActionDetail, ActionTile, MeasureRow, PlanPage, RagWeek } from '../../src/domain/read-models';
export type Person = PersonRef;

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

export type RagCounts = Record<Rag, number>;

export interface ApiError {
  /** `people`: local mode only, with no one named (`?as=`), the demo people the page can be opened as. */
  error: { code: string; message: string; people?: { email: string; name: string }[] };
}
