import { VERSION_ROW } from './action-rows';
import { escapeKey } from './keys';
import { storageCall } from './table-ops';
import { Tables } from './tables';

/**
 * The row the previous release checked for changes to a plan's details and roles. Readers now check the
 * version row alone (one point read, see PlanReader); this one is still moved so that instances of the
 * previous release, running beside this one during a deployment, see such a change at once too.
 */
export const ACCESS_ROW = '!access';

/**
 * Moves the version row of each plan on, so that readers on every instance read the plan's details and
 * roles again (and its actions, which cost one more read after a change that is rare). Called after the
 * change itself is saved, never before.
 */
export async function touchAccess(tables: Tables, planIds: readonly string[]): Promise<void> {
  if (planIds.length === 0) return;
  const table = await tables.client('actions');
  const changedAt = new Date().toISOString();
  await Promise.all(
    planIds.flatMap((planId) =>
      [VERSION_ROW, ACCESS_ROW].map((rowKey) =>
        storageCall(() =>
          table.upsertEntity({ partitionKey: escapeKey(planId), rowKey, accessChangedAt: changedAt }, 'Merge'),
        ),
      ),
    ),
  );
}
