import { randomUUID } from 'node:crypto';
import { odata, TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { Plan } from '../domain/types';
import {
  ACTION_PREFIX,
  actionRowKey,
  actionToEntity,
  ActionWrite,
  entityToAction,
  entityToHistory,
  historyToEntity,
  MAX_TRANSACTION_OPERATIONS,
  VERSION_ROW,
} from './action-store';
import { compact, json, num, oneOf, Row, str, strOrNull } from './entity-codec';
import { ConflictError, statusCodeOf, translateStorageError } from './errors';
import { storedPlan } from './stored-plan';
import { GlossaryEntry, GlossaryStore } from './glossary-store';
import { escapeKey, prefixUpperBound } from './keys';
import { assertWithinLimits } from './limits';
import { PlanStore } from './plan-store';
import {
  IMPORT_ROW,
  ImportState,
  IMPORT_STATES,
  refPart,
  STAGED_ACTION_PREFIX,
  STAGED_HISTORY_PREFIX,
  STAGED_PREFIX,
  stagedWins,
} from './staged-rows';
import { deleteIfPresent, getOrNull, queryRows, storageCall } from './table-ops';
import { Tables } from './tables';

/** Rows in the plans table that list imports not yet finished, so `plans` can name them even for a plan nobody sees yet. */
const INDEX_PARTITION = 'import';

export interface ImportInfo {
  planId: string;
  file: string;
  by: string;
  startedAt: string;
  state: ImportState;
}

export interface Staging {
  planId: string;
  importId: string;
  etag: string;
}

/** Applying the import: the actions it changed, and those it left because they changed in Teams meanwhile. */
export interface Finished {
  info: ImportInfo;
  applied: number;
  keptFromTeams: string[];
}

/**
 * Stages an import beside the plan, publishes it with one write, then
 * copies it over (see staged-rows.ts). A run killed at any point leaves
 * either nothing visible (still staging) or the whole import visible
 * (published), and the next import of the plan discards or finishes it.
 */
export class PlanImports {
  constructor(
    private readonly tables: Tables,
    private readonly plans: PlanStore,
    private readonly glossary: GlossaryStore,
  ) {}

  private table(): Promise<TableClient> {
    return this.tables.client('actions');
  }

  private async marker(planId: string): Promise<TableEntityResult<Row> | null> {
    return getOrNull(await this.table(), escapeKey(planId), IMPORT_ROW);
  }

  private async rows(planId: string, prefix: string): Promise<TableEntityResult<Row>[]> {
    return queryRows(
      await this.table(),
      odata`PartitionKey eq ${escapeKey(planId)} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
    );
  }

  /** Imports started and not finished: interrupted, or still running now. */
  async unfinished(): Promise<ImportInfo[]> {
    const rows = await queryRows(await this.tables.client('plans'), odata`PartitionKey eq ${INDEX_PARTITION}`);
    return rows.map(toInfo);
  }

  /**
   * Starts staging an import. Whatever an earlier, interrupted import staged
   * is thrown away (it was never shown); that import is returned so the
   * caller can say so.
   */
  async begin(
    planId: string,
    file: string,
    by: string,
    startedAt: string,
  ): Promise<{ staging: Staging; discarded: ImportInfo | null }> {
    const table = await this.table();
    const earlier = await this.marker(planId);
    if (earlier && str(earlier, 'state') === 'publishing') throw new ConflictError({ kind: 'import', planId });
    const leftovers = await this.rows(planId, STAGED_PREFIX);
    await this.submitAll(
      table,
      leftovers.map((r) => [['delete', { partitionKey: escapeKey(planId), rowKey: String(r.rowKey) }]]),
    );
    const info: ImportInfo = { planId, file, by, startedAt, state: 'staging' };
    const importId = randomUUID();
    const entity = { partitionKey: escapeKey(planId), rowKey: IMPORT_ROW, importId, ...info };
    assertWithinLimits(entity);
    const written = await storageCall(() => table.upsertEntity(entity, 'Replace'));
    const plans = await this.tables.client('plans');
    await storageCall(() =>
      plans.upsertEntity({ ...entity, partitionKey: INDEX_PARTITION, rowKey: escapeKey(planId) }, 'Replace'),
    );
    return { staging: { planId, importId, etag: written.etag ?? '' }, discarded: earlier ? toInfo(earlier) : null };
  }

  /** Stages changed actions (at most 49 at a time): nobody sees them until the import is published. */
  async stage(staging: Staging, writes: ActionWrite[]): Promise<void> {
    const operations: TransactionAction[] = writes.flatMap((w) => {
      const base = w.current?.revision ?? 0;
      // An action still stored under the key earlier versions used is staged under that key, so it replaces that row.
      const legacy = w.current?.legacyRowKey?.slice(ACTION_PREFIX.length);
      const stagedKey = (prefix: string) => (legacy ? prefix + legacy : actionRowKey(w.action.ref, prefix));
      const action = {
        ...actionToEntity(w.action, base + 1),
        rowKey: stagedKey(STAGED_ACTION_PREFIX),
        baseRevision: base,
        importId: staging.importId,
      };
      const history = {
        ...historyToEntity(w.history, base + 1),
        rowKey: stagedKey(STAGED_HISTORY_PREFIX),
        importId: staging.importId,
      };
      assertWithinLimits(action);
      return [
        ['upsert', action, 'Replace'],
        ['upsert', history, 'Replace'],
      ] as TransactionAction[];
    });
    if (operations.length > MAX_TRANSACTION_OPERATIONS) throw new RangeError('Too many actions staged together.');
    const table = await this.table();
    if (operations.length) await storageCall(() => table.submitTransaction(operations));
  }

  /**
   * Publishes the staged import in one transaction: from now on readers see
   * all of it. The plan's details and glossary travel with it, so a new plan
   * appears only once its actions can be seen.
   */
  async publish(staging: Staging, plan: Plan, glossary: GlossaryEntry[] | null, at: string): Promise<void> {
    const table = await this.table();
    const current = await this.marker(staging.planId);
    if (!current || str(current, 'importId') !== staging.importId)
      throw new ConflictError({ kind: 'import', planId: staging.planId });
    const marker = compact({
      ...toEntity(current),
      state: 'publishing' satisfies ImportState,
      plan: JSON.stringify(plan),
      glossary: glossary ? JSON.stringify(glossary) : null,
    });
    assertWithinLimits(marker);
    try {
      await table.submitTransaction([
        ['update', marker, 'Replace', { etag: staging.etag }],
        ['upsert', { partitionKey: escapeKey(staging.planId), rowKey: VERSION_ROW, changedAt: at }, 'Replace'],
      ]);
    } catch (error) {
      // Another import of the same plan started meanwhile and took over.
      if (statusCodeOf(error) === 412) throw new ConflictError({ kind: 'import', planId: staging.planId });
      throw translateStorageError(error);
    }
    const plans = await this.tables.client('plans');
    await storageCall(() =>
      plans.upsertEntity(
        { partitionKey: INDEX_PARTITION, rowKey: escapeKey(staging.planId), state: 'publishing' },
        'Merge',
      ),
    );
  }

  /**
   * Copies a published import over the live actions, then removes it. Does
   * nothing (returns null) when no import of the plan is published. Safe to
   * run again after being killed at any point: each action is copied in one
   * transaction with its history and the removal of its staged rows.
   */
  async finish(
    planId: string,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<Finished | null> {
    const marker = await this.marker(planId);
    if (!marker || str(marker, 'state') !== 'publishing') return null;
    const importId = str(marker, 'importId');
    const planJson = strOrNull(marker, 'plan');
    if (planJson) await this.plans.save(storedPlan(planJson));
    const glossary = json<GlossaryEntry[] | null>(marker, 'glossary', null);
    if (glossary) await this.glossary.save(planId, glossary);
    const table = await this.table();
    const pk = escapeKey(planId);
    let applied = 0;
    const kept: string[] = [];
    // A change made in Teams while copying makes one transaction fail; the next pass sees it and keeps it.
    for (let pass = 0; pass < 5; pass++) {
      const [live, staged, stagedHistory] = await Promise.all(
        [ACTION_PREFIX, STAGED_ACTION_PREFIX, STAGED_HISTORY_PREFIX].map((p) => this.rows(planId, p)),
      );
      if (staged.length === 0 && stagedHistory.length === 0) break;
      const liveByRef = new Map(live.map((r) => [refPart(String(r.rowKey), ACTION_PREFIX), r]));
      const historyByRef = new Map(stagedHistory.map((r) => [refPart(String(r.rowKey), STAGED_HISTORY_PREFIX), r]));
      const groups: TransactionAction[][] = [];
      const outcomes: ('applied' | string)[] = [];
      for (const s of staged) {
        const ref = refPart(String(s.rowKey), STAGED_ACTION_PREFIX);
        const l = liveByRef.get(ref);
        const h = historyByRef.get(ref);
        historyByRef.delete(ref);
        const remove: TransactionAction[] = [['delete', { partitionKey: pk, rowKey: String(s.rowKey) }]];
        if (h) remove.push(['delete', { partitionKey: pk, rowKey: String(h.rowKey) }]);
        if (!stagedWins(l, s, importId) || !h) {
          groups.push(remove);
          outcomes.push(str(s, 'importId') === importId && l ? str(l, 'ref') : '');
          continue;
        }
        const revision = num(s, 'baseRevision') + 1;
        // The live row keeps its own key (an older key form, for some refs stored by earlier versions).
        const action = {
          ...actionToEntity(entityToAction(planId, s), revision),
          ...(l ? { rowKey: String(l.rowKey) } : {}),
        };
        const entry = entityToHistory(planId, h);
        groups.push([
          l ? ['update', action, 'Replace', { etag: l.etag }] : ['create', action],
          ['create', historyToEntity(entry, revision)],
          ...remove,
        ]);
        outcomes.push('applied');
      }
      for (const h of historyByRef.values()) {
        groups.push([['delete', { partitionKey: pk, rowKey: String(h.rowKey) }]]);
        outcomes.push('');
      }
      const results = await this.submitAll(table, groups, planId, (done) => onProgress(applied + done, staged.length));
      results.forEach((ok, i) => {
        if (!ok) return;
        if (outcomes[i] === 'applied') applied++;
        else if (outcomes[i]) kept.push(outcomes[i]);
      });
    }
    await storageCall(() =>
      table.submitTransaction([
        ['delete', { partitionKey: pk, rowKey: IMPORT_ROW }],
        ['upsert', { partitionKey: pk, rowKey: VERSION_ROW, changedAt: new Date().toISOString() }, 'Replace'],
      ]),
    );
    await deleteIfPresent(await this.tables.client('plans'), INDEX_PARTITION, pk);
    return { info: toInfo(marker), applied, keptFromTeams: kept };
  }

  /**
   * Submits groups of operations that must stay together, packed into
   * transactions (each also moving the plan's version on when `planId` is
   * given, so cached copies are dropped). Returns, per group, whether it was
   * written; a transaction refused for a conflict is left for the next pass.
   */
  private async submitAll(
    table: TableClient,
    groups: TransactionAction[][],
    planId?: string,
    onProgress?: (done: number) => void,
  ): Promise<boolean[]> {
    const results: boolean[] = [];
    const limit = MAX_TRANSACTION_OPERATIONS - (planId ? 1 : 0);
    let i = 0;
    while (i < groups.length) {
      const batch: TransactionAction[][] = [];
      let size = 0;
      while (i < groups.length && size + groups[i].length <= limit) {
        size += groups[i].length;
        batch.push(groups[i++]);
      }
      const operations = batch.flat();
      if (planId)
        operations.push([
          'upsert',
          { partitionKey: escapeKey(planId), rowKey: VERSION_ROW, changedAt: new Date().toISOString() },
          'Replace',
        ]);
      try {
        await table.submitTransaction(operations);
        results.push(...batch.map(() => true));
      } catch (error) {
        const status = statusCodeOf(error);
        if (status !== 409 && status !== 412 && status !== 404) throw translateStorageError(error);
        results.push(...batch.map(() => false));
      }
      onProgress?.(results.filter(Boolean).length);
    }
    return results;
  }
}

function toInfo(row: Row): ImportInfo {
  return {
    planId: str(row, 'planId'),
    file: str(row, 'file'),
    by: str(row, 'by'),
    startedAt: str(row, 'startedAt'),
    state: oneOf('imports', row, 'state', IMPORT_STATES, 'staging'),
  };
}

function toEntity(row: TableEntityResult<Row>): Row & { partitionKey: string; rowKey: string } {
  const { etag: _etag, timestamp: _timestamp, ...rest } = row;
  return { ...rest, partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) };
}
