import ExcelJS from 'exceljs';
import { checkSize } from './decode-text';
import { RowsResult } from './read-csv';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as the text a person sees in it; dates become ISO dates, formulas their last result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Reads the workbook's first sheet; row i of the result is spreadsheet row i + 1. */
export async function readXlsx(bytes: Uint8Array): Promise<RowsResult> {
  const sizeProblem = checkSize(bytes);
  if (sizeProblem) return { ok: false, error: sizeProblem };
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy in a fresh ArrayBuffer, which is what ExcelJS's `Buffer` type describes (JSZip reads it).
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return {
      ok: false,
      error: 'This file could not be opened as an Excel workbook (.xlsx). Open it in Excel and save it again as "Excel Workbook", or save it as CSV.',
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, error: 'The workbook\'s first sheet is empty.' };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { ok: true, rows, encoding: 'Excel workbook' };
}
