import { DEFAULT_LIMBO_WEEKS, evidenceOverdue, EvidenceOverdueItem, inLimbo, LimboItem } from './limbo';
import { UnreachableOwner } from './reach';
import { Cancellation, cancellations } from './cancellations';
import { lastCompletion, statedDoneOn } from './completed-on';
import { daysBetween, localDateOf } from './calendar';
import { currentDueDate, daysOverdue, isOverdue, ragOf } from './rag';
import { compareRefs, refKey } from './ref';
import { isDone, isStatus } from './status';
import { Action, HistoryEntry, IsoDate, Rag, RAGS, Status, STATUSES } from './types';

export type { UnreachableOwner } from './reach';

/** The figures a digest is built on; stored so next week's digest can say what changed. */
export interface DigestTotals {
  byStatus: Record<Status, number>;
  byRag: Record<Rag, number>;
  overdue: number;
  total: number;
}

/** This week's totals minus last week's (positive: more than last week). */
export type DigestChanges = DigestTotals;

export interface DigestInput {
  planTitle: string;
  actions: readonly Action[];
  /** All of the plan's history, in any order. */
  history: readonly HistoryEntry[];
  /** The totals from last week's digest; null for the first digest. */
  previous: DigestTotals | null;
  unreachable: readonly UnreachableOwner[];
  today: IsoDate;
  /** The first day of the week being reported on (today − 7). */
  weekStart: IsoDate;
  /** Where the plan is run, which decides the day a change was made on (default UK_TIME_ZONE). */
  timeZone?: string;
  /** The plan's limbo setting: weeks complete without sign-off before escalation (default 4). */
  limboWeeks?: number;
}

export interface NewlyOverdueItem {
  action: Action;
  dueDate: IsoDate;
  daysOverdue: number;
}

export interface SlippedItem {
  action: Action;
  /** The due date before this week's first move: the previous revised date, else the original date. */
  from: IsoDate | null;
  /** The revised due date after this week's last move. */
  to: IsoDate;
  reason: string | null;
  /** How many times the date was moved this week. */
  moves: number;
  /** When the last move was made (ISO instant). */
  at: string;
  by: string;
}

export interface CompletedItem {
  action: Action;
  /** The status reached: Complete or Signed off. */
  status: Status;
  /** When (ISO instant) it was marked complete or signed off this week; the latest such change. */
  at: string;
  by: string;
  /** What was said with the change, as the committee report shows it: for a chair's override, what it went without and why. */
  comment: string | null;
  /** The day it was done, when its owner said one before the day they said so (see completed-on.ts); else null. */
  doneOn: IsoDate | null;
}

export interface AwaitingSignOffItem {
  action: Action;
  /** When it was last marked Complete (ISO instant), or null when history does not say. */
  completedAt: string | null;
  /** The day it was done: the day said with the completion, else the plan's day of completedAt; null when unknown. */
  completedOn: IsoDate | null;
  /** Whole days since completedOn; null when unknown. */
  daysWaiting: number | null;
}

export interface SlippedRepeatedlyItem {
  action: Action;
  revisions: number;
  dueDate: IsoDate | null;
}

export interface Digest {
  planTitle: string;
  today: IsoDate;
  weekStart: IsoDate;
  totals: DigestTotals;
  /** Differences from last week's totals; null when there is no earlier digest. */
  changes: DigestChanges | null;
  /** Overdue today and due in [weekStart, today): went overdue this week. Most overdue first. */
  newlyOverdue: NewlyOverdueItem[];
  /** Revised due date set or changed this week (not when the action was created). In reference order. */
  slippedThisWeek: SlippedItem[];
  /** Marked Complete or Signed off this week (not when created) and still so. In reference order. */
  completedThisWeek: CompletedItem[];
  /** Cancelled this week and still cancelled, with who, when and why. In reference order. */
  cancelledThisWeek: Cancellation[];
  /** Status Complete: waiting longest first; waits history cannot date come first, being older than history. */
  awaitingSignOff: AwaitingSignOffItem[];
  /** Due date moved two or more times: most moves first. */
  slippedRepeatedly: SlippedRepeatedlyItem[];
  /** Owners the bot cannot reach, by name. */
  unreachable: UnreachableOwner[];
  /** Complete but not signed off for longer than the plan's limbo weeks, with the evidence still missing. */
  limbo: LimboItem[];
  /** Evidence due before today and not all given. */
  evidenceOverdue: EvidenceOverdueItem[];
}

