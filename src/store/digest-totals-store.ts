import { odata, TableClient } from '@azure/data-tables';
import { DigestTotals } from '../domain/digest';
import { json, str } from './entity-codec';
import { queryRows, storageCall } from './table-ops';
import { escapeKey, prefixUpperBound } from './keys';
import { Tables } from './tables';

const PARTITION = 'digest-totals';

/** Each week's digest totals per plan, so the next digest can say what changed. */
export class DigestTotalsStore {
  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('deliveries');
  }

  async save(planId: string, week: string, totals: DigestTotals): Promise<void> {
    const table = await this.table();
    await storageCall(() =>
      table.upsertEntity(
        { partitionKey: PARTITION, rowKey: `${escapeKey(planId)}|${week}`, week, totals: JSON.stringify(totals) },
        'Replace',
      ),
    );
  }

  /** The latest totals from a week before `week` (weeks like 2026-W47 sort as text). */
  async before(planId: string, week: string): Promise<DigestTotals | null> {
    const prefix = `${escapeKey(planId)}|`;
    const rows = await queryRows(
      await this.table(),
      odata`PartitionKey eq ${PARTITION} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
    );
    const earlier = rows
      .filter((row) => str(row, 'week') < week)
      .sort((a, b) => str(b, 'week').localeCompare(str(a, 'week')));
    return earlier.length ? json<DigestTotals | null>(earlier[0], 'totals', null) : null;
  }
}
