import { odata, TableClient } from '@azure/data-tables';
import { DigestTotals } from '../domain/digest';
import { json, Row, str } from './entity-codec';
import { translateStorageError } from './errors';
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
    try {
      await table.upsertEntity({ partitionKey: PARTITION, rowKey: `${escapeKey(planId)}|${week}`, week, totals: JSON.stringify(totals) }, 'Replace');
    } catch (error) {
      throw translateStorageError(error);
    }
  }

  /** The latest totals from a week before `week` (weeks like 2026-W47 sort as text). */
  async before(planId: string, week: string): Promise<DigestTotals | null> {
    const table = await this.table();
    const prefix = `${escapeKey(planId)}|`;
    let latest: { week: string; totals: DigestTotals } | null = null;
    try {
      const filter = odata`PartitionKey eq ${PARTITION} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) {
        const rowWeek = str(row, 'week');
        if (rowWeek < week && (!latest || rowWeek > latest.week)) latest = { week: rowWeek, totals: json<DigestTotals>(row, 'totals', null as unknown as DigestTotals) };
      }
    } catch (error) {
      throw translateStorageError(error);
    }
    return latest?.totals ?? null;
  }
}
