import { odata, TableClient } from '@azure/data-tables';
import { refKey } from '../domain/ref';
import { Action, RecordedValue } from '../domain/types';
import { str } from './entity-codec';
import { escapeKey, prefixUpperBound } from './keys';
import { entityToValue, VALUE_PREFIX, valuesPrefixOf } from './measure-rows';
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

  /** One action's values, oldest period first; none when it has no quantified measure. */
  async values(action: Action): Promise<RecordedValue[]> {
    const unit = action.measure?.definition?.unit;
    if (!unit) return [];
    const rows = await this.range(action.planId, valuesPrefixOf(action.ref));
    return rows
      .map((row) => entityToValue(row, unit))
      .filter((v): v is RecordedValue => v !== null)
      .sort((a, b) => a.period.localeCompare(b.period));
  }

  /** Every value in the plan, in one range read, by the ref of the action it belongs to. */
  async planValues(planId: string, actions: readonly Action[]): Promise<Map<string, RecordedValue[]>> {
    const byKey = new Map(actions.filter((a) => a.measure?.definition).map((a) => [refKey(a.ref), a] as const));
    const result = new Map<string, RecordedValue[]>();
    if (byKey.size === 0) return result;
    for (const row of await this.range(planId, VALUE_PREFIX)) {
      const action = byKey.get(refKey(str(row, 'ref')));
      const unit = action?.measure?.definition?.unit;
      const value = action && unit ? entityToValue(row, unit) : null;
      if (!action || !value) continue;
      result.set(action.ref, [...(result.get(action.ref) ?? []), value]);
    }
    for (const list of result.values()) list.sort((a, b) => a.period.localeCompare(b.period));
    return result;
  }
}
