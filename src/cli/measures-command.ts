import path from 'node:path';
import fs from 'node:fs';
import { importMeasures } from '../services/import-measures';
import { CliContext, requirePlan, UserError } from './context';
import { progressReporter } from './progress';

export interface MeasuresImportOptions {
  plan: string;
  by: string;
  dryRun?: boolean;
}

/** `measures import FILE --plan X`: a performance book of values (ref, period, value, note), all checked first. */
export async function measuresImportCommand(
  ctx: CliContext,
  file: string,
  options: MeasuresImportOptions,
): Promise<void> {
  const { plan, today } = await requirePlan(ctx, options.plan);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `There is no file at ${file}.` : `The file ${file} could not be read (${code}).`,
    );
  }
  const progress = progressReporter(ctx.err);
  const report = await importMeasures(ctx.storage, {
    planId: plan.id,
    file: { name: path.basename(file), bytes },
    by: options.by,
    now: ctx.now,
    today,
    dryRun: options.dryRun,
    onProgress: (done, total) => progress('Recording values', done, total),
  });
  for (const warning of report.warnings) ctx.err.write(`Warning: ${warning}\n`);
  if (!report.ok) {
    throw new UserError(
      `Nothing was imported: the file has ${report.errors.length === 1 ? 'a problem' : `${report.errors.length} problems`}.\n` +
        report.errors.map((e) => `  ${e}`).join('\n'),
    );
  }
  const verb = options.dryRun ? 'Would record' : 'Recorded';
  ctx.out.write(
    `${verb} ${report.recorded} value${report.recorded === 1 ? '' : 's'} for ${report.actions.length} action${report.actions.length === 1 ? '' : 's'} in plan ${plan.id}; ${report.unchanged} already recorded.\n`,
  );
  if (report.actions.length) ctx.out.write(`Changed: ${report.actions.join(', ')}\n`);
}
