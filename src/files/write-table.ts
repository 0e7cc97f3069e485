import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { cellAsText, exportColumns, ExportRow } from '../domain/export-rows';
import { neutraliseCell } from '../domain/spreadsheet-safety';

/**
 * CSV with a byte order mark, so that Excel opens £ signs and accents
 * correctly. Every cell that could start a formula is neutralised.
 */
export function exportCsv(rows: readonly ExportRow[]): Buffer {
  const columns = exportColumns(rows);
  const records = rows.map((row) => columns.map((c) => neutraliseCell(cellAsText(row[c] ?? null))));
  const text = stringify([columns, ...records], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

const WIDTHS: Partial<Record<string, number>> = {
  Action: 60,
  'Latest update': 40,
  Measure: 40,
  Owner: 30,
  Theme: 24,
};

/** Text goes in as plain string cells, never as formulas, so it needs no quote in front. */
export async function exportXlsx(rows: readonly ExportRow[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'Actions', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = exportColumns(rows);
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: WIDTHS[c] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const cell = row[c] ?? null;
        if (cell !== null && typeof cell === 'object') return new Date(`${cell.date}T00:00:00Z`);
        return cell;
      }),
    );
  }
  // Every column holding dates (the due dates, evidence due, a measure's baseline and target dates) shows them as dates.
  columns.forEach((c, i) => {
    if (rows.some((row) => typeof row[c] === 'object' && row[c] !== null)) sheet.getColumn(i + 1).numFmt = 'd mmm yyyy';
  });
  for (const c of ['Original due date', 'Current due date'] as const) {
    sheet.getColumn(columns.indexOf(c) + 1).numFmt = 'd mmm yyyy';
  }
  sheet.getColumn('Action').alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
