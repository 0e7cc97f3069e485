import { randomUUID } from 'node:crypto';
import { odata, TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { HistoryEntry, Plan } from '../domain/types';
import {
  ACTION_PREFIX,
  actionRowKey,
  actionToEntity,
  ActionWrite,
  historyToEntity,
  MAX_TRANSACTION_OPERATIONS,
  VERSION_ROW,
} from './action-store';
import { compact, json, Row, str, strOrNull } from './entity-codec';
import { storedPlan } from './stored-plan';
import { ConflictError, statusCodeOf, translateStorageError } from './errors';
import { GlossaryEntry, GlossaryStore } from './glossary-store';
import { Finished, ImportInfo, INDEX_PARTITION, Staging, toEntity, toInfo } from './import-info';
import { escapeKey, prefixUpperBound } from './keys';
import { assertWithinLimits } from './limits';
import { PlanStore } from './plan-store';
import { stagedCopyGroups } from './staged-copy';
import { IMPORT_ROW, ImportState, STAGED_ACTION_PREFIX, STAGED_HISTORY_PREFIX, STAGED_PREFIX } from './staged-rows';
import { submitGroups } from './submit-groups';
import { deleteIfPresent, getOrNull, queryRows, storageCall } from './table-ops';
import { Tables } from './tables';

export type { Finished, ImportInfo, Staging } from './import-info';

/**
 * An action an import changes, with the history entry that explains it; none when only its place in the plan's file
 * moved (its position), which nobody reads about in its history. Such a row is staged as `orderOnly` (see staged-copy.ts).
 */
export type ImportWrite = Pick<ActionWrite, 'action' | 'current'> & { history: HistoryEntry | null };

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
    await submitGroups(
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
  async stage(staging: Staging, writes: ImportWrite[]): Promise<void> {
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
        ...(w.history ? {} : { orderOnly: true }),
      };
      assertWithinLimits(action);
      if (!w.history) return [['upsert', action, 'Replace']] as TransactionAction[];
      const history = {
        ...historyToEntity(w.history, base + 1),
        rowKey: stagedKey(STAGED_HISTORY_PREFIX),
        importId: staging.importId,
      };
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
      const { groups, outcomes } = stagedCopyGroups(planId, importId, { live, staged, stagedHistory });
      const results = await submitGroups(table, groups, planId, (done) => onProgress(applied + done, staged.length));
      results.forEach((ok, i) => {
        const outcome = outcomes[i];
        if (!ok) return;
        if (outcome.kind === 'applied') applied++;
        else if (outcome.kind === 'keptFromTeams') kept.push(outcome.ref);
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
}
