import { claimantId } from '../jobs/claimant';
import { runDigest } from '../jobs/digest';
import { recordJobRun } from '../telemetry/record';
import { JobError, JobReport, runReminders } from '../jobs/remind';
import { createLogger } from '../log';
import { textTable } from '../domain/text-table';
import { formatUkDate } from '../domain/calendar';
import { REACH_WORDS } from '../cards/reach-words';
import { createSender } from '../teams/sender-factory';
import { CliContext, UserError } from './context';
import { progressReporter } from './progress';

export interface JobOptions {
  /** Required for the digest; for reminders, none means every plan. */
  plan?: string;
  now?: boolean;
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
}

const WORDS = { remind: { what: 'reminder', who: 'owner' }, digest: { what: 'digest', who: 'conversation' } } as const;

export async function jobCommand(ctx: CliContext, job: 'remind' | 'digest', options: JobOptions): Promise<void> {
  if (!options.now && !options.dryRun) {
    throw new UserError(
      `Add --now to send the ${WORDS[job].what} now, or --dry-run to see who would get what without sending. ` +
        'The bot also sends it by itself every week (see REMIND_SCHEDULE and DIGEST_SCHEDULE).',
      2,
    );
  }
  const log = createLogger(ctx.config.logLevel === 'info' ? 'warn' : ctx.config.logLevel);
  const deps = { storage: ctx.storage, sender: createSender(ctx.config, log), claimant: claimantId(), log };
  const progress = progressReporter(ctx.err, 50);
  let report: JobReport;
  try {
    const request = { now: ctx.now, force: options.force, dryRun: options.dryRun };
    const delivery = {
      leaseMs: ctx.config.jobs.leaseMs,
      onProgress: (done: number, total: number) => progress('Sending', done, total),
    };
    if (job === 'remind')
      report = await runReminders(deps, { ...request, planId: options.plan, withCards: options.json }, delivery);
    else if (options.plan) report = await runDigest(deps, { ...request, planId: options.plan }, delivery);
    else throw new UserError("Say which plan's digest to post, with --plan.", 2);
  } catch (error) {
    if (error instanceof JobError) throw new UserError(error.message);
    throw error;
  }
  if (!options.dryRun) recordJobRun(job, report.recipients);
  if (options.json) {
    ctx.out.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  printReport(ctx, job, report, options);
}

/** What the run was, for people: the run id is the ledger's, not theirs. */
function runName(job: 'remind' | 'digest', report: JobReport): string {
  const what = job === 'remind' ? 'reminders' : `digest for ${report.planTitle}`;
  return `${report.forced ? 'A fresh send of this' : 'This'} week's ${what} (week of ${formatUkDate(report.weekOf)})`;
}

function printReport(ctx: CliContext, job: 'remind' | 'digest', report: JobReport, options: JobOptions): void {
  const { what, who } = WORDS[job];
  const count = (outcome: string) => report.recipients.filter((r) => r.outcome === outcome).length;
  if (report.recipients.length === 0) {
    ctx.out.write(`No ${what} to send for ${report.planTitle}: nothing is overdue or due in the next 14 days.\n`);
    return;
  }
  const rows = report.recipients.map((r) => [r.label, r.actions ? r.actions.join(', ') : '', r.outcome]);
  ctx.out.write(
    textTable(
      [who === 'owner' ? 'Owner' : 'Conversation', job === 'remind' ? 'Actions' : '', 'Outcome'],
      rows,
      [60, 40, 14],
    ) + '\n',
  );
  // Why each one was not sent, and what to do, in full under the table: a column would cut the advice short.
  const problems = [...new Set(report.recipients.flatMap((r) => (r.reason ? [r.reason] : [])))];
  for (const problem of problems) {
    const names = report.recipients.filter((r) => r.reason === problem).map((r) => r.label);
    ctx.out.write(
      `\n${names.join(', ')}:\n  ${REACH_WORDS[problem].why}.\n  What to do: ${REACH_WORDS[problem].todo}\n`,
    );
  }
  ctx.out.write('\n');
  if (options.dryRun) {
    const already = count('already sent');
    ctx.out.write(
      `Dry run: nothing was sent. ${count('would send')} ${what}${count('would send') === 1 ? '' : 's'} would go out; ` +
        `${already ? `${already} ${who}${already === 1 ? '' : 's'} already had ${runName(job, report).replace(/^This/, 'this')}; ` : ''}` +
        `${count('unreachable')} ${who}${count('unreachable') === 1 ? '' : 's'} cannot be reached.\n`,
    );
    return;
  }
  if (count('sent') === 0 && count('failed') === 0 && count('already sent') > 0) {
    const already = count('already sent');
    ctx.out.write(
      `Nothing new sent: ${already} ${who}${already === 1 ? '' : 's'} already had ${runName(job, report).replace(/^This/, 'this')}` +
        `${count('unreachable') ? `, and ${count('unreachable')} still cannot be reached` : ''}. Add --force to send it again.\n`,
    );
    return;
  }
  ctx.out.write(
    `${runName(job, report)}: sent ${count('sent')}, already sent ${count('already sent')}, cannot be reached ${count('unreachable')}, ` +
      `refused by Teams ${count('refused')}, failed ${count('failed')}.\n`,
  );
  if (count('refused'))
    ctx.out.write(
      'Messages Teams refused are not sent again this week; "npx action-tracker reach" shows who can be reached.\n',
    );
  if (count('failed'))
    ctx.out.write(
      'Failed sends are kept in the ledger; the same command, an hour or more from now, tries them again.\n',
    );
}
