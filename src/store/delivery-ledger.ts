import { odata, TableClient } from '@azure/data-tables';
import { compact, num, oneOf, Row, str, strOrNull } from './entity-codec';
import { statusCodeOf, translateStorageError } from './errors';
import { getOrNull, queryRows, storageCall } from './table-ops';
import { escapeKey } from './keys';
import { Tables } from './tables';
import { RETRY_RUN_AFTER_MS } from '../domain/retry';
import { isNotYetMet } from '../domain/reach';

/**
 * Which recipients a job run has delivered to. A run claims a recipient with
 * insert-if-absent before sending, so a crash, a restart or a second
 * instance never sends twice and never skips anyone.
 *
 *   claimed → sent | unreachable | refused | failed
 *
 * Sent, unreachable and refused are final for the run, but for one case: a
 * recipient found unreachable only because the bot had not met them yet
 * (worked out before any send) is tried again once they can be reached. A
 * later run of the same week tries failed recipients (passing failures that
 * outlasted the retries) again, but no sooner than an hour after the last try.
 *
 * A claim carries a lease: if its holder dies, another run may take it over
 * once the lease has run out.
 */
export const DELIVERY_STATES = ['claimed', 'sent', 'unreachable', 'refused', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A row that is no recipient: written when every recipient of a run has an outcome. */
const RUN_COMPLETE = '!complete';
/** A row that is no recipient: when a run left open by passing failures may next be tried. */
const RUN_RETRY = '!retry';

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

export type NotClaimed = 'done' | 'final' | 'later' | 'held';

/**
 * Why a recipient's earlier delivery in a run keeps this run from claiming
 * them, or null if it may. One rule for the claim and for a dry run's forecast.
 */
export function whyNotClaimable(
  current: Delivery,
  claimant: string,
  now: Date,
  reachableNow: boolean,
): NotClaimed | null {
  if (current.state === 'sent') return 'done';
  if (current.state === 'unreachable' && reachableNow && isNotYetMet(current.lastError)) return null;
  if (current.state === 'unreachable' || current.state === 'refused') return 'final';
  if (current.state === 'failed' && now.getTime() - Date.parse(current.updatedAt) < RETRY_RUN_AFTER_MS) return 'later';
  if (current.state === 'claimed' && Date.parse(current.leaseUntil) > now.getTime() && current.claimedBy !== claimant)
    return 'held';
  return null;
}

export type ClaimResult =
  { claimed: true; delivery: Delivery; etag: string } | { claimed: false; reason: NotClaimed; delivery: Delivery };

function toDelivery(row: Row): Delivery {
  return {
    runId: str(row, 'runId'),
    recipient: str(row, 'recipient'),
    state: oneOf('deliveries', row, 'state', DELIVERY_STATES),
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
  compact({
    partitionKey: escapeKey(d.runId),
    rowKey: escapeKey(d.recipient),
    ...d,
    lastError: d.lastError?.slice(0, 1000),
  });

export class DeliveryLedger {
  constructor(private readonly tables: Tables) {}

  private table(): Promise<TableClient> {
    return this.tables.client('deliveries');
  }

  /**
   * Claims a recipient for this run, or says why not: already delivered, or held by a live claim.
   * `reachableNow`: the bot can reach them now, so an earlier "not met yet" no longer stands.
   */
  async claim(
    runId: string,
    recipient: string,
    claimant: string,
    now: Date,
    leaseMs: number,
    reachableNow = false,
  ): Promise<ClaimResult> {
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
    if (!existing) return this.claim(runId, recipient, claimant, now, leaseMs, reachableNow); // deleted between our two calls
    const current = toDelivery(existing);
    const why = whyNotClaimable(current, claimant, now, reachableNow);
    if (why) return { claimed: false, reason: why, delivery: current };
    // A failed delivery tried over an hour ago, someone met since they were found unreachable,
    // or a claim whose holder has gone: take it over, unless someone else just did.
    const takeover: Delivery = {
      ...current,
      state: 'claimed',
      claimedBy: claimant,
      leaseUntil: fresh.leaseUntil,
      updatedAt: fresh.updatedAt,
    };
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
    return rows.filter((row) => row.rowKey !== RUN_COMPLETE && row.rowKey !== RUN_RETRY).map(toDelivery);
  }

  /** Marks a run as finished for every recipient, so the scheduler need not start it again. */
  async markComplete(runId: string, at: Date): Promise<void> {
    await this.putRunRow(runId, RUN_COMPLETE, { completedAt: at.toISOString() });
  }

  /** Notes when a run left open by passing failures may next be tried, so the scheduler does not look every minute. */
  async deferRun(runId: string, until: Date): Promise<void> {
    await this.putRunRow(runId, RUN_RETRY, { retryAt: until.toISOString() });
  }

  /** A row about the run as a whole (RUN_COMPLETE, RUN_RETRY), kept in the run's partition beside its deliveries. */
  private async putRunRow(runId: string, rowKey: string, fields: Record<string, string>): Promise<void> {
    const table = await this.table();
    await storageCall(() => table.upsertEntity({ partitionKey: escapeKey(runId), rowKey, ...fields }, 'Replace'));
  }

  async retryAt(runId: string): Promise<Date | null> {
    const row = await getOrNull(await this.table(), escapeKey(runId), RUN_RETRY);
    const at = row ? Date.parse(str(row, 'retryAt')) : NaN;
    return Number.isNaN(at) ? null : new Date(at);
  }

  async isComplete(runId: string): Promise<boolean> {
    return (await getOrNull(await this.table(), escapeKey(runId), RUN_COMPLETE)) !== null;
  }

  /** The recipients of a run found unreachable only because the bot had not met them yet. */
  async notYetMet(runId: string): Promise<Delivery[]> {
    const rows = await queryRows(
      await this.table(),
      odata`PartitionKey eq ${escapeKey(runId)} and state eq ${'unreachable'}`,
    );
    return rows.map(toDelivery).filter((d) => isNotYetMet(d.lastError));
  }

  /**
   * Records in a run a card another run sent the recipient (a forced run), so
   * that the week's own run does not send it again; a delivery already sent or
   * claimed there is left alone.
   */
  async adoptSent(runId: string, sent: Delivery): Promise<void> {
    const table = await this.table();
    const adopted: Delivery = { ...sent, runId, state: 'sent' };
    try {
      await table.createEntity(entityOf(adopted));
      return;
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw translateStorageError(error);
    }
    const existing = await getOrNull(table, escapeKey(runId), escapeKey(sent.recipient));
    if (!existing || ['sent', 'claimed'].includes(str(existing, 'state'))) return;
    try {
      await table.updateEntity(entityOf(adopted), 'Replace', { etag: existing.etag });
    } catch (error) {
      if (statusCodeOf(error) !== 412) throw translateStorageError(error);
    }
  }

  async get(runId: string, recipient: string): Promise<Delivery | null> {
    const row = await getOrNull(await this.table(), escapeKey(runId), escapeKey(recipient));
    return row && toDelivery(row);
  }
}
