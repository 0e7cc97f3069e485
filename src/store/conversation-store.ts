import { odata, TableClient } from '@azure/data-tables';
import { postPrefixOf, threadRootOf } from '../domain/conversation-id';
import { compact, json, oneOf, Row, str, strOrNull } from './entity-codec';
import { deleteIfPresent, getOrNull, queryRows, storageCall } from './table-ops';
import { ConflictError, statusCodeOf } from './errors';
import { escapeKey, prefixUpperBound } from './keys';
import { assertWithinLimits } from './limits';
import { Tables } from './tables';

/** The SDK's conversation reference, kept as the JSON the Teams layer gave us. */
export type StoredReference = Record<string, unknown>;
export const CONVERSATION_KINDS = ['personal', 'groupChat', 'channel'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export interface ConversationRecord {
  conversationId: string;
  /** Null when not recorded: a binding made without it (from the command line, or by earlier versions). */
  kind: ConversationKind | null;
  tenantId: string | null;
  reference: StoredReference;
  /** The plan "what's overdue" means here, once an administrator has chosen one. */
  planId: string | null;
  /** For a channel, its team: removing the app from the team forgets the channel. */
  teamId?: string | null;
  updatedAt: string;
}

/** The plan bound to a conversation, and the version of its row (null: no row yet) for a conditional rebind. */
export interface Binding {
  planId: string | null;
  etag: string | null;
}

/** A question the bot asked and is waiting for an answer to (one per person per conversation). */
export interface PendingQuestion {
  kind: string;
  data: Record<string, unknown>;
  expiresAt: string;
}

const CONVERSATION = 'conversation';
const PENDING = 'pending';

function toRecord(row: Row): ConversationRecord {
  return {
    conversationId: str(row, 'conversationId'),
    kind: strOrNull(row, 'kind') === null ? null : oneOf('conversations', row, 'kind', CONVERSATION_KINDS),
    tenantId: strOrNull(row, 'tenantId'),
    reference: json<StoredReference>(row, 'reference', {}),
    planId: strOrNull(row, 'planId'),
    teamId: strOrNull(row, 'teamId'),
    updatedAt: str(row, 'updatedAt'),
  };
}

/** The most recently used of a channel's posts that carry a plan (bindings made before channels were bound whole). */
function latestBoundPost(posts: readonly ConversationRecord[]): ConversationRecord | null {
  const bound = posts.filter((p) => p.planId);
  bound.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.conversationId.localeCompare(b.conversationId));
  return bound.at(-1) ?? null;
}

