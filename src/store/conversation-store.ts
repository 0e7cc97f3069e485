import { odata, TableClient } from '@azure/data-tables';
import { compact, json, Row, str, strOrNull } from './entity-codec';
import { deleteIfPresent, getOrNull, queryRows, storageCall } from './table-ops';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';
import { Tables } from './tables';

/** The SDK's conversation reference, kept as the JSON the Teams layer gave us. */
export type StoredReference = Record<string, unknown>;
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface ConversationRecord {
  conversationId: string;
  kind: ConversationKind;
  tenantId: string | null;
  reference: StoredReference;
  /** The plan "what's overdue" means here, once an administrator has chosen one. */
  planId: string | null;
  updatedAt: string;
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
    kind: str(row, 'kind') as ConversationKind,
    tenantId: strOrNull(row, 'tenantId'),
    reference: json<StoredReference>(row, 'reference', {}),
    planId: strOrNull(row, 'planId'),
    updatedAt: str(row, 'updatedAt'),
  };
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
      reference: JSON.stringify(record.reference),
      updatedAt: record.updatedAt,
    });
    assertWithinLimits(entity);
    await storageCall(() => table.upsertEntity(entity, 'Merge'));
  }

  async bindPlan(conversationId: string, planId: string): Promise<void> {
    const table = await this.table();
    await storageCall(() => table.upsertEntity({ partitionKey: CONVERSATION, rowKey: escapeKey(conversationId), conversationId, planId }, 'Merge'));
  }

  /** Every conversation bound to the plan: where its digest goes. */
  async boundTo(planId: string): Promise<ConversationRecord[]> {
    return (await queryRows(await this.table(), odata`PartitionKey eq ${CONVERSATION} and planId eq ${planId}`)).map(toRecord);
  }

  async remove(conversationId: string): Promise<void> {
    await deleteIfPresent(await this.table(), CONVERSATION, escapeKey(conversationId));
  }

  private pendingKey(conversationId: string, userId: string) {
    return { partitionKey: PENDING, rowKey: escapeKey(`${conversationId}|${userId}`) };
  }

  async pending(conversationId: string, userId: string, now: Date): Promise<PendingQuestion | null> {
    const key = this.pendingKey(conversationId, userId);
    const row = await getOrNull(await this.table(), key.partitionKey, key.rowKey);
    if (!row) return null;
    const question: PendingQuestion = { kind: str(row, 'kind'), data: json(row, 'data', {}), expiresAt: str(row, 'expiresAt') };
    return Date.parse(question.expiresAt) > now.getTime() ? question : null;
  }

  async ask(conversationId: string, userId: string, question: PendingQuestion): Promise<void> {
    const table = await this.table();
    const entity = { ...this.pendingKey(conversationId, userId), kind: question.kind, data: JSON.stringify(question.data), expiresAt: question.expiresAt };
    assertWithinLimits(entity);
    await storageCall(() => table.upsertEntity(entity, 'Replace'));
  }

  async clearPending(conversationId: string, userId: string): Promise<void> {
    const key = this.pendingKey(conversationId, userId);
    await deleteIfPresent(await this.table(), key.partitionKey, key.rowKey);
  }
}
