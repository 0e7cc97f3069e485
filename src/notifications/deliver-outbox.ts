import { NotificationKind } from '../domain/notifications';
import { waitEndsAt, whetherToSend } from '../domain/notification-wait';
import { isPersonProblem, PersonProblem } from '../domain/reach';
import { DeliveryDeps, deliverAll, DeliveryOptions, Target, TargetReport } from '../jobs/deliver';
import { destinationOf } from '../jobs/destination';
import { OutboxRow, WaitingRecipient } from '../store/outbox-store';
import { Person } from '../store/people-store';
import { NotificationTargets, Recipient } from './notification-targets';

export interface OutboxReport {
  planId: string;
  id: string;
  kind: NotificationKind;
  /** Every recipient has an outcome (sent, unreachable or refused), so the row was taken out of the outbox. */
  settled: boolean;
  /** Left in the outbox by passing failures: not tried again before this time. */
  retryAt: string | null;
  recipients: TargetReport[];
  /** People the bot has not met yet: the row stays for them, and they are sent it once met. */
  waiting: WaitingRecipient[];
  /** When it stops waiting for them and is recorded as undeliverable (null when it waits for nobody). */
  waitsUntil: string | null;
}

/** Each outbox row is a run of its own in the delivery ledger, so each recipient of it is claimed, sent to and recorded once. */
export const outboxRunId = (row: OutboxRow) => `outbox|${row.planId}|${row.id}`;

/** Why a recipient cannot be reached before any send, or null if they can. */
const problemOf = (destination: Target['destination']): PersonProblem | null =>
  'unreachable' in destination ? destination.unreachable : null;

/**
 * Delivers the outbox, oldest first, exactly once per recipient: each
 * recipient is claimed in the ledger, sent to through the paced sender, and
 * recorded; only then is the row removed. A process that dies anywhere in
 * between leaves the row, and the next pass finds in the ledger who already
 * has it. As with the weekly jobs, the one instant not covered is between
 * Teams accepting a message and the ledger recording it.
 *
 * Passing failures (429, 5xx, no answer) that outlast the sender's retries
 * leave the row for a pass an hour later; a refusal (400, 413) or an
 * unreachable person (403, 404) is final and recorded in the ledger. Someone
 * the bot has not met yet is neither claimed nor recorded: the row waits for
 * them (src/domain/notification-wait.ts), and the first pass after they are
 * met (every minute in the bot) claims and sends it as for anyone else.
 */
export async function deliverOutbox(
  deps: DeliveryDeps,
  options: DeliveryOptions & { planId?: string },
): Promise<OutboxReport[]> {
  const now = deps.now ?? (() => new Date());
  const targets = new NotificationTargets(deps.storage, now);
  const planIds = options.planId ? [options.planId] : (await deps.storage.plans.list()).map((p) => p.id);
  const reports: OutboxReport[] = [];
  // Read once a pass, and only for people rows wait for.
  const people = new Map<string, Promise<Person | null>>();
  const personOf = (email: string) =>
    people.get(email) ?? people.set(email, deps.storage.people.byEmail(email)).get(email)!;
  for (const planId of planIds) {
    const { rows, unreadable } = await deps.storage.outbox.list(planId);
    if (unreadable.length)
      deps.log.warn({ planId, rows: unreadable }, 'outbox rows that are not notifications were left alone');
    for (const row of rows) {
      const runId = outboxRunId(row);
      const waitsUntil = (waiting: readonly unknown[]) =>
        waiting.length ? waitEndsAt(row.createdAt).toISOString() : null;
      const base = { planId, id: row.id, kind: row.notification.kind };
      const asBefore = {
        ...base,
        settled: false,
        recipients: [],
        waiting: row.waitingFor,
        waitsUntil: waitsUntil(row.waitingFor),
      };
      const retryAt = await deps.storage.deliveries.retryAt(runId);
      if (retryAt && retryAt.getTime() > now().getTime()) {
        reports.push({ ...asBefore, retryAt: retryAt.toISOString() });
        continue;
      }
      // Waiting, and nobody it waits for met since: nothing to draw or send this pass.
      if (row.waitingFor.length && (await stillWaiting(row, personOf, now()))) {
        reports.push({ ...asBefore, retryAt: null });
        continue;
      }
      const to = await targets.of(row.notification);
      if (to.length === 0) {
        // Nobody to tell (no reminder card this week to redraw, or the plan or action is gone): no ledger run needed.
        await deps.storage.outbox.remove(planId, row.id);
        reports.push({ ...base, settled: true, retryAt: null, recipients: [], waiting: [], waitsUntil: null });
        continue;
      }
      const waiting = to.filter((t) => whetherToSend(problemOf(t.destination), row.createdAt, now()) === 'wait');
      const ready = to.filter((t) => !waiting.includes(t));
      const recipients = ready.length ? await deliverAll(deps, runId, ready, options) : [];
      const waitingFor = waiting.map(waitingRecipient);
      const settled = waitingFor.length === 0 && recipients.every((r) => r.outcome !== 'failed');
      if (settled) await deps.storage.outbox.remove(planId, row.id);
      else {
        if (JSON.stringify(waitingFor) !== JSON.stringify(row.waitingFor))
          await deps.storage.outbox.noteWaiting(planId, row.id, waitingFor);
        // Waiting for someone not met yet is expected; a passing failure is worth a warning.
        const failed = recipients.some((r) => r.outcome === 'failed');
        deps.log[failed ? 'warn' : 'info'](
          { planId, kind: row.notification.kind, waiting: waitingFor.length, failed },
          'a notification could not be delivered to everyone yet; it stays in the outbox',
        );
      }
      const next = settled ? null : await deps.storage.deliveries.retryAt(runId);
      reports.push({
        ...base,
        settled,
        retryAt: next?.toISOString() ?? null,
        recipients,
        waiting: waitingFor,
        waitsUntil: waitsUntil(waitingFor),
      });
    }
  }
  return reports;
}

/** Whether every person a row waited for at the last pass still waits (not met yet, and the wait not over). */
async function stillWaiting(
  row: OutboxRow,
  personOf: (email: string) => Promise<Person | null>,
  now: Date,
): Promise<boolean> {
  for (const w of row.waitingFor) {
    const problem = problemOf(destinationOf((await personOf(w.email)) ?? undefined));
    if (whetherToSend(problem, row.createdAt, now) !== 'wait') return false;
  }
  return true;
}

function waitingRecipient(recipient: Recipient): WaitingRecipient {
  const reason = problemOf(recipient.destination);
  return {
    email: recipient.person ?? recipient.key,
    label: recipient.label,
    reason: isPersonProblem(reason) ? reason : 'not-met',
  };
}
