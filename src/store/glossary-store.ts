import { odata, TransactionAction } from '@azure/data-tables';
import { Row, str } from './entity-codec';
import { translateStorageError } from './errors';
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
    const table = await this.tables.client('glossary');
    const entries: GlossaryEntry[] = [];
    try {
      for await (const row of table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${escapeKey(planId)}` } })) {
        entries.push({ term: str(row, 'term'), meaning: str(row, 'meaning') });
      }
    } catch (error) {
      throw translateStorageError(error);
    }
    return entries;
  }

  async save(planId: string, entries: GlossaryEntry[]): Promise<void> {
    const table = await this.tables.client('glossary');
    const operations: TransactionAction[] = entries.map((e) => {
      const entity = { partitionKey: escapeKey(planId), rowKey: escapeKey(e.term.toUpperCase()), term: e.term, meaning: e.meaning };
      assertWithinLimits(entity);
      return ['upsert', entity, 'Replace'];
    });
    try {
      for (let i = 0; i < operations.length; i += MAX_TRANSACTION_OPERATIONS) {
        await table.submitTransaction(operations.slice(i, i + MAX_TRANSACTION_OPERATIONS));
      }
    } catch (error) {
      throw translateStorageError(error);
    }
  }
}
