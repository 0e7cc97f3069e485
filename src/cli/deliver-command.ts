import { REACH_WORDS } from '../cards/reach-words';
import { formatUkDate, todayIn } from '../domain/calendar';
import { NotificationKind } from '../domain/notifications';
import { textTable } from '../domain/text-table';
import { claimantId } from '../jobs/claimant';
import { createLogger } from '../log';
import { deliverOutbox, OutboxReport } from '../notifications/deliver-outbox';
import { createSender } from '../teams/sender-factory';
import { CliContext, requirePlan } from './context';

export interface DeliverOptions {
  plan?: string;
  json?: boolean;
}

const KIND_WORDS: Record<NotificationKind, string> = {
  'date-requested': 'New date asked for',
  'date-decided': 'Decision on a new date',
  'date-moved': 'Due date moved',
  'status-set': 'Status set by someone else',
  'action-changed': 'Reminder card redrawn',
};

/**
 * Delivers the notification outbox once, as the bot does every minute: for a
 * deployment that runs no bot process all the time, or to see what waits.
 */
export async function deliverCommand(ctx: CliContext, options: DeliverOptions): Promise<void> {
  if (options.plan) await requirePlan(ctx, options.plan);
  const log = createLogger(ctx.config.logLevel === 'info' ? 'warn' : ctx.config.logLevel);
  const deps = {
    storage: ctx.storage,
    sender: createSender(ctx.config, log),
    claimant: claimantId(),
    log,
    now: () => ctx.now,
  };
  const reports = await deliverOutbox(deps, { leaseMs: ctx.config.jobs.leaseMs, planId: options.plan });
  if (options.json) {
    ctx.out.write(JSON.stringify(reports, null, 2) + '\n');
    return;
  }
  if (reports.length === 0) {
    ctx.out.write(
      'Nothing waits in the outbox: every notification was sent, or recorded as undeliverable to someone the bot ' +
        'cannot reach (see "reach").\n',
    );
    return;
  }
  ctx.out.write(
    textTable(['Plan', 'Notification', 'Recipient', 'Outcome', 'Why'], reports.flatMap(rowsOf), [20, 24, 40, 14, 70]) +
      '\n\n',
  );
  const waiting = reports.filter((r) => !r.settled).length;
  ctx.out.write(
    `${reports.length - waiting} notification${reports.length - waiting === 1 ? '' : 's'} settled; ${waiting} still waiting` +
      (waiting
        ? ' (passing failures are tried again an hour after the last try, by the bot or by this command).'
        : '.') +
      '\n',
  );
}

function rowsOf(report: OutboxReport): string[][] {
  const what = KIND_WORDS[report.kind];
  if (report.retryAt) {
    const later = `tried again after ${ukTime(new Date(report.retryAt))}`;
    if (report.recipients.length === 0) return [[report.planId, what, '', 'waiting', later]];
  }
  if (report.recipients.length === 0) return [[report.planId, what, '', 'nobody to tell', '']];
  return report.recipients.map((r) => [
    report.planId,
    what,
    r.label,
    r.outcome,
    r.reason ? REACH_WORDS[r.reason].why : '',
  ]);
}

/** "30 Nov 2026 14:05", in UK time. */
function ukTime(at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${formatUkDate(todayIn(at))} ${time}`;
}
