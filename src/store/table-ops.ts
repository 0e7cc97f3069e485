import { TableClient, TableEntityResult } from '@azure/data-tables';
import { Row } from './entity-codec';
import { statusCodeOf, translateStorageError } from './errors';
import { assertFilterWithinLimits } from './limits';

/** Runs a storage call, turning "cannot reach storage" into our own error for the user. */
export async function storageCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateStorageError(error);
  }
}

/** A point read that treats "not found" as an answer, not an error. */
export async function getOrNull(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<Row> | null> {
  try {
    return await table.getEntity<Row>(partitionKey, rowKey);
  } catch (error) {
    if (statusCodeOf(error) === 404) return null;
    throw translateStorageError(error);
  }
}

/** Every row a filter matches (the filter is checked against the service's limits first). */
export function queryRows(table: TableClient, filter: string, select?: string[]): Promise<TableEntityResult<Row>[]> {
  assertFilterWithinLimits(filter);
  return storageCall(async () => {
    const rows: TableEntityResult<Row>[] = [];
    for await (const row of table.listEntities<Row>({ queryOptions: { filter, select } })) rows.push(row);
    return rows;
  });
}

/** Deletes a row if it is there. */
export async function deleteIfPresent(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
  } catch (error) {
    if (statusCodeOf(error) !== 404) throw translateStorageError(error);
  }
}
