import { odata, TableClient } from '@azure/data-tables';
import { IsoDate } from '../domain/types';
import { str } from './entity-codec';
import { escapeKey, prefixUpperBound } from './keys';
import { queryRows, storageCall } from './table-ops';
import { Tables } from './tables';

const PARTITION = 'committee-reports';

export interface ReportMade {
  planId: string;
  /** ISO instant. */
  madeAt: string;
  /** The local date it was made on, in the plan's time zone. */
  madeOn: IsoDate;
  from: IsoDate;
  to: IsoDate;
  by: string;
}

/**
 * When each committee report was made, so the next one runs from the last. Kept beside the
 * digest totals (one small row per report), so no new table is needed.
 */
export class ReportLog {
  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('deliveries');
  }

  async record(report: ReportMade): Promise<void> {
    const table = await this.table();
    await storageCall(() =>
      table.upsertEntity(
        { partitionKey: PARTITION, rowKey: `${escapeKey(report.planId)}|${report.madeAt}`, ...report },
        'Replace',
      ),
    );
  }

  /** Every report made for the plan, oldest first. */
  async list(planId: string): Promise<ReportMade[]> {
    const prefix = `${escapeKey(planId)}|`;
    const rows = await queryRows(
      await this.table(),
      odata`PartitionKey eq ${PARTITION} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
    );
    return rows
      .map((row) => ({
        planId: str(row, 'planId'),
        madeAt: str(row, 'madeAt'),
        madeOn: str(row, 'madeOn'),
        from: str(row, 'from'),
        to: str(row, 'to'),
        by: str(row, 'by'),
      }))
      .sort((a, b) => a.madeAt.localeCompare(b.madeAt));
  }
}
