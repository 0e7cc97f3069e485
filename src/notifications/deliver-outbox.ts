import { NotificationKind } from '../domain/notifications';
import { DeliveryDeps, deliverAll, DeliveryOptions, TargetReport } from '../jobs/deliver';
import { OutboxRow } from '../store/outbox-store';
import { NotificationTargets } from './notification-targets';

export interface OutboxReport {
  planId: string;
  id: string;
  kind: NotificationKind;
  /** Every recipient has an outcome (sent, unreachable or refused), so the row was taken out of the outbox. */
  settled: boolean;
  /** Left in the outbox by passing failures: not tried again before this time. */
  retryAt: string | null;
  recipients: TargetReport[];
}

/** Each outbox row is a run of its own in the delivery ledger, so each recipient of it is claimed, sent to and recorded once. */
export const outboxRunId = (row: OutboxRow) => `outbox|${row.planId}|${row.id}`;

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
 * unreachable person (403, 404) is final and recorded in the ledger.
 */
export async function deliverOutbox(
  deps: DeliveryDeps,
  options: DeliveryOptions & { planId?: string },
): Promise<OutboxReport[]> {
  const now = deps.now ?? (() => new Date());
  const targets = new NotificationTargets(deps.storage, now);
  const planIds = options.planId ? [options.planId] : (await deps.storage.plans.list()).map((p) => p.id);
  const reports: OutboxReport[] = [];
  for (const planId of planIds) {
    const { rows, unreadable } = await deps.storage.outbox.list(planId);
    if (unreadable.length)
      deps.log.warn({ planId, rows: unreadable }, 'outbox rows that are not notifications were left alone');
    for (const row of rows) {
      const runId = outboxRunId(row);
      const base = { planId, id: row.id, kind: row.notification.kind };
      const retryAt = await deps.storage.deliveries.retryAt(runId);
      if (retryAt && retryAt.getTime() > now().getTime()) {
        reports.push({ ...base, settled: false, retryAt: retryAt.toISOString(), recipients: [] });
        continue;
      }
      const to = await targets.of(row.notification);
      if (to.length === 0) {
        // Nobody to tell (no reminder card this week to redraw, or the person or plan is gone): no ledger run needed.
        await deps.storage.outbox.remove(planId, row.id);
        reports.push({ ...base, settled: true, retryAt: null, recipients: [] });
        continue;
      }
      const recipients = await deliverAll(deps, runId, to, options);
      const settled = recipients.every((r) => r.outcome !== 'failed');
      if (settled) await deps.storage.outbox.remove(planId, row.id);
      else
        deps.log.warn(
          { planId, kind: row.notification.kind },
          'a notification could not be delivered yet; it stays in the outbox',
        );
      const next = settled ? null : await deps.storage.deliveries.retryAt(runId);
      reports.push({ ...base, settled, retryAt: next?.toISOString() ?? null, recipients });
    }
  }
  return reports;
}
