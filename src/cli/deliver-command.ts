import { REACH_WORDS } from '../cards/reach-words';
import { formatUkDate, todayIn } from '../domain/calendar';
import { NotificationKind } from '../domain/notifications';
import { NOTIFICATION_WAIT_DAYS } from '../domain/notification-wait';
import { PERSON_PROBLEMS } from '../domain/reach';
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
      'Nothing waits in the outbox: every notification was sent, or recorded as undeliverable (to someone who ' +
        `blocked the bot, or whom the bot had not met within ${NOTIFICATION_WAIT_DAYS} days; see "reach").\n`,
    );
    return;
  }
  ctx.out.write(
    textTable(['Plan', 'Notification', 'Recipient', 'Outcome', 'Why'], reports.flatMap(rowsOf), [20, 28, 40, 14, 70]) +
      '\n\n',
  );
  const open = reports.filter((r) => !r.settled);
  const forUnmet = open.filter((r) => r.waiting.length > 0).length;
  const why = [
    forUnmet
      ? `${forUnmet} for people the bot has not met yet, sent once it meets them (they open Action Tracker, or the ` +
        `bot is added to a team they are in), or recorded as undeliverable after ${NOTIFICATION_WAIT_DAYS} days`
      : '',
    open.length > forUnmet
      ? `${open.length - forUnmet} after passing failures, tried again an hour after the last try, by the bot or by ` +
        'this command'
      : '',
  ].filter(Boolean);
  const settled = reports.length - open.length;
  ctx.out.write(
    `${settled} notification${settled === 1 ? '' : 's'} settled; ${open.length} still waiting` +
      (why.length ? `: ${why.join('; ')}.` : '.') +
      '\n',
  );
  // Who is waited for, and what would let the bot reach them, in full: the table cuts long words.
  const unmet = new Map(reports.flatMap((r) => r.waiting).map((w) => [w.email, w]));
  for (const problem of PERSON_PROBLEMS) {
    const who = [...unmet.values()].filter((w) => w.reason === problem);
    if (who.length === 0) continue;
    const names = who.map((w) => (w.label === w.email ? w.email : `${w.label} <${w.email}>`));
    ctx.out.write(
      `\n${names.join(', ')}:\n  ${REACH_WORDS[problem].why}.\n  What to do: ${REACH_WORDS[problem].todo}\n`,
    );
  }
}

function rowsOf(report: OutboxReport): string[][] {
  const what = KIND_WORDS[report.kind];
  if (report.retryAt) {
    const later = `tried again after ${ukTime(new Date(report.retryAt))}`;
    if (report.recipients.length === 0 && report.waiting.length === 0)
      return [[report.planId, what, '', 'waiting', later]];
  }
  const waiting = report.waiting.map((w) => [
    report.planId,
    what,
    w.label,
    'waiting',
    `not met yet: sent once met, or undeliverable after ${ukTime(new Date(report.waitsUntil ?? 0))}`,
  ]);
  if (report.recipients.length === 0 && waiting.length === 0) return [[report.planId, what, '', 'nobody to tell', '']];
  return [
    ...report.recipients.map((r) => [
      report.planId,
      what,
      r.label,
      r.outcome,
      r.reason ? REACH_WORDS[r.reason].why : '',
    ]),
    ...waiting,
  ];
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
