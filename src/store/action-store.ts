import { odata, TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { refKey } from '../domain/ref';
import { Notification } from '../domain/notifications';
import { Action, HistoryEntry, RecordedValue } from '../domain/types';
import { valueToEntity } from './measure-rows';
import {
  ACTION_PREFIX,
  actionRowKey,
  actionToEntity,
  entityToAction,
  entityToHistory,
  HISTORY_PREFIX,
  historyToEntity,
  legacyKeyOf,
  VERSION_ROW,
} from './action-rows';
import { num, Row, str } from './entity-codec';
import { ConflictError, statusCodeOf, translateStorageError } from './errors';
import { getOrNull, queryRows } from './table-ops';
import { escapeKey, prefixUpperBound } from './keys';
import { outboxEntities } from './outbox-store';
import {
  IMPORT_ROW,
  overlay,
  publishedImport,
  STAGED_ACTION_PREFIX,
  STAGED_HISTORY_PREFIX,
  stagedWins,
} from './staged-rows';
import { Tables } from './tables';

export {
  ACTION_PREFIX,
  actionRowKey,
  actionToEntity,
  entityToAction,
  entityToHistory,
  historyToEntity,
  VERSION_ROW,
} from './action-rows';
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
  /** Values of the action's measure recorded by this change: one row each, in the same transaction. */
  values?: readonly RecordedValue[];
}

function versioned(planId: string, row: TableEntityResult<Row>): Versioned<Action> {
  const value = entityToAction(planId, row);
  const read = { value, etag: row.etag, revision: num(row, 'revision') };
  return row.rowKey === actionRowKey(value.ref) ? read : { ...read, legacyRowKey: row.rowKey };
}

interface Snapshot extends PlanHeads {
  version: string;
  actions: Versioned<Action>[];
}

/** What says whether anything a reader of the plan sees changed: its version row, read by key. */
export interface PlanHeads {
  /**
   * The version row's ETag: moves on with every write to the plan's actions, and after every change to the
   * plan's details or its roles (access-row.ts); null before the first.
   */
  version: string | null;
  /** The import readers must see, if one is published and not yet copied over. */
  importId: string | null;
}