function zeroStatuses(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

function zeroRags(): Record<Rag, number> {
  return Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
}

export function digestTotals(actions: readonly Action[], today: IsoDate): DigestTotals {
  const totals: DigestTotals = { byStatus: zeroStatuses(), byRag: zeroRags(), overdue: 0, total: actions.length };
  for (const action of actions) {
    totals.byStatus[action.status] += 1;
    totals.byRag[ragOf(action, today)] += 1;
    if (isOverdue(action, today)) totals.overdue += 1;
  }
  return totals;
}

/**
 * This week minus last week. Last week's totals come from storage and may be
 * from an older version with fewer keys: a missing figure counts as 0.
 */
export function digestChanges(current: DigestTotals, previous: DigestTotals | null): DigestChanges | null {
  if (!previous) return null;
  const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
  const byStatus = zeroStatuses();
  for (const s of STATUSES) byStatus[s] = current.byStatus[s] - num(previous.byStatus?.[s]);
  const byRag = zeroRags();
  for (const r of RAGS) byRag[r] = current.byRag[r] - num(previous.byRag?.[r]);
  return {
    byStatus,
    byRag,
    overdue: current.overdue - num(previous.overdue),
    total: current.total - num(previous.total),
  };
}

const byTime = (a: HistoryEntry, b: HistoryEntry) => {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  return Number.isFinite(ta) && Number.isFinite(tb) ? ta - tb : a.at.localeCompare(b.at);
};

const change = (entry: HistoryEntry, field: string) => entry.changes.find((c) => c.field === field);

/** The entry that created the action (every action has a status, so only creation sets it from nothing). */
const isCreation = (entry: HistoryEntry) => entry.changes.some((c) => c.field === 'status' && c.from === null);

/** Entries made this week that changed an existing action. */
const thisWeek = (entries: readonly HistoryEntry[], weekStart: IsoDate, timeZone?: string) =>
  entries.filter((e) => {
    const date = localDateOf(e.at, timeZone);
    return date !== null && date >= weekStart && !isCreation(e);
  });

function slipOf(
  action: Action,
  entries: readonly HistoryEntry[],
  weekStart: IsoDate,
  timeZone?: string,
): SlippedItem | null {
  let first: { from: IsoDate | null } | null = null;
  let last: { to: IsoDate; reason: string | null; at: string; by: string } | null = null;
  let moves = 0;
  for (const entry of thisWeek(entries, weekStart, timeZone)) {
    const revised = change(entry, 'revisedDueDate');
    if (!revised || revised.to === null || revised.to === revised.from) continue;
    moves += 1;
    // A first revision moves the date away from the original due date.
    const from = revised.from ?? change(entry, 'originalDueDate')?.from ?? action.originalDueDate;
    if (!first) first = { from };
    const reason = change(entry, 'revisionReason')?.to ?? entry.comment ?? null;
    last = { to: revised.to, reason, at: entry.at, by: entry.by };
  }
  if (!first || !last) return null;
  const reason = last.reason ?? (action.revisedDueDate === last.to ? action.revisionReason : null);
  return { action, from: first.from, to: last.to, reason: reason?.trim() || null, moves, at: last.at, by: last.by };
}

function completionOf(
  action: Action,
  entries: readonly HistoryEntry[],
  weekStart: IsoDate,
  timeZone?: string,
): CompletedItem | null {
  if (!isDone(action.status)) return null;
  let found: CompletedItem | null = null;
  for (const entry of thisWeek(entries, weekStart, timeZone)) {
    const status = change(entry, 'status');
    if (status && isStatus(status.to) && isDone(status.to) && status.from !== status.to) {
      const comment = entry.comment?.trim() || null;
      const doneOn = status.to === 'Complete' ? statedDoneOn(entry) : null;
      found = { action, status: action.status, at: entry.at, by: entry.by, comment, doneOn };
    }
  }
  return found;
}

function awaitingOf(
  action: Action,
  entries: readonly HistoryEntry[],
  today: IsoDate,
  timeZone?: string,
): AwaitingSignOffItem {
  const { completedAt, completedOn } = lastCompletion(entries, timeZone);
  const daysWaiting = completedOn === null ? null : Math.max(0, daysBetween(completedOn, today));
  return { action, completedAt, completedOn, daysWaiting };
}

const byRef = (a: { action: Action }, b: { action: Action }) => compareRefs(a.action.ref, b.action.ref);

/**
 * The weekly digest's figures for one plan. Pure: the job reads the plan's
 * actions, history and last week's totals, and stores `totals` for next week.
 * "This week" is history dated (by the plan's local date of its instant) on
 * or after weekStart.
 */
export function computeDigest(input: DigestInput): Digest {
  const { actions, today, weekStart, timeZone } = input;
  const totals = digestTotals(actions, today);

  const historyByAction = new Map<string, HistoryEntry[]>();
  for (const entry of input.history) {
    const key = refKey(entry.ref);
    const list = historyByAction.get(key);
    if (list) list.push(entry);
    else historyByAction.set(key, [entry]);
  }
  for (const list of historyByAction.values()) list.sort(byTime);
  const historyOf = (action: Action) => historyByAction.get(refKey(action.ref)) ?? [];

  const newlyOverdue: NewlyOverdueItem[] = [];
  const slippedThisWeek: SlippedItem[] = [];
  const completedThisWeek: CompletedItem[] = [];
  const awaitingSignOff: AwaitingSignOffItem[] = [];
  const slippedRepeatedly: SlippedRepeatedlyItem[] = [];

  for (const action of actions) {
    const due = currentDueDate(action);
    if (due !== null && isOverdue(action, today) && due >= weekStart && due < today) {
      newlyOverdue.push({ action, dueDate: due, daysOverdue: daysOverdue(action, today) });
    }
    const entries = historyOf(action);
    const slip = slipOf(action, entries, weekStart, timeZone);
    if (slip) slippedThisWeek.push(slip);
    const done = completionOf(action, entries, weekStart, timeZone);
    if (done) completedThisWeek.push(done);
    if (action.status === 'Complete') awaitingSignOff.push(awaitingOf(action, entries, today, timeZone));
    if (action.revisionCount >= 2) slippedRepeatedly.push({ action, revisions: action.revisionCount, dueDate: due });
  }

  newlyOverdue.sort((a, b) => b.daysOverdue - a.daysOverdue || byRef(a, b));
  slippedThisWeek.sort(byRef);
  completedThisWeek.sort(byRef);
  // History is append-only, so a completion it does not record happened before it began: longest wait of all.
  awaitingSignOff.sort((a, b) => (b.daysWaiting ?? Infinity) - (a.daysWaiting ?? Infinity) || byRef(a, b));
  slippedRepeatedly.sort((a, b) => b.revisions - a.revisions || byRef(a, b));

  const unreachable = [...input.unreachable].sort(
    (a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.email.localeCompare(b.email),
  );

  return {
    planTitle: input.planTitle,
    today,
    weekStart,
    totals,
    changes: digestChanges(totals, input.previous),
    newlyOverdue,
    slippedThisWeek,
    completedThisWeek,
    cancelledThisWeek: cancellations(actions, (action) => thisWeek(historyOf(action), weekStart, timeZone)),
    awaitingSignOff,
    slippedRepeatedly,
    unreachable,
    limbo: inLimbo(awaitingSignOff, input.limboWeeks ?? DEFAULT_LIMBO_WEEKS),
    evidenceOverdue: evidenceOverdue(actions, today),
  };
}
