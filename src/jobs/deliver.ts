import { isPersonProblem, isReachProblem, PersonProblem, ReachProblem } from '../domain/reach';
import { RETRY_RUN_AFTER_MS } from '../domain/retry';
import { Logger } from '../log';
import { StoredReference } from '../store/conversation-store';
import { Delivery, whyNotClaimable } from '../store/delivery-ledger';
import { StorageUnavailableError } from '../store/errors';
import { Storage } from '../store/open-storage';
import { Destination, OutgoingCard, Sender } from './sender';
import { sleep, Sleep } from './pacer';

/** One recipient of a job run: where the message goes, or why it cannot. */
export interface Target {
  key: string;
  label: string;
  destination: Destination | { unreachable: PersonProblem };
  /** The message, or how to draw it when it is sent (so a run of thousands does not hold every card at once). */
  message: OutgoingCard | (() => OutgoingCard);
  /** Called when Teams says the recipient cannot be reached (403, or 404 after reopening). */
  onUnreachable?: (reason: PersonProblem) => Promise<void>;
  /** A card sent earlier to this conversation, to be redrawn in place instead of sending a new one. */
  replaces?: string;
  /** Called when a new personal chat was opened for the recipient, so later messages go there. */
  onOpened?: (chat: StoredReference) => Promise<void>;
}

/**
 * `refused`: Teams will never take this message (400, 401, 413), final for the run;
 * `failed`: passing failures outlasted the retries, tried again by a later run after an hour.
 */
export type Outcome = 'sent' | 'already sent' | 'unreachable' | 'refused' | 'failed' | 'would send';

export interface TargetReport {
  key: string;
  label: string;
  outcome: Outcome;
  /** A typed code; the command line and the cards put it into words (src/cards/reach-words.ts). */
  reason: ReachProblem | null;
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
export async function deliverAll(
  deps: DeliveryDeps,
  runId: string,
  targets: readonly Target[],
  options: DeliveryOptions,
): Promise<TargetReport[]> {
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
      const reachable = !('unreachable' in target.destination);
      const claim = await deps.storage.deliveries.claim(
        runId,
        target.key,
        deps.claimant,
        now(),
        options.leaseMs,
        reachable,
      );
      if (!claim.claimed) {
        if (claim.reason !== 'held') {
          reports.set(target.key, reportOfEarlier(target, claim.delivery));
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
  // Only passing failures keep the run open, and a later run tries them again after an hour, not every minute.
  // Everything else (sent, unreachable, refused) is final for the run.
  if (results.every((r) => r.outcome !== 'failed')) await deps.storage.deliveries.markComplete(runId, now());
  else await deps.storage.deliveries.deferRun(runId, new Date(now().getTime() + RETRY_RUN_AFTER_MS));
  return results;
}

/**
 * What an earlier run of this week already settled for a recipient. Someone
 * the bot had not met is reported as they stand now (met since, they are claimed
 * and sent to instead; see `whyNotClaimable`).
 */
function reportOfEarlier(target: Target, delivery: Delivery): TargetReport {
  const base = { key: target.key, label: target.label, attempts: delivery.attempts };
  if (delivery.state === 'sent') return { ...base, outcome: 'already sent', reason: null };
  if ('unreachable' in target.destination)
    return { ...base, outcome: 'unreachable', reason: target.destination.unreachable };
  const outcome = delivery.state === 'claimed' ? 'failed' : delivery.state;
  return { ...base, outcome, reason: isReachProblem(delivery.lastError) ? delivery.lastError : 'gave-up' };
}

/**
 * What a run would do for each recipient, without sending: by the same rule
 * as the claim, against what the run's ledger already holds, so a dry run
 * says what the real run would do.
 */
export async function forecast(
  storage: Storage,
  runId: string,
  targets: readonly Target[],
  now: Date,
): Promise<TargetReport[]> {
  const earlier = new Map((await storage.deliveries.run(runId)).map((d) => [d.recipient, d]));
  return targets.map((target) => {
    const delivery = earlier.get(target.key);
    const reachable = !('unreachable' in target.destination);
    // A claim held by a run sending now counts as sending: this run would wait for it.
    if (delivery && whyNotClaimable(delivery, '', now, reachable) && delivery.state !== 'claimed')
      return reportOfEarlier(target, delivery);
    if ('unreachable' in target.destination)
      return {
        key: target.key,
        label: target.label,
        outcome: 'unreachable',
        reason: target.destination.unreachable,
        attempts: 0,
      };
    return { key: target.key, label: target.label, outcome: 'would send', reason: null, attempts: 0 };
  });
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
    // Worked out from what we know of the person, so there is nothing new to store on them.
    await deps.storage.deliveries.record(
      { ...delivery, state: 'unreachable', lastError: reason, updatedAt: now().toISOString() },
      etag,
    );
    return { ...base, outcome: 'unreachable', reason, attempts: 0 };
  }
  const message = typeof target.message === 'function' ? target.message() : target.message;
  const to = target.destination;
  const result =
    target.replaces && to.kind === 'conversation'
      ? await deps.sender.update(to.reference, target.replaces, message)
      : await deps.sender.send(to, message);
  options.onStep?.('sent', target.key);
  const attempts = delivery.attempts + result.attempts;
  if (result.ok) {
    // The card went out: keep trying to record it while our claim holds, so that storage
    // dropping out for a while cannot make the next run send it again.
    await untilStored(
      () =>
        deps.storage.deliveries.record(
          {
            ...delivery,
            state: 'sent',
            attempts,
            activityId: result.activityId,
            conversationId: result.conversationId,
            lastError: null,
            updatedAt: now().toISOString(),
          },
          etag,
        ),
      Date.parse(delivery.leaseUntil),
      now,
      deps.wait ?? sleep,
    );
    options.onStep?.('recorded', target.key);
    if (result.opened) await afterSend(deps, 'store the new personal chat', () => target.onOpened?.(result.opened!));
    return { ...base, outcome: 'sent', reason: null, attempts };
  }
  await deps.storage.deliveries.record(
    { ...delivery, state: result.outcome, attempts, lastError: result.reason, updatedAt: now().toISOString() },
    etag,
  );
  const problem = result.reason;
  if (result.outcome === 'unreachable' && isPersonProblem(problem))
    await afterSend(deps, 'mark the recipient unreachable', () => target.onUnreachable?.(problem));
  deps.log.warn(
    { runId: delivery.runId, outcome: result.outcome, reason: result.reason, attempts },
    'a job message was not delivered',
  );
  return { ...base, outcome: result.outcome, reason: result.reason, attempts };
}

/** What we learnt about a recipient is worth keeping, but the delivery is already recorded: a failure here is logged. */
async function afterSend(deps: DeliveryDeps, what: string, work: () => Promise<void> | undefined): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.log.warn({ err: error }, `could not ${what}`);
  }
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
