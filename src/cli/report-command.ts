import fs from 'node:fs';
import path from 'node:path';
import { formatUkDate } from '../domain/calendar';
import { Actor } from '../domain/permissions';
import { acronymWarningLines, reportRefusalText } from '../reports/refusal-words';
import { isReportFormat, renderReport } from '../reports/render';
import { makeCommitteeReport } from '../use-cases/committee-report';
import { CliContext, requirePlan, UserError } from './context';

export interface ReportOptions {
  plan: string;
  format: string;
  out: string;
  from?: string;
  to?: string;
  by: string;
}

/**
 * Writes the committee report. The command line is run by whoever holds the storage keys, as
 * every other command is, so it acts as an administrator.
 */
export async function reportCommand(ctx: CliContext, options: ReportOptions): Promise<void> {
  const format = options.format.toLowerCase();
  if (!isReportFormat(format)) throw new UserError(`--format must be docx or html, not "${options.format}".`, 2);
  const dir = path.dirname(path.resolve(options.out));
  if (!fs.existsSync(dir)) throw new UserError(`The folder ${dir} does not exist; nothing was written.`, 2);
  const { plan } = await requirePlan(ctx, options.plan);
  const actor: Actor = { email: options.by, name: null, roles: new Set(['admin']) };
  ctx.err.write(`Reading plan ${plan.id} and its history…\n`);
  const outcome = await makeCommitteeReport(ctx.storage, actor, {
    planId: plan.id,
    from: options.from,
    to: options.to,
    now: ctx.now,
    record: true,
  });
  if (outcome.kind === 'refused') throw new UserError(reportRefusalText(outcome, plan.id), 2);
  const { report } = outcome;
  ctx.err.write(`Writing the ${format === 'docx' ? 'Word' : 'HTML'} report…\n`);
  const bytes = await renderReport(report, format);
  // Written beside the target and renamed, so a failure never leaves half a file under its name.
  const partial = `${options.out}.partial`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, options.out);
  for (const line of acronymWarningLines(report.glossary.warnings)) ctx.err.write(line + '\n');
  ctx.err.write(
    `Wrote the report on ${report.appendix.length} actions, ${formatUkDate(report.period.from)} to ${formatUkDate(report.period.to)}, to ${options.out}.\n`,
  );
}
