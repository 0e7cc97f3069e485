import { TableClient } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { TableClientFactory } from './tables';

/**
 * Production storage without a key: the app's managed identity needs the
 * "Storage Table Data Contributor" role on the account (infra/ grants it).
 */
export function managedIdentityFactory(accountUrl: string): TableClientFactory {
  const credential = new DefaultAzureCredential();
  return (tableName) => new TableClient(accountUrl, tableName, credential);
}

export function createTableClient(
  settings: { kind: 'accountUrl'; accountUrl: string },
  tableName: string,
): TableClient {
  return managedIdentityFactory(settings.accountUrl)(tableName);
}
