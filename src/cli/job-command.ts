import { claimantId } from '../jobs/claimant';
import { runDigest } from '../jobs/digest';
import { recordJobRun } from '../telemetry/record';
import { JobError, JobReport, runReminders } from '../jobs/remind';
import { createLogger } from '../log';
import { textTable } from '../domain/text-table';
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
    const delivery = { leaseMs: ctx.config.jobs.leaseMs, onProgress: (done: number, total: number) => progress('Sending', done, total) };
    if (job === 'remind') report = await runReminders(deps, { ...request, planId: options.plan, withCards: options.json }, delivery);
    else if (options.plan) report = await runDigest(deps, { ...request, planId: options.plan }, delivery);
    else throw new UserError('Say which plan\'s digest to post, with --plan.', 2);
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

function printReport(ctx: CliContext, job: 'remind' | 'digest', report: JobReport, options: JobOptions): void {
  const { what, who } = WORDS[job];
  const count = (outcome: string) => report.recipients.filter((r) => r.outcome === outcome).length;
  if (report.recipients.length === 0) {
    ctx.out.write(`No ${what} to send for ${report.planTitle}: nothing is overdue or due in the next 14 days.\n`);
    return;
  }
  const rows = report.recipients.map((r) => [r.label, r.actions ? r.actions.join(', ') : '', r.outcome, r.reason ? REACH_WORDS[r.reason].why : '']);
  ctx.out.write(textTable([who === 'owner' ? 'Owner' : 'Conversation', job === 'remind' ? 'Actions' : '', 'Outcome', 'Why'], rows, [40, 40, 14, 70]) + '\n\n');
  if (options.dryRun) {
    ctx.out.write(`Dry run: nothing was sent. ${count('would send')} ${what}${count('would send') === 1 ? '' : 's'} would go out; ${count('unreachable')} ${who}${count('unreachable') === 1 ? '' : 's'} cannot be reached.\n`);
    return;
  }
  if (count('sent') === 0 && count('failed') === 0 && count('already sent') > 0) {
    const already = count('already sent');
    ctx.out.write(
      `Nothing new sent: ${already} ${who}${already === 1 ? '' : 's'} already had this week's ${what} (run ${report.runId})` +
        `${count('unreachable') ? `, and ${count('unreachable')} still cannot be reached` : ''}. Add --force to send it again.\n`,
    );
    return;
  }
  ctx.out.write(
    `Run ${report.runId}: sent ${count('sent')}, already sent ${count('already sent')}, cannot be reached ${count('unreachable')}, ` +
      `refused by Teams ${count('refused')}, failed ${count('failed')}.\n`,
  );
  if (count('refused')) ctx.out.write('Messages Teams refused are not sent again this week; "npx action-tracker reach" shows who can be reached.\n');
  if (count('failed')) ctx.out.write('Failed sends are kept in the ledger; the same command, an hour or more from now, tries them again.\n');
}
