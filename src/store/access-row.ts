import { escapeKey } from './keys';
import { storageCall } from './table-ops';
import { Tables } from './tables';

/**
 * A row beside the plan's version row, in the plan's partition of the actions table, so that the one
 * read that checks the version returns it too. It is rewritten after every change to the plan's details
 * or to anyone's roles in the plan, so its ETag says whether what decides who may read the plan has
 * changed, whichever instance changed it (see PlanReader).
 */
export const ACCESS_ROW = '!access';

/** Moves the access row of each plan on. Called after the change itself is saved, never before. */
export async function touchAccess(tables: Tables, planIds: readonly string[]): Promise<void> {
  if (planIds.length === 0) return;
  const table = await tables.client('actions');
  const changedAt = new Date().toISOString();
  await Promise.all(
    planIds.map((planId) =>
      storageCall(() =>
        table.upsertEntity({ partitionKey: escapeKey(planId), rowKey: ACCESS_ROW, changedAt }, 'Replace'),
      ),
    ),
  );
}
