import { randomBytes } from 'node:crypto';
import { diffActions, historyEntry } from '../../src/domain/history';
import { Action } from '../../src/domain/types';
import { connectionStringFactory, Storage, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';

/** Stores over the run's Azurite, with tables of their own so test files never share data. */
export function testStorage(): Storage {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('The jest global setup did not start Azurite.');
  const prefix = 't' + randomBytes(5).toString('hex');
  return storesOver(new Tables(connectionStringFactory(connectionString), prefix));
}

/** Writes actions as an import does: each with the history entry that created it, `by` someone `at` an instant. */
export function writeImported(
  storage: Storage,
  planId: string,
  actions: readonly Action[],
  { by, at }: { by: string; at: string },
): Promise<unknown> {
  return storage.actions.write(
    planId,
    actions.map((action) => ({
      action,
      history: historyEntry(action, diffActions(null, action), { by, via: 'import', at }),
    })),
  );
}
