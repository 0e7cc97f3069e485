import { odata, TableClient, TransactionAction } from '@azure/data-tables';
import { isPersonProblem, PersonKeys, PersonProblem } from '../domain/reach';
import { compact, json, Row, str, strOrNull, strsOrNull } from './entity-codec';
import { getOrNull, queryRows, storageCall } from './table-ops';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';
import { StoredReference } from './conversation-store';
import { Tables } from './tables';

/**
 * A person the bot has met in Teams, linked by email (how plans name owners)
 * to their directory id and their personal chat, where reminders go.
 */
export interface Person extends PersonKeys {
  email: string;
  name: string | null;
  userPrincipalName: string | null;
  aadObjectId: string | null;
  /** The Teams user id (`29:…`), needed to open a chat with them. */
  teamsUserId: string | null;
  /** Their tenant and the Teams service where the bot met them: both needed to open a chat with them. */
  tenantId: string | null;
  serviceUrl: string | null;
  personalChat: StoredReference | null;
  /** Why messages to them fail (blocked, chat gone), until they next install the app or write. */
  unreachable: PersonProblem | null;
  formerEmails: string[];
  updatedAt: string;
}

/** What Teams told us about a member, filed under `email` (see personKey). */
export type MemberFacts = Partial<Omit<Person, 'formerEmails'>> & { email: string; updatedAt: string };

const BY_EMAIL = 'email';
const BY_AAD = 'aad';

function toPerson(row: Row): Person {
  return {
    email: str(row, 'email'),
    ...strsOrNull(row, ['name', 'userPrincipalName', 'aadObjectId', 'teamsUserId', 'tenantId', 'serviceUrl']),
    personalChat: json<StoredReference | null>(row, 'personalChat', null),
    unreachable: problemOf(strOrNull(row, 'unreachable')),
    formerEmails: json<string[]>(row, 'formerEmails', []),
    updatedAt: str(row, 'updatedAt'),
  };
}

/** Older rows kept a sentence; only a block is worth carrying over, the rest is worked out again. */
function problemOf(stored: string | null): PersonProblem | null {
  if (isPersonProblem(stored)) return stored;
  return stored && /block/i.test(stored) ? 'blocked' : null;
}

function entityOf(person: MemberFacts & { formerEmails?: string[] }) {
  const email = person.email.toLowerCase();
  return compact({
    partitionKey: BY_EMAIL,
    rowKey: escapeKey(email),
    email,
    name: person.name,
    userPrincipalName: person.userPrincipalName?.toLowerCase() ?? person.userPrincipalName,
    aadObjectId: person.aadObjectId,
    teamsUserId: person.teamsUserId,
    tenantId: person.tenantId,
    serviceUrl: person.serviceUrl,
    personalChat: person.personalChat === undefined ? undefined : JSON.stringify(person.personalChat),
    unreachable: person.unreachable === null ? '' : person.unreachable,
    formerEmails: person.formerEmails ? JSON.stringify(person.formerEmails) : undefined,
    updatedAt: person.updatedAt,
  });
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
    return (await this.aadLink(aadObjectId))?.email ?? null;
  }

  /** The email linked to a directory id, and when Teams last confirmed it. */
  async aadLink(aadObjectId: string): Promise<{ email: string; checkedAt: string | null } | null> {
    const row = await getOrNull(await this.table(), BY_AAD, escapeKey(aadObjectId.toLowerCase()));
    return row && str(row, 'email') ? { email: str(row, 'email'), checkedAt: strOrNull(row, 'checkedAt') } : null;
  }

  /** Merges what we learnt; fields left undefined keep their stored value. */
  async link(person: MemberFacts): Promise<void> {
    const table = await this.table();
    const entity = entityOf(person);
    assertWithinLimits(entity);
    if (person.name) this.names?.byEmail.set(entity.email, person.name);
    await storageCall(async () => {
      await table.upsertEntity(entity, 'Merge');
      if (person.aadObjectId) await this.upsertAad(table, person.aadObjectId, entity.email, person.updatedAt);
    });
  }

  /**
   * Records a member as Teams described them. Someone whose address changed
   * (same Entra object id, new mail) is moved to the new address with their
   * chat and ids, and the old address kept as a former one, in one
   * transaction, so they are neither stuck on the old address nor duplicated.
   */
  async recordMember(member: MemberFacts): Promise<'recorded' | 'relinked'> {
    const email = member.email.toLowerCase();
    const previous = member.aadObjectId ? (await this.aadLink(member.aadObjectId))?.email : undefined;
    const old = previous && previous !== email ? await this.byEmail(previous) : null;
    if (!old) {
      await this.link(member);
      return 'recorded';
    }
    const table = await this.table();
    const current = await this.byEmail(email);
    const formerEmails = [...new Set([...old.formerEmails, ...(current?.formerEmails ?? []), old.email])].filter(
      (e) => e !== email,
    );
    // What Teams just said wins; otherwise whatever either row knew (a row for the new address may know little).
    const merged: MemberFacts & { formerEmails: string[] } = {
      ...old,
      ...known(current ?? {}),
      ...known(member),
      email,
      formerEmails,
    };
    const entity = entityOf(merged);
    assertWithinLimits(entity);
    const actions: TransactionAction[] = [
      ['upsert', entity, 'Replace'],
      ['delete', { partitionKey: BY_EMAIL, rowKey: escapeKey(old.email) }],
    ];
    await storageCall(async () => {
      await table.submitTransaction(actions);
      await this.upsertAad(table, member.aadObjectId!, email, member.updatedAt);
    });
    this.names = null;
    return 'relinked';
  }

  private async upsertAad(table: TableClient, aadObjectId: string, email: string, checkedAt: string): Promise<void> {
    await table.upsertEntity(
      { partitionKey: BY_AAD, rowKey: escapeKey(aadObjectId.toLowerCase()), email, checkedAt },
      'Replace',
    );
  }
}

/** The fields that say something: undefined and null leave what the other row knew. An explicit `unreachable: null` clears. */
function known<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([k, v]) => v !== undefined && (v !== null || k === 'unreachable')),
  ) as Partial<T>;
}
