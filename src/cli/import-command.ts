import path from 'node:path';
import { formatUkDate, isValidTimeZone, todayIn } from '../domain/calendar';
import { PlanChange } from '../domain/import-plan-checks';
import { importPlan } from '../services/import-plan';
import { ImportInfo } from '../store/plan-imports';
import { CliContext } from './context';
import { readImportFile, reportImportProblems } from './import-file';
import { progressReporter } from './progress';

export interface ImportOptions {
  plan: string;
  title?: string;
  baseline?: string;
  source?: string;
  timeZone?: string;
  glossary?: string;
  remindSchedule?: string;
  digestSchedule?: string;
  dryRun?: boolean;
  by: string;
}

export async function importCommand(ctx: CliContext, file: string, options: ImportOptions): Promise<void> {
  const progress = progressReporter(ctx.err);
  const labels = {
    reading: 'Reading',
    checking: 'Checking rows',
    writing: 'Staging actions',
    publishing: 'Publishing actions',
  } as const;
  const report = await importPlan(ctx.storage, {
    planId: options.plan,
    file: readImportFile(file),
    glossary: options.glossary ? readImportFile(options.glossary) : undefined,
    baseline: options.baseline,
    title: options.title,
    sourceDocument: options.source ?? path.basename(file),
    timeZone: options.timeZone,
    remindSchedule: options.remindSchedule,
    digestSchedule: options.digestSchedule,
    by: options.by,
    now: ctx.now,
    // An unknown zone is reported by the import itself, with the other problems.
    today: todayIn(ctx.now, isValidTimeZone(options.timeZone ?? '') ? options.timeZone : ctx.config.defaultTimeZone),
    dryRun: options.dryRun,
    onProgress: (p) => progress(labels[p.phase], p.done, p.total),
  });
  reportImportProblems(ctx, report);
  const verb = options.dryRun ? 'Would import' : 'Imported';
  const total = report.created.length + report.updated.length + report.unchanged;
  ctx.out.write(
    `${verb} ${total} action${total === 1 ? '' : 's'} into plan ${options.plan}: ` +
      `${report.created.length} new, ${report.updated.length} changed, ${report.unchanged} unchanged.\n`,
  );
  if (report.updated.length) ctx.out.write(`Changed: ${report.updated.join(', ')}\n`);
  for (const change of report.planChanges ?? []) ctx.out.write(planChangeLine(change, options));
  if (report.notInFile.length) {
    ctx.out.write(`Left as they are (in the register but not in this file): ${report.notInFile.join(', ')}\n`);
  }
}

const PLAN_FIELD: Record<PlanChange['field'], string> = {
  title: 'title',
  baselineDate: 'baseline',
  timeZone: 'time zone',
};

/** "The plan's title is now "…" (it was "…")": an option that changes the plan itself is said, never done quietly. */
function planChangeLine(change: PlanChange, options: ImportOptions): string {
  const words = (v: string) => (change.field === 'baselineDate' ? formatUkDate(v) : `"${v}"`);
  const verb = options.dryRun ? 'would be' : 'is now';
  return `The plan's ${PLAN_FIELD[change.field]} ${verb} ${words(change.to)} (it was ${words(change.from)}).\n`;
}

/** What `plans` says about imports that started and did not finish (killed, or still running now). */
export function unfinishedImportLines(imports: ImportInfo[]): string[] {
  return imports.map(
    (i) =>
      `Import not finished: ${i.file} into plan ${i.planId}, started by ${i.by} on ${formatUkDate(i.startedAt.slice(0, 10))} at ${i.startedAt.slice(11, 16)} UTC ` +
      `was interrupted (or is still running). ${i.state === 'publishing' ? 'It is already shown; run' : 'Nobody sees any of it; run'} the same import again to finish it.`,
  );
}
