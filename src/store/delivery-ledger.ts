import { odata, TableClient } from '@azure/data-tables';
import { compact, num, Row, str, strOrNull } from './entity-codec';
import { statusCodeOf, translateStorageError } from './errors';
import { getOrNull, queryRows, storageCall } from './table-ops';
import { escapeKey } from './keys';
import { Tables } from './tables';

/**
 * Which recipients a job run has delivered to. A run claims a recipient with
 * insert-if-absent before sending, so a crash, a restart or a second
 * instance never sends twice and never skips anyone.
 *
 *   claimed → sent | unreachable | failed
 *
 * Only "sent" is final: a later run of the same week tries unreachable and
 * failed recipients again.
 *
 * A claim carries a lease: if its holder dies, another run may take it over
 * once the lease has run out.
 */
export type DeliveryState = 'claimed' | 'sent' | 'unreachable' | 'failed';

/** A row that is no recipient: written when every recipient of a run has an outcome. */
const RUN_COMPLETE = '!complete';

export interface Delivery {
  runId: string;
  recipient: string;
  state: DeliveryState;
  claimedBy: string;
  leaseUntil: string;
  attempts: number;
  activityId: string | null;
  conversationId: string | null;
  lastError: string | null;
  updatedAt: string;
}

export type ClaimResult =
  | { claimed: true; delivery: Delivery; etag: string }
  | { claimed: false; reason: 'done' | 'held'; delivery: Delivery };

function toDelivery(row: Row): Delivery {
  return {
    runId: str(row, 'runId'),
    recipient: str(row, 'recipient'),
    state: str(row, 'state') as DeliveryState,
    claimedBy: str(row, 'claimedBy'),
    leaseUntil: str(row, 'leaseUntil'),
    attempts: num(row, 'attempts'),
    activityId: strOrNull(row, 'activityId'),
    conversationId: strOrNull(row, 'conversationId'),
    lastError: strOrNull(row, 'lastError'),
    updatedAt: str(row, 'updatedAt'),
  };
}

const entityOf = (d: Delivery) =>
  compact({ partitionKey: escapeKey(d.runId), rowKey: escapeKey(d.recipient), ...d, lastError: d.lastError?.slice(0, 1000) });

export class DeliveryLedger {
  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('deliveries');
  }

  /** Claims a recipient for this run, or says why not: already delivered, or held by a live claim. */
  async claim(runId: string, recipient: string, claimant: string, now: Date, leaseMs: number): Promise<ClaimResult> {
    const table = await this.table();
    const fresh: Delivery = {
      runId,
      recipient,
      state: 'claimed',
      claimedBy: claimant,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: 0,
      activityId: null,
      conversationId: null,
      lastError: null,
      updatedAt: now.toISOString(),
    };
    try {
      const created = await table.createEntity(entityOf(fresh));
      return { claimed: true, delivery: fresh, etag: created.etag ?? '' };
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw translateStorageError(error);
    }
    const existing = await getOrNull(table, escapeKey(runId), escapeKey(recipient));
    if (!existing) return this.claim(runId, recipient, claimant, now, leaseMs); // deleted between our two calls
    const current = toDelivery(existing);
    if (current.state === 'sent') return { claimed: false, reason: 'done', delivery: current };
    if (current.state === 'claimed' && Date.parse(current.leaseUntil) > now.getTime() && current.claimedBy !== claimant) {
      return { claimed: false, reason: 'held', delivery: current };
    }
    // A failed or unreachable delivery (they may have installed the app since), or a claim whose
    // holder has gone: take it over, unless someone else just did.
    const takeover: Delivery = { ...current, state: 'claimed', claimedBy: claimant, leaseUntil: fresh.leaseUntil, updatedAt: fresh.updatedAt };
    try {
      const updated = await table.updateEntity(entityOf(takeover), 'Replace', { etag: existing.etag });
      return { claimed: true, delivery: takeover, etag: updated.etag ?? '' };
    } catch (error) {
      if (statusCodeOf(error) === 412) return { claimed: false, reason: 'held', delivery: current };
      throw translateStorageError(error);
    }
  }

  /** Records the outcome of a claimed delivery; the ETag makes sure we still hold the claim. */
  async record(delivery: Delivery, etag: string): Promise<string> {
    const table = await this.table();
    return (await storageCall(() => table.updateEntity(entityOf(delivery), 'Replace', { etag }))).etag ?? '';
  }

  async run(runId: string): Promise<Delivery[]> {
    const rows = await queryRows(await this.table(), odata`PartitionKey eq ${escapeKey(runId)}`);
    return rows.filter((row) => row.rowKey !== RUN_COMPLETE).map(toDelivery);
  }

  /** Marks a run as finished for every recipient, so the scheduler need not start it again. */
  async markComplete(runId: string, at: Date): Promise<void> {
    const table = await this.table();
    await storageCall(() => table.upsertEntity({ partitionKey: escapeKey(runId), rowKey: RUN_COMPLETE, completedAt: at.toISOString() }, 'Replace'));
  }

  async isComplete(runId: string): Promise<boolean> {
    return (await getOrNull(await this.table(), escapeKey(runId), RUN_COMPLETE)) !== null;
  }

  async get(runId: string, recipient: string): Promise<Delivery | null> {
    const row = await getOrNull(await this.table(), escapeKey(runId), escapeKey(recipient));
    return row && toDelivery(row);
  }
}
