import { odata, TableClient } from '@azure/data-tables';
import { compact, json, Row, str, strOrNull } from './entity-codec';
import { statusCodeOf, translateStorageError } from './errors';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';
import { StoredReference } from './conversation-store';
import { Tables } from './tables';

/**
 * A person the bot has met in Teams, linked by email (how plans name owners)
 * to their directory id and their personal chat, where reminders go.
 */
export interface Person {
  email: string;
  name: string | null;
  aadObjectId: string | null;
  /** The Teams user id (`29:…`), needed to open a chat with them. */
  teamsUserId: string | null;
  personalChat: StoredReference | null;
  /** Why messages to them fail (blocked, uninstalled), when they do. */
  unreachable: string | null;
  updatedAt: string;
}

const BY_EMAIL = 'email';
const BY_AAD = 'aad';

function toPerson(row: Row): Person {
  return {
    email: str(row, 'email'),
    name: strOrNull(row, 'name'),
    aadObjectId: strOrNull(row, 'aadObjectId'),
    teamsUserId: strOrNull(row, 'teamsUserId'),
    personalChat: json<StoredReference | null>(row, 'personalChat', null),
    unreachable: strOrNull(row, 'unreachable'),
    updatedAt: str(row, 'updatedAt'),
  };
}

/** Names change rarely and are only shown, so a few minutes' staleness is fine. */
const NAMES_TTL_MS = 5 * 60_000;

export class PeopleStore {
  private names: { at: number; byEmail: Map<string, string> } | null = null;

  constructor(private readonly tables: Tables) {}

  /** Everyone's name by email, read in one query and kept for a few minutes. */
  async nameDirectory(now = Date.now()): Promise<ReadonlyMap<string, string>> {
    if (this.names && now - this.names.at < NAMES_TTL_MS) return this.names.byEmail;
    const table = await this.table();
    const byEmail = new Map<string, string>();
    try {
      const filter = odata`PartitionKey eq ${BY_EMAIL}`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter, select: ['email', 'name'] } })) {
        const name = strOrNull(row, 'name');
        if (name) byEmail.set(str(row, 'email'), name);
      }
    } catch (error) {
      throw translateStorageError(error);
    }
    this.names = { at: now, byEmail };
    return byEmail;
  }

  private table(): Promise<TableClient> {
    return this.tables.client('people');
  }

  /** Everyone the bot has met, in one query: jobs read this once per run, not once per person. */
  async all(): Promise<Person[]> {
    const table = await this.table();
    const people: Person[] = [];
    try {
      for await (const row of table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${BY_EMAIL}` } })) people.push(toPerson(row));
    } catch (error) {
      throw translateStorageError(error);
    }
    return people;
  }

  async byEmail(email: string): Promise<Person | null> {
    return this.read(BY_EMAIL, email.toLowerCase());
  }

  /** The email linked to a directory id, so we need not ask Teams on every message. */
  async emailOf(aadObjectId: string): Promise<string | null> {
    const table = await this.table();
    try {
      return str(await table.getEntity<Row>(BY_AAD, escapeKey(aadObjectId)), 'email') || null;
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error);
    }
  }

  private async read(partition: string, key: string): Promise<Person | null> {
    const table = await this.table();
    try {
      return toPerson(await table.getEntity<Row>(partition, escapeKey(key)));
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error);
    }
  }

  /** Merges what we learnt; fields left undefined keep their stored value. */
  async link(person: Partial<Person> & { email: string; updatedAt: string }): Promise<void> {
    const table = await this.table();
    const email = person.email.toLowerCase();
    const entity = compact({
      partitionKey: BY_EMAIL,
      rowKey: escapeKey(email),
      email,
      name: person.name,
      aadObjectId: person.aadObjectId,
      teamsUserId: person.teamsUserId,
      personalChat: person.personalChat === undefined ? undefined : JSON.stringify(person.personalChat),
      unreachable: person.unreachable === null ? '' : person.unreachable,
      updatedAt: person.updatedAt,
    });
    assertWithinLimits(entity);
    if (person.name) this.names?.byEmail.set(email, person.name);
    try {
      await table.upsertEntity(entity, 'Merge');
      if (person.aadObjectId) {
        await table.upsertEntity({ partitionKey: BY_AAD, rowKey: escapeKey(person.aadObjectId), email }, 'Replace');
      }
    } catch (error) {
      throw translateStorageError(error);
    }
  }
}
