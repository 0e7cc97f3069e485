import { odata, TableClient } from '@azure/data-tables';
import { compact, json, Row, str, strOrNull } from './entity-codec';
import { statusCodeOf, translateStorageError } from './errors';
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
    const table = await this.table();
    try {
      return toRecord(await table.getEntity<Row>(CONVERSATION, escapeKey(conversationId)));
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error);
    }
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
    try {
      await table.upsertEntity(entity, 'Merge');
    } catch (error) {
      throw translateStorageError(error);
    }
  }

  async bindPlan(conversationId: string, planId: string): Promise<void> {
    const table = await this.table();
    try {
      await table.upsertEntity({ partitionKey: CONVERSATION, rowKey: escapeKey(conversationId), conversationId, planId }, 'Merge');
    } catch (error) {
      throw translateStorageError(error);
    }
  }

  /** Every conversation bound to the plan: where its digest goes. */
  async boundTo(planId: string): Promise<ConversationRecord[]> {
    const table = await this.table();
    const records: ConversationRecord[] = [];
    try {
      const filter = odata`PartitionKey eq ${CONVERSATION} and planId eq ${planId}`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) records.push(toRecord(row));
    } catch (error) {
      throw translateStorageError(error);
    }
    return records;
  }

  async remove(conversationId: string): Promise<void> {
    const table = await this.table();
    try {
      await table.deleteEntity(CONVERSATION, escapeKey(conversationId));
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw translateStorageError(error);
    }
  }

  private pendingKey(conversationId: string, userId: string) {
    return { partitionKey: PENDING, rowKey: escapeKey(`${conversationId}|${userId}`) };
  }

  async pending(conversationId: string, userId: string, now: Date): Promise<PendingQuestion | null> {
    const table = await this.table();
    const key = this.pendingKey(conversationId, userId);
    try {
      const row = await table.getEntity<Row>(key.partitionKey, key.rowKey);
      const question: PendingQuestion = { kind: str(row, 'kind'), data: json(row, 'data', {}), expiresAt: str(row, 'expiresAt') };
      return Date.parse(question.expiresAt) > now.getTime() ? question : null;
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error);
    }
  }

  async ask(conversationId: string, userId: string, question: PendingQuestion): Promise<void> {
    const table = await this.table();
    const entity = { ...this.pendingKey(conversationId, userId), kind: question.kind, data: JSON.stringify(question.data), expiresAt: question.expiresAt };
    assertWithinLimits(entity);
    try {
      await table.upsertEntity(entity, 'Replace');
    } catch (error) {
      throw translateStorageError(error);
    }
  }

  async clearPending(conversationId: string, userId: string): Promise<void> {
    const table = await this.table();
    const key = this.pendingKey(conversationId, userId);
    try {
      await table.deleteEntity(key.partitionKey, key.rowKey);
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw translateStorageError(error);
    }
  }
}
