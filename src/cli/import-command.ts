import fs from 'node:fs';
import path from 'node:path';
import { formatUkDate, isValidTimeZone, todayIn } from '../domain/calendar';
import { importPlan, ImportFile } from '../services/import-plan';
import { ImportInfo } from '../store/plan-imports';
import { CliContext, UserError } from './context';
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

function readFile(file: string): ImportFile {
  try {
    return { name: path.basename(file), bytes: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `There is no file at ${file}.` : `The file ${file} could not be read (${code}).`,
    );
  }
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
    file: readFile(file),
    glossary: options.glossary ? readFile(options.glossary) : undefined,
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
  for (const warning of report.warnings) ctx.err.write(`Warning: ${warning}\n`);
  if (!report.ok) {
    throw new UserError(
      `Nothing was imported: the file has ${report.errors.length === 1 ? 'a problem' : `${report.errors.length} problems`}.\n` +
        report.errors.map((e) => `  ${e}`).join('\n'),
    );
  }
  const verb = options.dryRun ? 'Would import' : 'Imported';
  const total = report.created.length + report.updated.length + report.unchanged;
  ctx.out.write(
    `${verb} ${total} action${total === 1 ? '' : 's'} into plan ${options.plan}: ` +
      `${report.created.length} new, ${report.updated.length} changed, ${report.unchanged} unchanged.\n`,
  );
  if (report.updated.length) ctx.out.write(`Changed: ${report.updated.join(', ')}\n`);
  if (report.notInFile.length) {
    ctx.out.write(`Left as they are (in the register but not in this file): ${report.notInFile.join(', ')}\n`);
  }
}

/** What `plans` says about imports that started and did not finish (killed, or still running now). */
export function unfinishedImportLines(imports: ImportInfo[]): string[] {
  return imports.map(
    (i) =>
      `Import not finished: ${i.file} into plan ${i.planId}, started by ${i.by} on ${formatUkDate(i.startedAt.slice(0, 10))} at ${i.startedAt.slice(11, 16)} UTC ` +
      `was interrupted (or is still running). ${i.state === 'publishing' ? 'It is already shown; run' : 'Nobody sees any of it; run'} the same import again to finish it.`,
  );
}