export class ConversationStore {
  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('conversations');
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const row = await getOrNull(await this.table(), CONVERSATION, escapeKey(conversationId));
    return row && toRecord(row);
  }

  /** Records where the bot can reach a conversation, keeping any plan already bound to it. */
  async saveReference(record: Omit<ConversationRecord, 'planId'>): Promise<void> {
    const table = await this.table();
    const entity = compact({
      partitionKey: CONVERSATION,
      rowKey: escapeKey(record.conversationId),
      conversationId: record.conversationId,
      kind: record.kind,
      tenantId: record.tenantId,
      teamId: record.teamId ?? null,
      reference: JSON.stringify(record.reference),
      updatedAt: record.updatedAt,
    });
    assertWithinLimits(entity);
    await storageCall(() => table.upsertEntity(entity, 'Merge'));
  }

  /**
   * The plan bound to a conversation. A channel's binding lives under the channel's id; a
   * binding stored under one of its posts (`…;messageid=…`, as earlier versions did) still
   * counts while the channel has none of its own, the most recently used post winning.
   */
  async binding(conversationId: string, kind: ConversationKind): Promise<Binding> {
    const row = await getOrNull(await this.table(), CONVERSATION, escapeKey(conversationId));
    const planId = row ? strOrNull(row, 'planId') : null;
    const etag = row?.etag ?? null;
    if (planId || kind !== 'channel') return { planId, etag };
    return { planId: latestBoundPost(await this.postsOf(conversationId))?.planId ?? null, etag };
  }

  /**
   * Binds a plan to a conversation. With `expected` (from `binding`), only if the row is
   * still as it was read: two people rebinding at once cannot both win unseen. A channel's
   * bindings stored per post are cleared, so that the channel's own binding is the only one.
   */
  async bindPlan(
    conversationId: string,
    planId: string,
    expected?: { etag: string | null; kind: ConversationKind },
  ): Promise<void> {
    const table = await this.table();
    const entity = {
      partitionKey: CONVERSATION,
      rowKey: escapeKey(conversationId),
      conversationId,
      planId,
      ...(expected ? { kind: expected.kind } : {}),
    };
    await storageCall(async () => {
      try {
        if (!expected) await table.upsertEntity(entity, 'Merge');
        else if (expected.etag) await table.updateEntity(entity, 'Merge', { etag: expected.etag });
        else await table.createEntity(entity);
      } catch (error) {
        const status = statusCodeOf(error);
        if (status === 409 || status === 412) throw new ConflictError({ kind: 'binding' });
        throw error;
      }
    });
    if (expected?.kind === 'channel') {
      for (const post of await this.postsOf(conversationId)) {
        // An empty string, not null: a Merge leaves out null properties rather than clearing them.
        if (post.planId)
          await storageCall(() =>
            table.upsertEntity(
              { partitionKey: CONVERSATION, rowKey: escapeKey(post.conversationId), planId: '' },
              'Merge',
            ),
          );
      }
    }
  }

  /**
   * Every conversation bound to the plan: where its digest goes. A channel appears once,
   * under its own id, however many of its posts were bound before channels were bound whole.
   */
  async boundTo(planId: string): Promise<ConversationRecord[]> {
    const rows = (
      await queryRows(await this.table(), odata`PartitionKey eq ${CONVERSATION} and planId eq ${planId}`)
    ).map(toRecord);
    const whole = rows.filter((r) => threadRootOf(r.conversationId) === r.conversationId);
    const channelsOfPosts = new Set(
      rows.map((r) => threadRootOf(r.conversationId)).filter((id) => !whole.some((w) => w.conversationId === id)),
    );
    const fromPosts = await Promise.all(
      [...channelsOfPosts].map(async (channelId): Promise<ConversationRecord | null> => {
        const binding = await this.binding(channelId, 'channel');
        if (binding.planId !== planId) return null; // the channel has since been bound elsewhere, or a later post says otherwise
        const post = latestBoundPost(rows.filter((r) => threadRootOf(r.conversationId) === channelId))!;
        return { ...post, conversationId: channelId, kind: 'channel' };
      }),
    );
    return [...whole, ...fromPosts.filter((r): r is ConversationRecord => r !== null)];
  }

  /** Forgets a conversation (and, for a channel, everything stored per post). */
  async remove(conversationId: string): Promise<void> {
    const table = await this.table();
    for (const post of await this.postsOf(conversationId))
      await deleteIfPresent(table, CONVERSATION, escapeKey(post.conversationId));
    await deleteIfPresent(table, CONVERSATION, escapeKey(conversationId));
  }

  /**
   * Forgets every channel of a team, when the app is removed from it. Channels are found by the
   * team recorded with them, and by the team's id itself, which is its General channel's id.
   */
  async removeTeam(teamId: string): Promise<number> {
    const rows = (
      await queryRows(await this.table(), odata`PartitionKey eq ${CONVERSATION} and teamId eq ${teamId}`, [
        'conversationId',
      ])
    ).map(toRecord);
    const channels = new Set([teamId, ...rows.map((r) => threadRootOf(r.conversationId))]);
    for (const channelId of channels) await this.remove(channelId);
    return rows.length;
  }

  /** The rows stored under a channel's posts (`<channel>;messageid=…`). */
  private async postsOf(channelId: string): Promise<ConversationRecord[]> {
    const from = escapeKey(postPrefixOf(channelId));
    return (
      await queryRows(
        await this.table(),
        odata`PartitionKey eq ${CONVERSATION} and RowKey ge ${from} and RowKey lt ${prefixUpperBound(from)}`,
      )
    ).map(toRecord);
  }

  private pendingKey(conversationId: string, userId: string) {
    return { partitionKey: PENDING, rowKey: escapeKey(`${conversationId}|${userId}`) };
  }

  async pending(conversationId: string, userId: string, now: Date): Promise<PendingQuestion | null> {
    const key = this.pendingKey(conversationId, userId);
    const row = await getOrNull(await this.table(), key.partitionKey, key.rowKey);
    if (!row) return null;
    const question: PendingQuestion = {
      kind: str(row, 'kind'),
      data: json(row, 'data', {}),
      expiresAt: str(row, 'expiresAt'),
    };
    return Date.parse(question.expiresAt) > now.getTime() ? question : null;
  }

  async ask(conversationId: string, userId: string, question: PendingQuestion): Promise<void> {
    const table = await this.table();
    const entity = {
      ...this.pendingKey(conversationId, userId),
      kind: question.kind,
      data: JSON.stringify(question.data),
      expiresAt: question.expiresAt,
    };
    assertWithinLimits(entity);
    await storageCall(() => table.upsertEntity(entity, 'Replace'));
  }

  async clearPending(conversationId: string, userId: string): Promise<void> {
    const key = this.pendingKey(conversationId, userId);
    await deleteIfPresent(await this.table(), key.partitionKey, key.rowKey);
  }
}
