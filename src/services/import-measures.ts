import { diffActions, historyEntry } from '../domain/history';
import { formatPeriod } from '../domain/measure-periods';
import { series } from '../domain/measures';
import { BookRow, validateBook } from '../domain/performance-book';
import { Action, RecordedValue } from '../domain/types';
import { MAX_TRANSACTION_OPERATIONS } from '../store/action-store';
import { ConflictError } from '../store/errors';
import { Storage } from '../store/open-storage';
import { latestText } from '../use-cases/record-measure-value';
import { ImportFile, readRows } from './import-plan';

export interface BookImportRequest {
  planId: string;
  file: ImportFile;
  by: string;
  now: Date;
  today: string;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export type BookImportReport =
  | { ok: false; errors: string[]; warnings: string[] }
  | { ok: true; warnings: string[]; recorded: number; replaced: number; unchanged: number; actions: string[] };

/** An action's values, its new latest value and one history entry: at most this many values per transaction. */
const VALUES_PER_WRITE = MAX_TRANSACTION_OPERATIONS - 3;
const ATTEMPTS = 3;

/**
 * Imports a performance book (ref, period, value, note). Every row is checked first, and a file with any
 * problem writes nothing. Then each action's values go in with its latest value and one history entry, in
 * one transaction guarded by the action's ETag (an action with more values than one transaction takes is
 * written in several). A value already recorded for that period is replaced; the same value again is left,
 * so importing the same file twice changes nothing, and a run that was interrupted is finished by running it again.
 */
export async function importMeasures(storage: Storage, request: BookImportRequest): Promise<BookImportReport> {
  const plan = await storage.plans.get(request.planId);
  if (!plan) return { ok: false, errors: [`There is no plan ${request.planId}.`], warnings: [] };
  const table = await readRows(request.file);
  if (!table.ok) return { ok: false, errors: [table.error], warnings: [] };
  const actions = (await storage.actions.list(plan.id)).map((v) => v.value);
  const checked = validateBook(table.rows, actions, request.today);
  if (checked.errors.length) return { ok: false, errors: checked.errors, warnings: checked.warnings };

  const byRef = new Map<string, BookRow[]>();
  for (const row of checked.rows) byRef.set(row.ref, [...(byRef.get(row.ref) ?? []), row]);
  let recorded = 0;
  let unchanged = 0;
  let replaced = 0;
  let done = 0;
  const changedActions: string[] = [];
  for (const [ref, rows] of byRef) {
    const action = actions.find((a) => a.ref === ref);
    const stored = action ? await storage.measures.values(action) : [];
    const fresh = [...rows]
      .sort((a, b) => a.measure - b.measure || a.period.localeCompare(b.period))
      .filter((r) => {
        const same = stored.find((v) => v.measure === r.measure && v.period === r.period);
        return !same || same.value !== r.value || (same.note ?? null) !== r.note;
      });
    unchanged += rows.length - fresh.length;
    replaced += fresh.filter((r) => stored.some((v) => v.measure === r.measure && v.period === r.period)).length;
    for (let start = 0; start < fresh.length; start += VALUES_PER_WRITE) {
      const chunk = fresh.slice(start, start + VALUES_PER_WRITE);
      if (!request.dryRun) await writeChunk(storage, plan.id, ref, chunk, stored, request);
      recorded += chunk.length;
    }
    if (fresh.length) changedActions.push(ref);
    done += rows.length;
    request.onProgress?.(done, checked.rows.length);
  }
  return { ok: true, warnings: checked.warnings, recorded, replaced, unchanged, actions: changedActions };
}

async function writeChunk(
  storage: Storage,
  planId: string,
  ref: string,
  chunk: readonly BookRow[],
  stored: readonly RecordedValue[],
  request: BookImportRequest,
): Promise<void> {
  const at = request.now.toISOString();
  const values: RecordedValue[] = chunk.map((r) => ({ ...r, by: request.by, via: 'import', at }));
  for (let attempt = 1; ; attempt++) {
    const current = await storage.actions.get(planId, ref);
    if (!current || values.some((v) => !current.value.measures[v.measure - 1]?.definition))
      throw new Error(`${ref} lost its measure during the import`);
    const after: Action = {
      ...current.value,
      measures: current.value.measures.map((m, i) => {
        const mine = (list: readonly RecordedValue[]) => list.filter((v) => v.measure === i + 1);
        const newest = series([...mine(stored), ...mine(values)]).at(-1);
        return m.definition && mine(values).length && newest ? { ...m, latest: latestText(m.definition, newest) } : m;
      }),
    };
    const first = formatPeriod(chunk[0].period);
    const last = formatPeriod(chunk[chunk.length - 1].period);
    const comment = `Performance book: ${chunk.length} value${chunk.length === 1 ? '' : 's'}, ${first === last ? first : `${first} to ${last}`}.`;
    const history = historyEntry(after, diffActions(current.value, after), {
      by: request.by,
      via: 'import',
      at,
      comment,
    });
    try {
      await storage.actions.write(planId, [{ action: after, current, history, values }]);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
