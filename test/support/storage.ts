import { randomBytes } from 'node:crypto';
import { connectionStringFactory, Storage, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';

/** Stores over the run's Azurite, with tables of their own so test files never share data. */
export function testStorage(): Storage {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('The jest global setup did not start Azurite.');
  const prefix = 't' + randomBytes(5).toString('hex');
  return storesOver(new Tables(connectionStringFactory(connectionString), prefix));
}
