import fs from 'node:fs';
import { exportRows } from '../domain/export-rows';
import { exportCsv, exportXlsx } from '../files/write-table';
import { nameOf } from '../services/chat/owner-names';
import { measureRowsOf } from '../use-cases/list-measures';
import { CliContext, requirePlan, UserError } from './context';

export interface ExportOptions {
  plan: string;
  format: string;
  out?: string;
}

export async function exportCommand(ctx: CliContext, options: ExportOptions): Promise<void> {
  const format = options.format.toLowerCase();
  if (format !== 'csv' && format !== 'xlsx')
    throw new UserError(`--format must be csv or xlsx, not "${options.format}".`, 2);
  if (format === 'xlsx' && !options.out && (ctx.out as { isTTY?: boolean }).isTTY) {
    throw new UserError('An Excel file cannot be shown in the terminal; add --out plan.xlsx.', 2);
  }
  const { plan, today } = await requirePlan(ctx, options.plan);
  const actions = (await ctx.storage.actions.list(plan.id)).map((v) => v.value);
  const measures = await measureRowsOf(ctx.storage, plan.id, actions, today);
  const rows = exportRows(actions, today, measures, await nameOf(ctx.storage, actions));
  const bytes = format === 'csv' ? exportCsv(rows) : await exportXlsx(rows, plan.id);
  if (options.out) {
    fs.writeFileSync(options.out, bytes);
    ctx.err.write(`Wrote ${rows.length} actions to ${options.out}.\n`);
  } else {
    ctx.out.write(bytes);
  }
}
