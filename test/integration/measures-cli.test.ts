import ExcelJS from 'exceljs';
import { cliOverTestStorage, scratchFolder } from '../support/cli';

const { cli } = cliOverTestStorage('mc');
const files = scratchFolder('measures-');
/** Writes a CSV file of `lines` to the test's folder, and gives its path. */
const csvFile = (name: string, lines: string[]) => files.write(name, lines.join('\n'));

/** Imports the performance book at `at` into plan perf, from the CLI. */
const importBook = (at: string) => cli('measures', 'import', at, '--plan', 'perf');

beforeAll(async () => {
  const plan = csvFile('plan.csv', [
    'Ref,Action,Owner,Measure,Measure_Unit,Baseline,Baseline_Date,Target,Target_Date,Direction,Frequency',
    '6(a),Audit case files,alexw@example.com,Case file audits a month,number,10,01/01/2026,30,31/03/2027,higher,monthly',
    'SG-2,Visits seen alone,meganb@example.com,% of visits seen alone,%,60,,90,,,quarterly',
    'SG-3,Better outcomes,meganb@example.com,Better outcomes for children,,,,,,,',
  ]);
  const imported = await cli('import', plan, '--plan', 'perf', '--baseline', '2026-01-01');
  expect(imported.code).toBe(0);
  expect(imported.err).toMatch(
    /Warning: Not quantifiable: 1 measure has no number, unit or target to judge progress by: SG-3 \(no unit, no target\)/,
  );
});

test('a performance book with a bad row changes nothing, and says what is wrong by row', async () => {
  const book = csvFile('bad.csv', [
    'Value,REF,Period,Note',
    '12,6(a),2026-01,first month',
    '120%,SG-2,Jan-Mar 2026,',
    '5,SG-3,2026-01,',
    '7,6(a),2026-01,',
    '7,X-9,2026-01,',
    '8,6(a),2099-01,',
  ]);
  const result = await importBook(book);
  expect(result.code).toBe(1);
  expect(result.err).toContain('Nothing was imported: the file has 5 problems.');
  expect(result.err).toContain('Row 3: the value "120%" is not a percentage from 0 to 100 (SG-2\'s measure is %).');
  expect(result.err).toMatch(/Row 4: SG-3's measure is in words only/);
  expect(result.err).toContain('Row 5: 6(a) already has a value for Jan 2026 on row 2; keep one.');
  expect(result.err).toContain('Row 6: there is no action X-9 in this plan.');
  expect(result.err).toContain('Row 7: the period "2099-01" has not started yet.');
  expect((await cli('history', '6(a)', '--plan', 'perf')).out).not.toMatch(/Performance book/);
});

test('a good book (CSV or Excel) records every value once, in the history, and the export shows the latest', async () => {
  const book = csvFile('book.csv', [
    'ref,period,value,note',
    '6(a),2026-01,12,first month',
    '6(a),Feb 2026,15,',
    '6(a),2026-03,18,',
    'SG-2,Q4 2025/26,70%,',
  ]);
  const first = await importBook(book);
  expect(first.code).toBe(0);
  expect(first.out).toBe('Recorded 4 values for 2 actions in plan perf; 0 already recorded.\nChanged: 6(a), SG-2\n');
  const again = await importBook(book);
  expect(again.out).toMatch(/^Recorded 0 values for 0 actions in plan perf; 4 already recorded\./);

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Book');
  sheet.addRow(['Ref', 'Period', 'Value']);
  sheet.addRow(['6(a)', '2026-04', 21]);
  const xlsx = files.at('book.xlsx');
  await workbook.xlsx.writeFile(xlsx);
  expect((await importBook(xlsx)).out).toMatch(/^Recorded 1 value for 1 action/);
  const corrected = csvFile('corrected.csv', [
    'ref,period,value,note',
    '6(a),2026-02,16,corrected',
    '6(a),2026-03,18,',
  ]);
  expect((await importBook(corrected)).out).toMatch(
    /^Recorded 1 value \(1 replacing a value already there for the same period\) for 1 action in plan perf; 1 already recorded\./,
  );

  const history = (await cli('history', '6(a)', '--plan', 'perf')).out;
  expect(history).toMatch(/Latest value: 18 \(Mar 2026\) → 21 \(Apr 2026\)/);
  expect(history).toMatch(/Performance book: 3 values, Jan 2026 to Mar 2026\./);

  const exported = (await cli('export', '--plan', 'perf', '--format', 'csv')).out.split('\r\n');
  expect(exported[0]).toMatch(
    /,Measure target,Measure target date,Measure direction,Measure frequency,Latest value,Value period,Measure status,Measure trend$/,
  );
  const row = exported.find((l) => l.startsWith('6(a),'));
  // Apr 2026 is long before the month that has just ended, so the value is overdue; 12 → 21 over the last three is improving.
  // Its definition first, as the import reads it back; then what is computed from its values.
  expect(row).toMatch(
    /,number,10,1 Jan 2026,30,31 Mar 2027,higher is better,monthly,21,Apr 2026,Figures overdue,Improving$/,
  );
});
