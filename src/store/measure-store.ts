import { odata, TableClient } from '@azure/data-tables';
import { refKey } from '../domain/ref';
import { Action, RecordedValue } from '../domain/types';
import { Row, str } from './entity-codec';
import { escapeKey, prefixUpperBound } from './keys';
import { entityToValue, measureOfRow, VALUE_PREFIX, valuesPrefixOf } from './measure-rows';
import { queryRows } from './table-ops';
import { Tables } from './tables';

/** Reads the series of values of a plan's measures (written with their actions: see `ActionStore.write`). */
export class MeasureStore {
  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('actions');
  }

  private async range(planId: string, prefix: string) {
    return queryRows(
      await this.table(),
      odata`PartitionKey eq ${escapeKey(planId)} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
    );
  }

  /** One action's values, of every measure (each says which), oldest period first; none when it has no quantified measure. */
  async values(action: Action): Promise<RecordedValue[]> {
    if (!action.measures.some((m) => m.definition)) return [];
    const rows = await this.range(action.planId, valuesPrefixOf(action.ref));
    return rows
      .map((row) => valueOf(action, row))
      .filter((v): v is RecordedValue => v !== null)
      .sort(byMeasureThenPeriod);
  }

  /** Every value in the plan, in one range read, by the ref of the action it belongs to. */
  async planValues(planId: string, actions: readonly Action[]): Promise<Map<string, RecordedValue[]>> {
    const byKey = new Map(
      actions.filter((a) => a.measures.some((m) => m.definition)).map((a) => [refKey(a.ref), a] as const),
    );
    const result = new Map<string, RecordedValue[]>();
    if (byKey.size === 0) return result;
    for (const row of await this.range(planId, VALUE_PREFIX)) {
      const action = byKey.get(refKey(str(row, 'ref')));
      const value = action ? valueOf(action, row) : null;
      if (!action || !value) continue;
      result.set(action.ref, [...(result.get(action.ref) ?? []), value]);
    }
    for (const list of result.values()) list.sort(byMeasureThenPeriod);
    return result;
  }
}

/** A row read against the measure it belongs to; left out when that measure is gone or has no unit. */
function valueOf(action: Action, row: Row): RecordedValue | null {
  const unit = action.measures[measureOfRow(row) - 1]?.definition?.unit;
  return unit ? entityToValue(row, unit) : null;
}

const byMeasureThenPeriod = (a: RecordedValue, b: RecordedValue) =>
  a.measure - b.measure || a.period.localeCompare(b.period);
