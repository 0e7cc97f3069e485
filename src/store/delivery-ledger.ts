import { odata, TableClient } from '@azure/data-tables';
import { compact, num, Row, str, strOrNull } from './entity-codec';
import { statusCodeOf, translateStorageError } from './errors';
import { escapeKey } from './keys';
import { Tables } from './tables';

/**
 * Which recipients a job run has delivered to. A run claims a recipient with
 * insert-if-absent before sending, so a crash, a restart or a second
 * instance never sends twice and never skips anyone.
 *
 *   claimed → sent | unreachable | failed
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
    const existing = await table.getEntity<Row>(escapeKey(runId), escapeKey(recipient)).catch((e: unknown) => {
      throw translateStorageError(e);
    });
    const current = toDelivery(existing);
    if (current.state === 'sent' || current.state === 'unreachable') return { claimed: false, reason: 'done', delivery: current };
    if (current.state === 'claimed' && Date.parse(current.leaseUntil) > now.getTime() && current.claimedBy !== claimant) {
      return { claimed: false, reason: 'held', delivery: current };
    }
    // A failed delivery, or a claim whose holder has gone: take it over, unless someone else just did.
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
    try {
      return (await table.updateEntity(entityOf(delivery), 'Replace', { etag })).etag ?? '';
    } catch (error) {
      throw translateStorageError(error);
    }
  }

  async run(runId: string): Promise<Delivery[]> {
    const table = await this.table();
    const rows: Delivery[] = [];
    try {
      for await (const row of table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${escapeKey(runId)}` } })) {
        if (row.rowKey !== RUN_COMPLETE) rows.push(toDelivery(row));
      }
    } catch (error) {
      throw translateStorageError(error);
    }
    return rows;
  }

  /** Marks a run as finished for every recipient, so the scheduler need not start it again. */
  async markComplete(runId: string, at: Date): Promise<void> {
    const table = await this.table();
    try {
      await table.upsertEntity({ partitionKey: escapeKey(runId), rowKey: RUN_COMPLETE, completedAt: at.toISOString() }, 'Replace');
    } catch (error) {
      throw translateStorageError(error);
    }
  }

  async isComplete(runId: string): Promise<boolean> {
    const table = await this.table();
    try {
      await table.getEntity(escapeKey(runId), RUN_COMPLETE);
      return true;
    } catch (error) {
      if (statusCodeOf(error) === 404) return false;
      throw translateStorageError(error);
    }
  }

  async get(runId: string, recipient: string): Promise<Delivery | null> {
    const table = await this.table();
    try {
      return toDelivery(await table.getEntity<Row>(escapeKey(runId), escapeKey(recipient)));
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error);
    }
  }
}
