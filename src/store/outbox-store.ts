import { odata, TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { refKey } from '../domain/ref';
import { Notification } from '../domain/notifications';
import { PERSON_PROBLEMS, PersonProblem } from '../domain/reach';
import { STATUSES } from '../domain/types';
import { statusCodeOf, translateStorageError } from './errors';
import { str } from './entity-codec';
import { escapeKey, prefixUpperBound } from './keys';
import { assertWithinLimits } from './limits';
import { deleteIfPresent, queryRows } from './table-ops';
import { Tables } from './tables';

/**
 * The notification outbox: rows in the plan's own partition of the actions
 * table, beside the actions and their history, so that a change, its history
 * entry and the notifications it causes are written in one transaction
 * (see ActionStore.write). A row stays until every recipient of it has an
 * outcome in the delivery ledger.
 */
export const OUTBOX_PREFIX = 'o|';

export interface OutboxRow {
  planId: string;
  /** The row key: oldest first, unique because each revision of an action is written once. */
  id: string;
  createdAt: string;
  notification: Notification;
  /** Who it waits for, as the last pass found: people the bot has not met yet (see src/domain/notification-wait.ts). */
  waitingFor: WaitingRecipient[];
}

/** Someone a notification waits for until the bot meets them: filed under the address the people table uses. */
export interface WaitingRecipient {
  email: string;
  /** Their name as a person reads it (or their address). */
  label: string;
  reason: PersonProblem;
}

const Waiting = z.array(z.object({ email: z.string(), label: z.string(), reason: z.enum(PERSON_PROBLEMS) }));

const Request = z.object({ date: z.string(), reason: z.string(), by: z.string(), at: z.string() });
const Statuses = z.enum(STATUSES);
/** Optional: rows written before the status was kept still read, and are delivered. */
const StatusChange = z.object({ from: Statuses, to: Statuses }).optional();
const Stored: z.ZodType<Notification> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date-requested'), planId: z.string(), ref: z.string() }),
  z.object({
    kind: z.literal('date-decided'),
    planId: z.string(),
    ref: z.string(),
    request: Request,
    decision: z.enum(['approve', 'decline']),
    by: z.object({ email: z.string(), name: z.string().nullable() }),
    comment: z.string().nullable(),
    status: StatusChange,
  }),
  z.object({
    kind: z.literal('date-moved'),
    planId: z.string(),
    ref: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string(),
    by: z.object({ email: z.string(), name: z.string().nullable() }),
    status: StatusChange,
  }),
  z.object({
    kind: z.literal('status-set'),
    planId: z.string(),
    ref: z.string(),
    status: z.object({ from: Statuses, to: Statuses }),
    reason: z.string().nullable(),
    by: z.object({ email: z.string(), name: z.string().nullable() }),
  }),
  z.object({ kind: z.literal('action-changed'), planId: z.string(), ownerEmail: z.string().nullable() }),
]);

/** The outbox rows a change writes: keyed by when, which action and which revision, so they sort oldest first. */
export function outboxEntities(
  planId: string,
  at: string,
  ref: string,
  revision: number,
  notifications: readonly Notification[],
) {
  return notifications.map((notification, i) => {
    if (notification.planId !== planId)
      throw new RangeError('A notification must belong to the plan of the change that causes it.');
    const entity = {
      partitionKey: escapeKey(planId),
      rowKey: `${OUTBOX_PREFIX}${at}|${escapeKey(refKey(ref))}|${String(revision).padStart(9, '0')}|${i}`,
      createdAt: at,
      kind: notification.kind,
      notification: JSON.stringify(notification),
    };
    assertWithinLimits(entity);
    return entity;
  });
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export class OutboxStore {
  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('actions');
  }

  /** A plan's undelivered notifications, oldest first. A row that no longer reads as a notification is skipped and said so. */
  async list(planId: string): Promise<{ rows: OutboxRow[]; unreadable: string[] }> {
    const partition = escapeKey(planId);
    const found = await queryRows(
      await this.table(),
      odata`PartitionKey eq ${partition} and RowKey ge ${OUTBOX_PREFIX} and RowKey lt ${prefixUpperBound(OUTBOX_PREFIX)}`,
    );
    const rows: OutboxRow[] = [];
    const unreadable: string[] = [];
    for (const row of found) {
      const parsed = Stored.safeParse(parseOrNull(str(row, 'notification')));
      if (parsed.success)
        rows.push({
          planId,
          id: row.rowKey ?? '',
          createdAt: str(row, 'createdAt'),
          notification: parsed.data,
          // Only a note for the next pass and for reports: one that does not read is worked out again.
          waitingFor: Waiting.safeParse(parseOrNull(str(row, 'waitingFor'))).data ?? [],
        });
      else unreadable.push(row.rowKey ?? '');
    }
    return { rows, unreadable };
  }

  /**
   * Notes who a row waits for, so the next pass need draw nothing until one of them is met, and reports can say who
   * is waited for. Never brings back a row another pass has just removed.
   */
  async noteWaiting(planId: string, id: string, waitingFor: readonly WaitingRecipient[]): Promise<void> {
    const entity = { partitionKey: escapeKey(planId), rowKey: id, waitingFor: JSON.stringify(waitingFor) };
    assertWithinLimits(entity);
    try {
      await (await this.table()).updateEntity(entity, 'Merge', { etag: '*' });
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw translateStorageError(error);
    }
  }

  /** Removes a row once every recipient has an outcome. */
  async remove(planId: string, id: string): Promise<void> {
    await deleteIfPresent(await this.table(), escapeKey(planId), id);
  }
}
