import { odata, TransactionAction } from '@azure/data-tables';
import { str } from './entity-codec';
import { queryRows, storageCall } from './table-ops';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';
import { MAX_TRANSACTION_OPERATIONS } from './action-store';
import { Tables } from './tables';

export interface GlossaryEntry {
  term: string;
  meaning: string;
}

/** A plan's glossary: the acronyms it explains, one row per term. */
export class GlossaryStore {
  constructor(private readonly tables: Tables) {}

  async list(planId: string): Promise<GlossaryEntry[]> {
    const rows = await queryRows(await this.tables.client('glossary'), odata`PartitionKey eq ${escapeKey(planId)}`);
    return rows.map((row) => ({ term: str(row, 'term'), meaning: str(row, 'meaning') }));
  }

  async save(planId: string, entries: GlossaryEntry[]): Promise<void> {
    const table = await this.tables.client('glossary');
    const operations: TransactionAction[] = entries.map((e) => {
      const entity = {
        partitionKey: escapeKey(planId),
        rowKey: escapeKey(e.term.toUpperCase()),
        term: e.term,
        meaning: e.meaning,
      };
      assertWithinLimits(entity);
      return ['upsert', entity, 'Replace'];
    });
    for (let i = 0; i < operations.length; i += MAX_TRANSACTION_OPERATIONS) {
      await storageCall(() => table.submitTransaction(operations.slice(i, i + MAX_TRANSACTION_OPERATIONS)));
    }
  }
}