export class ActionStore {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('actions');
  }

  /** One action, as readers should see it (a published import's version until it is copied over). */
  async get(planId: string, ref: string): Promise<Versioned<Action> | null> {
    const legacy = legacyKeyOf(ref);
    const keys = [actionRowKey(ref), ...(legacy === null ? [] : [ACTION_PREFIX + legacy])];
    const stagedKeys = [
      actionRowKey(ref, STAGED_ACTION_PREFIX),
      ...(legacy === null ? [] : [STAGED_ACTION_PREFIX + legacy]),
    ];
    const wanted = [IMPORT_ROW, ...keys, ...stagedKeys].map((key) => odata`RowKey eq ${key}`).join(' or ');
    const rows = await queryRows(await this.table(), `${odata`PartitionKey eq ${escapeKey(planId)}`} and (${wanted})`);
    // Under the old key form, refs that differed only in letters beyond ASCII shared a key: keep only this ref's rows.
    const mine = (key: string) => rows.find((r) => r.rowKey === key && refKey(str(r, 'ref')) === refKey(ref));
    const importId = publishedImport(rows.find((r) => r.rowKey === IMPORT_ROW));
    const liveRow = keys.map(mine).find((r) => r !== undefined);
    const stagedRow = stagedKeys.map(mine).find((r) => r !== undefined);
    if (importId && stagedRow && stagedWins(liveRow, stagedRow, importId)) {
      return {
        value: entityToAction(planId, stagedRow),
        etag: liveRow?.etag ?? '',
        revision: num(stagedRow, 'baseRevision'),
        ...(liveRow && liveRow.rowKey !== keys[0] ? { legacyRowKey: liveRow.rowKey } : {}),
      };
    }
    return liveRow ? versioned(planId, liveRow) : null;
  }

  /** Every action in the plan, in one partition scan (two while an import is being copied over). */
  async list(planId: string): Promise<Versioned<Action>[]> {
    return this.listAsPublished(planId, (await this.heads(planId)).importId);
  }

  private async listAsPublished(planId: string, importId: string | null): Promise<Versioned<Action>[]> {
    const live = await this.queryRange(planId, ACTION_PREFIX);
    if (!importId) return live.map((row) => versioned(planId, row));
    const staged = await this.queryRange(planId, STAGED_ACTION_PREFIX);
    return overlay(live, staged, importId, ACTION_PREFIX).map((o) => ({
      value: entityToAction(planId, o.row),
      etag: o.etag,
      revision: o.revision,
    }));
  }

  /**
   * Every action in the plan, as fresh as storage: one read of the plan's
   * version row tells whether the copy held in memory is still current,
   * whichever instance made the last change.
   */
  async snapshot(planId: string): Promise<Versioned<Action>[]> {
    return this.snapshotAt(planId, await this.heads(planId));
  }

  /** `snapshot`, given the heads the caller has just read (they must be read before the actions). */
  async snapshotAt(planId: string, { version, importId }: PlanHeads): Promise<Versioned<Action>[]> {
    const held = this.snapshots.get(planId);
    if (held && version !== null && held.version === version) return held.actions;
    // Read after the version: anything written later moves the version on.
    const actions = await this.listAsPublished(planId, importId);
    if (version !== null) {
      this.snapshots.delete(planId);
      this.snapshots.set(planId, { version, importId, actions });
      if (this.snapshots.size > CACHED_PLANS) this.snapshots.delete(this.snapshots.keys().next().value as string);
    }
    return actions;
  }

  /**
   * The plan's version, in one point read when a snapshot of it is held, and the published import. An import
   * is published and removed in the same transaction as a move of the version row, so a snapshot's import
   * holds for as long as its version; the import row is read (after the version) only when the version moved.
   */
  async heads(planId: string): Promise<PlanHeads> {
    const table = await this.table();
    const version = (await getOrNull(table, escapeKey(planId), VERSION_ROW))?.etag ?? null;
    const held = this.snapshots.get(planId);
    if (held && version !== null && held.version === version) return { version, importId: held.importId };
    return { version, importId: publishedImport(await getOrNull(table, escapeKey(planId), IMPORT_ROW)) };
  }

  /** The whole plan's history (the weekly digest reads it once). */
  async planHistory(planId: string): Promise<HistoryEntry[]> {
    const rows = await this.queryRange(planId, HISTORY_PREFIX);
    return [...rows, ...(await this.publishedHistory(planId))].map((row) => entityToHistory(planId, row));
  }

  /** An action's history, newest first. */
  async history(planId: string, ref: string): Promise<HistoryEntry[]> {
    const rows = await this.queryRange(planId, `${HISTORY_PREFIX}${escapeKey(refKey(ref))}|`);
    const legacy = legacyKeyOf(ref);
    const older = legacy === null ? [] : await this.queryRange(planId, `${HISTORY_PREFIX}${legacy}|`);
    const newestFirst = (row: TableEntityResult<Row>) => row.rowKey?.slice(-9) ?? '';
    // Under the old key form, refs that differed only in letters beyond ASCII shared a prefix: keep this ref's.
    const stored = [...rows, ...older]
      .filter((row) => refKey(str(row, 'ref')) === refKey(ref))
      .sort((a, b) => newestFirst(a).localeCompare(newestFirst(b)));
    return [...(await this.publishedHistory(planId, ref)), ...stored].map((row) => entityToHistory(planId, row));
  }

  /** The history entries of a published import that are not yet copied over (none almost always). */
  private async publishedHistory(planId: string, ref?: string): Promise<Row[]> {
    const { importId } = await this.heads(planId);
    if (!importId) return [];
    const suffix = ref === undefined ? '' : escapeKey(refKey(ref));
    const [live, staged, stagedHistory] = await Promise.all(
      [ACTION_PREFIX, STAGED_ACTION_PREFIX, STAGED_HISTORY_PREFIX].map((prefix) =>
        this.queryRange(planId, prefix + suffix),
      ),
    );
    const refOf = (row: Row, prefix: string) => String(row.rowKey).slice(prefix.length);
    const wins = new Set(
      overlay(live, staged, importId, ACTION_PREFIX)
        .filter((o) => String(o.row.rowKey).startsWith(STAGED_ACTION_PREFIX))
        .map((o) => refOf(o.row, STAGED_ACTION_PREFIX)),
    );
    // A range for one ref also holds refs that start with it ("A1" and "A10").
    return stagedHistory.filter(
      (h) =>
        wins.has(refOf(h, STAGED_HISTORY_PREFIX)) && (ref === undefined || refOf(h, STAGED_HISTORY_PREFIX) === suffix),
    );
  }

  private async queryRange(planId: string, prefix: string): Promise<TableEntityResult<Row>[]> {
    return queryRows(
      await this.table(),
      odata`PartitionKey eq ${escapeKey(planId)} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
    );
  }

  /**
   * Writes changes with their history, all or nothing: a new action must not
   * exist yet and a changed one must still have the ETag it was read with.
   * Returns the new versions by ref.
   */
  async write(
    planId: string,
    writes: ActionWrite[],
  ): Promise<Map<string, { etag: string; revision: number; legacyRowKey?: string }>> {
    if (writes.length > MAX_ACTIONS_PER_WRITE) {
      throw new RangeError(`At most ${MAX_ACTIONS_PER_WRITE} actions can be written together.`);
    }
    if (writes.length === 0) return new Map();
    const operationCount =
      writes.length * 2 + 1 + writes.reduce((n, w) => n + (w.notifications?.length ?? 0) + (w.values?.length ?? 0), 0);
    if (operationCount > MAX_TRANSACTION_OPERATIONS) {
      throw new RangeError(
        `One transaction takes at most ${MAX_TRANSACTION_OPERATIONS} rows; these changes and their notifications need ${operationCount}.`,
      );
    }
    const operations: TransactionAction[] = [];
    const revisions = writes.map((w) => (w.current?.revision ?? 0) + 1);
    writes.forEach((w, i) => {
      if (w.action.planId !== planId || w.history.planId !== planId) {
        throw new RangeError('Every write in one transaction must belong to the same plan.');
      }
      const entity = {
        ...actionToEntity(w.action, revisions[i]),
        ...(w.current?.legacyRowKey ? { rowKey: w.current.legacyRowKey } : {}),
      };
      operations.push(w.current ? ['update', entity, 'Replace', { etag: w.current.etag }] : ['create', entity]);
      // Inserting the history row also fails if that revision was already written: a second guard against lost updates.
      operations.push(['create', historyToEntity(w.history, revisions[i])]);
    });
    operations.push([
      'upsert',
      { partitionKey: escapeKey(planId), rowKey: VERSION_ROW, changedAt: writes[0].history.at },
      'Replace',
    ]);
    // After the version row, so the sub-responses of the actions keep their places.
    writes.forEach((w, i) => {
      for (const row of outboxEntities(planId, w.history.at, w.action.ref, revisions[i], w.notifications ?? []))
        operations.push(['create', row]);
      // A value for a period already given replaces it; the history entry keeps what it was.
      for (const value of w.values ?? [])
        operations.push(['upsert', valueToEntity(planId, w.action.ref, value), 'Replace']);
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
        throw new ConflictError({ kind: 'actions', refs });
      }
      throw translateStorageError(error);
    }
  }
}
