import { importMeasures } from '../services/import-measures';
import { CliContext, requirePlan } from './context';
import { readImportFile, reportImportProblems } from './import-file';
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
  const progress = progressReporter(ctx.err);
  const report = await importMeasures(ctx.storage, {
    planId: plan.id,
    file: readImportFile(file),
    by: options.by,
    now: ctx.now,
    today,
    dryRun: options.dryRun,
    onProgress: (done, total) => progress('Recording values', done, total),
  });
  reportImportProblems(ctx, report);
  const verb = options.dryRun ? 'Would record' : 'Recorded';
  const replacing = report.replaced
    ? ` (${report.replaced} replacing ${report.replaced === 1 ? 'a value' : 'values'} already there for the same period)`
    : '';
  ctx.out.write(
    `${verb} ${report.recorded} value${report.recorded === 1 ? '' : 's'}${replacing} for ${report.actions.length} action${report.actions.length === 1 ? '' : 's'} in plan ${plan.id}; ${report.unchanged} already recorded.\n`,
  );
  if (report.actions.length) ctx.out.write(`Changed: ${report.actions.join(', ')}\n`);
}
