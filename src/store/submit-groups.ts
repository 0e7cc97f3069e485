import { TableClient, TransactionAction } from '@azure/data-tables';
import { MAX_TRANSACTION_OPERATIONS, VERSION_ROW } from './action-store';
import { statusCodeOf, translateStorageError } from './errors';
import { escapeKey } from './keys';

/**
 * Submits groups of operations that must stay together, packed into
 * transactions (each also moving the plan's version on when `planId` is
 * given, so cached copies are dropped). Returns, per group, whether it was
 * written; a transaction refused for a conflict is left for the next pass.
 */
export async function submitGroups(
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
