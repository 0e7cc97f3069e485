import { odata, TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { legacyRefKey, refKey } from '../domain/ref';
import { Notification } from '../domain/notifications';
import { Action, HistoryEntry, Status, Via } from '../domain/types';
import { compact, json, num, Row, str, strOrNull } from './entity-codec';
import { ConflictError, statusCodeOf, translateStorageError } from './errors';
import { getOrNull, queryRows } from './table-ops';
import { escapeKey, prefixUpperBound } from './keys';
import { assertWithinLimits } from './limits';
import { outboxEntities } from './outbox-store';
import { Tables } from './tables';

/**
 * A plan's actions and their history share one partition of one table, so
 * that an update and its history entry are written in one transaction.
 */
const ACTION_PREFIX = 'a|';
const HISTORY_PREFIX = 'h|';
/** Rewritten by every write to the plan, so its ETag says whether anything changed. */
const VERSION_ROW = '!version';
export const MAX_TRANSACTION_OPERATIONS = 100;
/** Each action takes two operations (itself and its history entry); the version row takes one; each notification one more. */
export const MAX_ACTIONS_PER_WRITE = Math.floor((MAX_TRANSACTION_OPERATIONS - 1) / 2);
const CACHED_PLANS = 20;

export interface Versioned<T> {
  value: T;
  etag: string;
  /** Counts the action's writes; orders its history exactly, whatever the clocks say. */
  revision: number;
  /** Set only for a row stored under the key earlier versions used (see `legacyRefKey`): writes go back there. */
  legacyRowKey?: string;
}

/** One write: a new or changed action with the history entry that explains it. */
export interface ActionWrite {
  action: Action;
  /** The version it was read as; absent for a new action, which must not exist yet. */
  current?: { etag: string; revision: number; legacyRowKey?: string };
  history: HistoryEntry;
  /** What the change tells other people: written to the outbox in the same transaction (src/notifications/ delivers them). */
  notifications?: readonly Notification[];
}

const actionRowKey = (ref: string) => ACTION_PREFIX + escapeKey(refKey(ref));
/** Where earlier versions stored the ref, when that differs (refs with letters beyond ASCII); else null. */
const legacyKeyOf = (ref: string): string | null => {
  const legacy = legacyRefKey(ref.normalize('NFKC'));
  return legacy === refKey(ref) ? null : escapeKey(legacy);
};

/**
 * Newest first within an action: row keys sort ascending, so the revision
 * is inverted. Writes to one action are serialised by its ETag, so each
 * revision is written once, and two changes in the same millisecond still
 * keep their order.
 */
function historyRowKey(entry: HistoryEntry, revision: number): string {
  return `${HISTORY_PREFIX}${escapeKey(refKey(entry.ref))}|${String(999_999_999 - revision).padStart(9, '0')}`;
}

export function actionToEntity(action: Action, revision: number) {
  const entity = compact({
    revision,
    partitionKey: escapeKey(action.planId),
    rowKey: actionRowKey(action.ref),
    ref: action.ref,
    theme: action.theme,
    title: action.title,
    timescale: action.timescale,
    originalDueDate: action.originalDueDate,
    revisedDueDate: action.revisedDueDate,
    revisionReason: action.revisionReason,
    revisionCount: action.revisionCount,
    ownerEmail: action.owner?.email,
    ownerName: action.owner?.displayName,
    ownerAadObjectId: action.owner?.aadObjectId,
    agency: action.agency,
    status: action.status,
    measureIndicator: action.measure?.indicator,
    measureTarget: action.measure?.target,
    measureLatest: action.measure?.latest,
    evidence: action.evidence.length ? JSON.stringify(action.evidence) : null,
    latestUpdate: action.latestUpdate ? JSON.stringify(action.latestUpdate) : null,
    dateRequest: action.dateRequest ? JSON.stringify(action.dateRequest) : null,
  });
  assertWithinLimits(entity);
  return entity;
}

export function entityToAction(planId: string, row: Row): Action {
  const email = strOrNull(row, 'ownerEmail');
  const indicator = strOrNull(row, 'measureIndicator');
  return {
    planId,
    ref: str(row, 'ref'),
    theme: str(row, 'theme'),
    title: str(row, 'title'),
    timescale: str(row, 'timescale'),
    originalDueDate: strOrNull(row, 'originalDueDate'),
    revisedDueDate: strOrNull(row, 'revisedDueDate'),
    revisionReason: strOrNull(row, 'revisionReason'),
    revisionCount: num(row, 'revisionCount'),
    owner: email
      ? { email, displayName: strOrNull(row, 'ownerName'), aadObjectId: strOrNull(row, 'ownerAadObjectId') }
      : null,
    agency: str(row, 'agency'),
    status: (strOrNull(row, 'status') ?? 'Not started') as Status,
    measure: indicator
      ? { indicator, target: strOrNull(row, 'measureTarget'), latest: strOrNull(row, 'measureLatest') }
      : null,
    evidence: json(row, 'evidence', []),
    latestUpdate: json(row, 'latestUpdate', null),
    dateRequest: json(row, 'dateRequest', null),
  };
}

function versioned(planId: string, row: TableEntityResult<Row>): Versioned<Action> {
  const value = entityToAction(planId, row);
  const read = { value, etag: row.etag, revision: num(row, 'revision') };
  return row.rowKey === actionRowKey(value.ref) ? read : { ...read, legacyRowKey: row.rowKey };
}

function historyToEntity(entry: HistoryEntry, revision: number) {
  const entity = compact({
    partitionKey: escapeKey(entry.planId),
    rowKey: historyRowKey(entry, revision),
    ref: entry.ref,
    at: entry.at,
    by: entry.by,
    via: entry.via,
    changes: JSON.stringify(entry.changes),
    comment: entry.comment,
  });
  assertWithinLimits(entity);
  return entity;
}

function entityToHistory(planId: string, row: Row): HistoryEntry {
  return {
    planId,
    ref: str(row, 'ref'),
    at: str(row, 'at'),
    by: str(row, 'by'),
    via: str(row, 'via') as Via,
    changes: json(row, 'changes', []),
    comment: strOrNull(row, 'comment'),
  };
}

interface Snapshot {
  version: string;
  actions: Versioned<Action>[];
}

export class ActionStore {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('actions');
  }

  async get(planId: string, ref: string): Promise<Versioned<Action> | null> {
    const table = await this.table();
    const row = await getOrNull(table, escapeKey(planId), actionRowKey(ref));
    // A row stored under the old key form may sit at this key for another ref ("Ä-1" at "1").
    if (row && refKey(str(row, 'ref')) === refKey(ref)) return versioned(planId, row);
    const legacy = legacyKeyOf(ref);
    const old = legacy === null ? null : await getOrNull(table, escapeKey(planId), ACTION_PREFIX + legacy);
    // That key was shared by every ref that differed only in letters beyond ASCII: it must be this one.
    return old && refKey(str(old, 'ref')) === refKey(ref) ? versioned(planId, old) : null;
  }

  /** Every action in the plan, in one partition scan. */
  async list(planId: string): Promise<Versioned<Action>[]> {
    const rows = await this.queryRange(planId, ACTION_PREFIX);
    return rows.map((row) => versioned(planId, row));
  }

  /**
   * Every action in the plan, as fresh as storage: one point read of the
   * plan's version row tells whether the copy held in memory is still
   * current, whichever instance made the last change.
   */
  async snapshot(planId: string): Promise<Versioned<Action>[]> {
    const version = await this.version(planId);
    const held = this.snapshots.get(planId);
    if (held && version !== null && held.version === version) return held.actions;
    // Read after the version: anything written later moves the version on.
    const actions = await this.list(planId);
    if (version !== null) {
      this.snapshots.delete(planId);
      this.snapshots.set(planId, { version, actions });
      if (this.snapshots.size > CACHED_PLANS) this.snapshots.delete(this.snapshots.keys().next().value as string);
    }
    return actions;
  }

  private async version(planId: string): Promise<string | null> {
    return (await getOrNull(await this.table(), escapeKey(planId), VERSION_ROW))?.etag ?? null;
  }

  /** The whole plan's history (the weekly digest reads it once). */
  async planHistory(planId: string): Promise<HistoryEntry[]> {
    const rows = await this.queryRange(planId, HISTORY_PREFIX);
    return rows.map((row) => entityToHistory(planId, row));
  }

  /** An action's history, newest first. */
  async history(planId: string, ref: string): Promise<HistoryEntry[]> {
    const rows = await this.queryRange(planId, `${HISTORY_PREFIX}${escapeKey(refKey(ref))}|`);
    const legacy = legacyKeyOf(ref);
    const older = legacy === null ? [] : await this.queryRange(planId, `${HISTORY_PREFIX}${legacy}|`);
    const newestFirst = (row: TableEntityResult<Row>) => row.rowKey?.slice(-9) ?? '';
    // Under the old key form, refs that differed only in letters beyond ASCII shared a prefix: keep this ref's.
    return [...rows, ...older]
      .filter((row) => refKey(str(row, 'ref')) === refKey(ref))
      .sort((a, b) => newestFirst(a).localeCompare(newestFirst(b)))
      .map((row) => entityToHistory(planId, row));
  }

  private async queryRange(planId: string, prefix: string): Promise<TableEntityResult<Row>[]> {
    return queryRows(await this.table(), odata`PartitionKey eq ${escapeKey(planId)} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`);
  }

  /**
   * Writes changes with their history, all or nothing: a new action must not
   * exist yet and a changed one must still have the ETag it was read with.
   * Returns the new versions by ref.
   */
  async write(planId: string, writes: ActionWrite[]): Promise<Map<string, { etag: string; revision: number; legacyRowKey?: string }>> {
    if (writes.length > MAX_ACTIONS_PER_WRITE) {
      throw new RangeError(`At most ${MAX_ACTIONS_PER_WRITE} actions can be written together.`);
    }
    if (writes.length === 0) return new Map();
    const operationCount = writes.length * 2 + 1 + writes.reduce((n, w) => n + (w.notifications?.length ?? 0), 0);
    if (operationCount > MAX_TRANSACTION_OPERATIONS) {
      throw new RangeError(`One transaction takes at most ${MAX_TRANSACTION_OPERATIONS} rows; these changes and their notifications need ${operationCount}.`);
    }
    const operations: TransactionAction[] = [];
    const revisions = writes.map((w) => (w.current?.revision ?? 0) + 1);
    writes.forEach((w, i) => {
      if (w.action.planId !== planId || w.history.planId !== planId) {
        throw new RangeError('Every write in one transaction must belong to the same plan.');
      }
      const entity = { ...actionToEntity(w.action, revisions[i]), ...(w.current?.legacyRowKey ? { rowKey: w.current.legacyRowKey } : {}) };
      operations.push(w.current ? ['update', entity, 'Replace', { etag: w.current.etag }] : ['create', entity]);
      // Inserting the history row also fails if that revision was already written: a second guard against lost updates.
      operations.push(['create', historyToEntity(w.history, revisions[i])]);
    });
    operations.push(['upsert', { partitionKey: escapeKey(planId), rowKey: VERSION_ROW, changedAt: writes[0].history.at }, 'Replace']);
    // After the version row, so the sub-responses of the actions keep their places.
    writes.forEach((w, i) => {
      for (const row of outboxEntities(planId, w.history.at, w.action.ref, revisions[i], w.notifications ?? [])) operations.push(['create', row]);
    });
    const table = await this.table();
    try {
      const response = await table.submitTransaction(operations);
      const versions = new Map<string, { etag: string; revision: number; legacyRowKey?: string }>();
      response.subResponses.forEach((sub, i) => {
        if (i % 2 !== 0 || i >= writes.length * 2) return;
        const { current } = writes[i / 2];
        const where = current?.legacyRowKey ? { legacyRowKey: current.legacyRowKey } : {};
        versions.set(writes[i / 2].action.ref, { etag: sub.etag ?? '', revision: revisions[i / 2], ...where });
      });
      return versions;
    } catch (error) {
      const status = statusCodeOf(error);
      if (status === 412 || status === 409) {
        const refs = writes.map((w) => w.action.ref);
        throw new ConflictError(refs.length === 1 ? `Action ${refs[0]}` : `One of actions ${refs.join(', ')}`);
      }
      throw translateStorageError(error);
    }
  }
}
