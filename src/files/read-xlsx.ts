import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MAX_ACTIONS } from '../domain/import-rows';
import { checkSize } from './decode-text';
import { RowsResult } from './read-csv';
import { entryPrefix, isZip64, readZipDirectory, ZipEntry } from './zip-directory';

/**
 * A 10 MB workbook can unzip to gigabytes, so the unzipped size is checked
 * from the zip's directory before anything is inflated. A plan at its largest
 * (20,000 actions with long titles) unzips to well under this.
 */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** The header row, every action, and room for blank rows between them. */
export const MAX_SHEET_ROWS = 2 * MAX_ACTIONS + 1;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-GB')} MB`;
const rows = (n: number) => n.toLocaleString('en-GB');

const NOT_A_WORKBOOK =
  'This file could not be opened as an Excel workbook (.xlsx). Open it in Excel and save it again as "Excel Workbook", or save it as CSV.';
const tooManyRows = (count: number) =>
  `The workbook's first sheet has ${rows(count)} rows; a plan may have at most ${rows(MAX_ACTIONS)} actions. ` +
  'Delete the unused rows (or copy the plan to a new sheet) and save it again.';

/** A cell as the text a person sees in it; dates become ISO dates, formulas their last result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The last row a worksheet declares it uses (`<dimension ref="A1:J20001"/>`), when it says. */
function declaredRows(bytes: Uint8Array, sheet: ZipEntry): number | null {
  const start = entryPrefix(bytes, sheet, 4096);
  const match = start && /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(start);
  return match ? Number(match[1]) : null;
}

/** Refuses, from the zip's directory alone, a workbook too big to read. */
function checkDirectory(bytes: Uint8Array): string | null {
  const entries = readZipDirectory(bytes);
  if (!entries) return NOT_A_WORKBOOK;
  const unzipped = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (entries.some(isZip64) || unzipped > MAX_UNZIPPED_BYTES) {
    return (
      `The workbook unzips to ${entries.some(isZip64) ? 'more than 4,096 MB' : mb(unzipped)}; the most we read is ${mb(MAX_UNZIPPED_BYTES)}. ` +
      'It probably holds much more than the plan (other sheets, pictures, or formatting down a million rows). Copy the plan to a new workbook, or save it as CSV.'
    );
  }
  const firstSheet = entries.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (!firstSheet) return 'The workbook has no sheets.';
  const declared = declaredRows(bytes, firstSheet);
  if (declared !== null && declared > MAX_SHEET_ROWS) return tooManyRows(declared);
  return null;
}

/**
 * Reads the workbook's first sheet, row by row as it unzips, so memory
 * stays small whatever the sheet holds; row i of the result is spreadsheet
 * row i + 1.
 */
export async function readXlsx(bytes: Uint8Array): Promise<RowsResult> {
  const problem = checkSize(bytes) ?? checkDirectory(bytes);
  if (problem) return { ok: false, error: problem };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles say which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const result: string[][] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // A sheet that declared a small size (or none) can still be long.
        if (row.number > MAX_SHEET_ROWS) return { ok: false, error: tooManyRows(row.number) };
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
        result[row.number - 1] = cells;
      }
      break; // Only the first sheet holds the plan.
    }
  } catch {
    return { ok: false, error: NOT_A_WORKBOOK };
  }
  if (!result.some((cells) => cells?.some((c) => c.trim() !== '')))
    return { ok: false, error: "The workbook's first sheet is empty." };
  for (let i = 0; i < result.length; i++) result[i] ??= [];
  return { ok: true, rows: result, encoding: 'Excel workbook' };
}
