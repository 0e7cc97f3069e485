import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { formatUkDate } from '../../src/domain/calendar';
import { cellAsText, exportColumns, exportRows } from '../../src/domain/export-rows';
import { dueDateProblem } from '../../src/domain/import-dates';
import { mergeImportedRow } from '../../src/domain/import-merge';
import { validateRows } from '../../src/domain/import-rows';
import { Action, IsoDate } from '../../src/domain/types';
import { CliRun } from './cli';

/**
 * The register exported as a committee would download it, then read back untouched with a 30 Jun 2026 baseline,
 * into the same actions (or, with `into: 'new'`, into a plan that has none of them yet): what the import finds
 * wrong with the file (its dates too), and the actions it would leave.
 */
export function exportedAndImported(actions: Action[], today: IsoDate, into: 'same' | 'new' = 'same') {
  const rows = exportRows(actions, today);
  const columns = exportColumns(rows);
  const table = [columns, ...rows.map((row) => columns.map((c) => cellAsText(row[c] ?? null)))];
  const { errors, rows: read, warnings } = validateRows(table, '2026-06-30', today);
  const who = { by: 'importer', at: `${today}T10:00:00.000Z` };
  const merged = read.map((row) => {
    const existing = into === 'same' ? actions.find((a) => a.ref === row.ref)! : null;
    const after = mergeImportedRow(existing, row, 'test-plan', who);
    const problem = dueDateProblem(existing, row, after);
    if (problem) errors.push(`Row ${row.row}: ${problem}`);
    return after;
  });
  return { errors, warnings, merged };
}

/** The columns that hold what happened to a plan in Teams rather than the plan itself: a new plan has none of it yet. */
export const NOT_CARRIED_TO_A_NEW_PLAN = [
  'Latest update',
  'Latest value',
  'Value period',
  'Measure status',
  'Measure trend',
];

/** A CSV or XLSX export as rows of text, the heading row first, dates as the CSV writes them ("30 Sep 2026"). */
export async function exportTable(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<string[][]> {
  if (format === 'csv') {
    const rows: string[][] = parse(bytes, { bom: true, relax_column_count: true });
    return rows;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0];
  const width = sheet.getRow(1).cellCount;
  const text = (cell: ExcelJS.Cell) =>
    cell.value instanceof Date ? formatUkDate(cell.value.toISOString().slice(0, 10)) : cell.text;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => text(row.getCell(i + 1)))));
  return rows;
}

/** The table with the named columns taken out, to compare two exports on everything else. */
export function without(table: string[][], columns: readonly string[]): string[][] {
  const header = table[0];
  const keep = header.map((h, i) => [h, i] as const).filter(([h]) => !columns.includes(h.replace(/ \d+$/, '')));
  return table.map((row) => keep.map(([, i]) => row[i] ?? ''));
}

/**
 * Through the command line: plan `from` exported in `format`, that file imported into the new plan `to`, and
 * `to` exported in the same format. Returns both exports as tables, and what the import printed.
 */
export async function exportIntoNewPlan(
  cli: (...args: string[]) => Promise<CliRun>,
  from: string,
  to: string,
  format: 'csv' | 'xlsx',
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'round-trip-'));
  const first = path.join(dir, `${from}.${format}`);
  const second = path.join(dir, `${to}.${format}`);
  const exported = await cli('export', '--plan', from, '--format', format, '--out', first);
  if (exported.code !== 0) throw new Error(exported.err);
  const imported = await cli('import', first, '--plan', to, '--baseline', '2026-06-30');
  const again = await cli('export', '--plan', to, '--format', format, '--out', second);
  return {
    imported,
    before: await exportTable(fs.readFileSync(first), format),
    after: again.code === 0 ? await exportTable(fs.readFileSync(second), format) : null,
  };
}
