import { odata, TableClient } from '@azure/data-tables';
import { compact, json, Row, str, strOrNull } from './entity-codec';
import { getOrNull, queryRows, storageCall } from './table-ops';
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
    const byEmail = new Map<string, string>();
    for (const row of await queryRows(await this.table(), odata`PartitionKey eq ${BY_EMAIL}`, ['email', 'name'])) {
      const name = strOrNull(row, 'name');
      if (name) byEmail.set(str(row, 'email'), name);
    }
    this.names = { at: now, byEmail };
    return byEmail;
  }

  private table(): Promise<TableClient> {
    return this.tables.client('people');
  }

  /** Everyone the bot has met, in one query: jobs read this once per run, not once per person. */
  async all(): Promise<Person[]> {
    return (await queryRows(await this.table(), odata`PartitionKey eq ${BY_EMAIL}`)).map(toPerson);
  }

  async byEmail(email: string): Promise<Person | null> {
    const row = await getOrNull(await this.table(), BY_EMAIL, escapeKey(email.toLowerCase()));
    return row && toPerson(row);
  }

  /** The email linked to a directory id, so we need not ask Teams on every message. */
  async emailOf(aadObjectId: string): Promise<string | null> {
    const row = await getOrNull(await this.table(), BY_AAD, escapeKey(aadObjectId));
    return row ? str(row, 'email') || null : null;
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
    await storageCall(async () => {
      await table.upsertEntity(entity, 'Merge');
      if (person.aadObjectId) await table.upsertEntity({ partitionKey: BY_AAD, rowKey: escapeKey(person.aadObjectId), email }, 'Replace');
    });
  }
}
