import { TableClient } from '@azure/data-tables';
import { translateStorageError } from './errors';

export const TABLE_NAMES = ['plans', 'actions', 'roles', 'glossary', 'conversations', 'people', 'deliveries'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Makes the SDK client for one physical table; how it authenticates is the caller's business. */
export type TableClientFactory = (physicalName: string) => TableClient;

/**
 * Hands out one client per logical table, named `<prefix><name>`, creating
 * each table the first time it is used.
 */
export class Tables {
  private readonly clients = new Map<string, Promise<TableClient>>();

  constructor(
    private readonly factory: TableClientFactory,
    readonly prefix: string,
  ) {}

  client(name: TableName): Promise<TableClient> {
    let client = this.clients.get(name);
    if (!client) {
      const created = this.factory(`${this.prefix}${name}`);
      // Often the first call a command makes, so "cannot reach storage" must be translated here too.
      client = created.createTable().then(
        () => created,
        (error: unknown) => Promise.reject(translateStorageError(error)),
      );
      client.catch(() => this.clients.delete(name));
      this.clients.set(name, client);
    }
    return client;
  }
}
