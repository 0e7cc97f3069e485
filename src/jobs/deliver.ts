import { Logger } from '../log';
import { Delivery } from '../store/delivery-ledger';
import { StorageUnavailableError } from '../store/errors';
import { Storage } from '../store/open-storage';
import { Destination, OutgoingCard, Sender } from './sender';
import { sleep, Sleep } from './pacer';

/** One recipient of a job run: where the message goes, or why it cannot. */
export interface Target {
  key: string;
  label: string;
  destination: Destination | { unreachable: string };
  /** The message, or how to draw it when it is sent (so a run of thousands does not hold every card at once). */
  message: OutgoingCard | (() => OutgoingCard);
  /** Called when Teams says the recipient cannot be reached (403/404), or we know no way to them. */
  onUnreachable?: (reason: string) => Promise<void>;
}

export type Outcome = 'sent' | 'already sent' | 'unreachable' | 'failed' | 'would send';

export interface TargetReport {
  key: string;
  label: string;
  outcome: Outcome;
  reason: string | null;
  attempts: number;
}

export interface DeliveryDeps {
  storage: Storage;
  sender: Sender;
  /** Who is claiming: unique per process, so a claim can be told from its holder's. */
  claimant: string;
  log: Logger;
  now?: () => Date;
  wait?: Sleep;
}

export interface DeliveryOptions {
  /** How long a claim is held before another run may take it over (longer than a send with all its retries). */
  leaseMs: number;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Test hook: called at each step, so a fault test can stop the process there. */
  onStep?: (step: DeliveryStep, key: string) => void;
}

export type DeliveryStep = 'before-claim' | 'claimed' | 'sent' | 'recorded';

/**
 * Delivers a run's messages exactly once per recipient where storage can
 * guarantee it: each recipient is claimed in the ledger before sending, and
 * recipients held by another live run are waited for (up to their lease)
 * rather than skipped. The one case it cannot cover is a crash after Teams
 * accepted a message and before the ledger recorded it; the recipient is
 * then sent the message again by the next run, never left out.
 */
export async function deliverAll(deps: DeliveryDeps, runId: string, targets: readonly Target[], options: DeliveryOptions): Promise<TargetReport[]> {
  const now = deps.now ?? (() => new Date());
  const wait = deps.wait ?? sleep;
  const reports = new Map<string, TargetReport>();
  let pending = [...targets];
  let done = 0;
  while (pending.length) {
    const held: Target[] = [];
    let earliestExpiry = Infinity;
    await inParallel(pending, options.concurrency ?? 16, async (target) => {
      options.onStep?.('before-claim', target.key);
      const claim = await deps.storage.deliveries.claim(runId, target.key, deps.claimant, now(), options.leaseMs);
      if (!claim.claimed) {
        if (claim.reason === 'done') {
          reports.set(target.key, { key: target.key, label: target.label, outcome: 'already sent', reason: null, attempts: claim.delivery.attempts });
          options.onProgress?.(++done, targets.length);
        } else {
          held.push(target);
          earliestExpiry = Math.min(earliestExpiry, Date.parse(claim.delivery.leaseUntil));
        }
        return;
      }
      options.onStep?.('claimed', target.key);
      const report = await deliverOne(deps, target, claim.delivery, claim.etag, now, options);
      reports.set(target.key, report);
      options.onProgress?.(++done, targets.length);
    });
    if (held.length) {
      // Another run holds these; wait for it to finish them or for its lease to run out.
      deps.log.info({ runId, held: held.length }, 'waiting for recipients claimed by another run');
      await wait(Math.max(100, Math.min(earliestExpiry - now().getTime() + 50, options.leaseMs)));
    }
    pending = held;
  }
  const results = targets.map((t) => reports.get(t.key)!);
  // Failed sends stay open, so that the next run (or the scheduler's next look) retries them.
  if (results.every((r) => r.outcome !== 'failed')) await deps.storage.deliveries.markComplete(runId, now());
  return results;
}

async function deliverOne(
  deps: DeliveryDeps,
  target: Target,
  delivery: Delivery,
  etag: string,
  now: () => Date,
  options: DeliveryOptions,
): Promise<TargetReport> {
  const base = { key: target.key, label: target.label };
  if ('unreachable' in target.destination) {
    const reason = target.destination.unreachable;
    await deps.storage.deliveries.record({ ...delivery, state: 'unreachable', lastError: reason, updatedAt: now().toISOString() }, etag);
    await target.onUnreachable?.(reason);
    return { ...base, outcome: 'unreachable', reason, attempts: 0 };
  }
  const result = await deps.sender.send(target.destination, typeof target.message === 'function' ? target.message() : target.message);
  options.onStep?.('sent', target.key);
  const attempts = delivery.attempts + result.attempts;
  if (result.ok) {
    // The card went out: keep trying to record it while our claim holds, so that storage
    // dropping out for a while cannot make the next run send it again.
    await untilStored(
      () =>
        deps.storage.deliveries.record(
          { ...delivery, state: 'sent', attempts, activityId: result.activityId, conversationId: result.conversationId, lastError: null, updatedAt: now().toISOString() },
          etag,
        ),
      Date.parse(delivery.leaseUntil),
      now,
      deps.wait ?? sleep,
    );
    options.onStep?.('recorded', target.key);
    return { ...base, outcome: 'sent', reason: null, attempts };
  }
  await deps.storage.deliveries.record({ ...delivery, state: result.outcome, attempts, lastError: result.reason, updatedAt: now().toISOString() }, etag);
  if (result.outcome === 'unreachable') await target.onUnreachable?.(result.reason);
  deps.log.warn({ runId: delivery.runId, outcome: result.outcome, attempts }, 'a job message was not delivered');
  return { ...base, outcome: result.outcome, reason: result.reason, attempts };
}

/** Retries a ledger write while storage is unreachable, until the deadline. */
async function untilStored<T>(call: () => Promise<T>, deadline: number, now: () => Date, wait: Sleep): Promise<T> {
  for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError) || now().getTime() + delay >= deadline) throw error;
      await wait(delay);
    }
  }
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}
