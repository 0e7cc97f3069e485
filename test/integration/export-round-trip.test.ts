import path from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { projectRoot } from '../../src/project-root';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { cliOverTestStorage, scratchFolder } from '../support/cli';
import { exportIntoNewPlan, exportTable, NOT_CARRIED_TO_A_NEW_PLAN, without } from '../support/export-round-trip';

const { cli, storage } = cliOverTestStorage('roundtrip');
const files = scratchFolder('round-trip-');
const TESTER = path.resolve(__dirname, '../fixtures/tester3');

beforeAll(async () => {
  // The demo as `npm start` seeds it: a date moved with its reason, measures with values, evidence.
  await seedDemo(storage, projectRoot(), new Date());
  const send = await cli('import', path.join(TESTER, 'plan.csv'), '--plan', 'send', '--baseline', '2026-06-30');
  expect(send.code).toBe(0);
});

describe.each([
  [DEMO_PLAN_ID, 'csv'],
  [DEMO_PLAN_ID, 'xlsx'],
  ['send', 'csv'],
  ['send', 'xlsx'],
] as const)('plan %s exported as %s, imported into a new plan and exported again', (plan, format) => {
  test('the two exports are the same, but for what happened in Teams (updates and measure values)', async () => {
    const { imported, before, after } = await exportIntoNewPlan(cli, plan, `${plan}-copy-${format}`, format);
    expect(imported.err).not.toMatch(/not used and were ignored/);
    expect([imported.code, imported.code === 0 ? '' : imported.err]).toEqual([0, '']);
    expect(after).not.toBeNull();
    expect(without(after!, NOT_CARRIED_TO_A_NEW_PLAN)).toEqual(without(before, NOT_CARRIED_TO_A_NEW_PLAN));
    // What it carries: due dates, a date moved with its reason, and measures with their unit, baseline and target.
    const header = before[0];
    const filled = (column: string) => before.slice(1).filter((r) => r[header.indexOf(column)] !== '').length;
    for (const column of ['Original due date', 'Owner', 'Measure unit', 'Measure target'])
      expect([column, filled(column)]).not.toEqual([column, 0]);
    if (plan === DEMO_PLAN_ID) expect(filled('Reason for new date')).toBeGreaterThan(0);
    else expect(filled('Measure baseline')).toBeGreaterThan(0);
  });
});

/** The demo exported as CSV, with one row's cells replaced, written to a file of its own. */
async function editedExport(name: string, ref: string, cells: Record<string, string>): Promise<string> {
  const exported = await cli('export', '--plan', DEMO_PLAN_ID, '--format', 'csv');
  const table = await exportTable(exported.bytes, 'csv');
  const row = table.find((r) => r[0] === ref)!;
  for (const [column, value] of Object.entries(cells)) row[table[0].indexOf(column)] = value;
  return files.write(name, stringify(table));
}

test('a current due date edited in the export is refused, naming the row and how to move it; nothing changes', async () => {
  const before = (await storage.actions.list(DEMO_PLAN_ID)).map((v) => v.value);
  const moved = before.find((a) => a.revisedDueDate !== null)!;
  const file = await editedExport('edited.csv', moved.ref, { 'Current due date': '31/12/2030', Status: 'Delayed' });
  const result = await cli('import', file, '--plan', DEMO_PLAN_ID);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(
    new RegExp(
      `Nothing was imported: the file has a problem\\.\\n {2}Row \\d+: ${moved.ref} has the current due date \\d+ \\w+ \\d{4} in the register, and the file says 31 Dec 2030\\. An import does not move an action's due date: .*\\(for example "${moved.ref} delayed to 31/12/2030 because …"\\)`,
    ),
  );
  expect((await storage.actions.list(DEMO_PLAN_ID)).map((v) => v.value)).toEqual(before);
});

test('an old export without the reason for a new date is refused into a new plan, row by row, not imported without its dates', async () => {
  const result = await cli(
    'import',
    path.join(TESTER, 'export.csv'),
    '--plan',
    'old-export',
    '--baseline',
    '2026-06-30',
  );
  expect(result.code).toBe(1);
  expect(result.err).toMatch(
    /Nothing was imported: the file has a problem\.\n {2}Row 7: the current due date \(11 Dec 2026\) is not the original due date \(13 Nov 2026\), and no reason for the new date is given\. A new date needs a reason: add it in a "Reason for new date" column, or make the two dates the same\.\n$/,
  );
  expect(await storage.plans.get('old-export')).toBeNull();
});

test('a council’s own headings, with an owner named by name alone, import (the tester’s natural.csv)', async () => {
  const result = await cli('import', path.join(TESTER, 'natural.csv'), '--plan', 'natural', '--baseline', '2026-06-30');
  expect(result.err).not.toMatch(/ignored/);
  expect(result.code).toBe(0);
  const actions = new Map((await storage.actions.list('natural')).map((v) => [v.value.ref, v.value]));
  expect(actions.size).toBe(5);
  expect(actions.get('A.2.1')).toMatchObject({
    owner: { email: 'lynner@example.com', displayName: 'Lynne Robbins' },
    originalDueDate: '2026-09-30',
    agency: 'Adult Social Care',
    status: 'Delayed',
  });
  expect(actions.get('Rec 4(ii)')?.originalDueDate).toBe('2027-03-31');
  expect(actions.get('R3')?.measures).toEqual([
    { indicator: '% of EHCPs issued within 20 weeks', target: '60', latest: null },
  ]);
});

test('an owner named by a name nobody has is refused, saying how to write it', async () => {
  const file = files.write('unknown-owner.csv', 'Ref,Action,Owner\nA-1,Act,Jo Bloggs\n');
  const result = await cli('import', file, '--plan', 'unknown-owner', '--baseline', '2026-06-30');
  expect(result.code).toBe(1);
  expect(result.err).toMatch(
    /Row 2: the owner "Jo Bloggs" is a name, and nobody of that name is known here .*write their email address with it, like Jo Bloggs <name@council\.gov\.uk>/,
  );
});

test('an Excel date kept as a number (a serial date, as ExcelJS writes a numeric cell) is read as its day', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  sheet.addRow(['Ref', 'Action', 'Due', 'Evidence due']);
  sheet.addRow(['A-1', 'Act', 46387, 46022.5]);
  const file = files.at('serial.xlsx');
  await workbook.xlsx.writeFile(file);
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(file);
  expect(written.worksheets[0].getRow(2).getCell(3).value).toBe(46387);
  const result = await cli('import', file, '--plan', 'serial', '--baseline', '2026-06-30');
  expect(result.code).toBe(0);
  expect((await storage.actions.get('serial', 'A-1'))?.value).toMatchObject({
    originalDueDate: '2026-12-31',
    evidenceDue: '2025-12-31',
  });
});

test('a bad --plan is named as a bad plan id, with what one looks like, not as a problem with the file', async () => {
  const result = await cli('import', path.join(TESTER, 'plan.csv'), '--plan', 'SEND Plan!', '--baseline', '2026-06-30');
  expect(result.code).toBe(2);
  expect(result.err).toMatch(
    /"SEND Plan!" is not a usable plan id\. Use lower-case letters, numbers and dashes, starting with a letter or number \(for example ofsted-2011\)\./,
  );
  expect(result.err).not.toMatch(/file has/);
  expect((await cli('export', '--plan', 'SEND Plan!', '--format', 'csv')).err).toMatch(/is not a usable plan id/);
});
