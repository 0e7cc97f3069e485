import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { importPlan, ImportRequest } from '../../src/services/import-plan';
import { aPlanId } from '../support/builders';
import { testStorage } from '../support/storage';
import { demoPlanFile } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';

/** The shared Ofsted fixture, or the copy in demo/ when the repository is cloned on its own. */
const FIXTURE = demoPlanFile(projectRoot());
const storage = testStorage();
const NOW = new Date('2026-11-21T10:00:00Z');

function request(file: { name: string; bytes: Uint8Array }, overrides: Partial<ImportRequest> = {}): ImportRequest {
  return {
    planId: aPlanId(),
    file,
    baseline: '2011-08-19',
    by: 'admin@example.com',
    now: NOW,
    today: '2026-11-21',
    ...overrides,
  };
}
const csv = (text: string, name = 'plan.csv') => ({ name, bytes: Buffer.from(text, 'utf8') });
const HEADER = 'ref,theme,action,timescale,due,owner,agency,status,measure\n';

async function expectNothingWritten(planId: string) {
  expect(await storage.actions.list(planId)).toEqual([]);
  expect(await storage.plans.get(planId)).toBeNull();
}

describe('importing the real Ofsted plan', () => {
  const fixture = { name: 'ofsted-2011-announced-plan.csv', bytes: fs.readFileSync(FIXTURE) };

  /** The fixture imported into a plan of the test's own. */
  async function imported(): Promise<string> {
    const planId = aPlanId('ofsted-2011');
    const report = await importPlan(
      storage,
      request(fixture, {
        planId,
        title: 'Ofsted safeguarding and looked after children 2011',
        sourceDocument: fixture.name,
      }),
    );
    expect(report.errors).toEqual([]);
    return planId;
  }

  test('loads 22 actions with due dates from the timescales and the baseline', async () => {
    const planId = aPlanId('ofsted-2011');
    const req = request(fixture, {
      planId,
      title: 'Ofsted safeguarding and looked after children 2011',
    });
    const report = await importPlan(storage, req);
    expect(report.errors).toEqual([]);
    expect(report.created).toHaveLength(22);
    const actions = (await storage.actions.list(planId)).map((v) => v.value);
    expect(actions).toHaveLength(22);
    const sg1 = actions.find((a) => a.ref === 'SG-1')!;
    expect(sg1).toMatchObject({
      originalDueDate: '2011-08-19',
      status: 'On track',
      agency: 'Council',
      owner: { email: 'alexw@example.com' },
    });
    expect(actions.find((a) => a.ref === 'SG-7')!.originalDueDate).toBe('2011-11-19');
    expect((await storage.plans.get(planId))?.title).toBe('Ofsted safeguarding and looked after children 2011');
    expect(await storage.actions.history(planId, 'SG-1')).toHaveLength(1);
    expect(report.warnings.some((w) => w.includes('"CAMHS"'))).toBe(true);
  });

  test('re-importing the same file changes nothing and adds no history', async () => {
    const planId = await imported();
    const report = await importPlan(
      storage,
      request({ ...fixture, name: 'export-copy.csv' }, { planId, sourceDocument: 'export-copy.csv' }),
    );
    expect(report).toMatchObject({ ok: true, created: [], updated: [], unchanged: 22 });
    expect(await storage.actions.history(planId, 'SG-1')).toHaveLength(1);
    // The committee report still names the file the plan came from, not a copy that changed nothing.
    expect((await storage.plans.get(planId))?.sourceDocument).toBe('ofsted-2011-announced-plan.csv');
  });

  test('re-importing an edited file updates just the changed action and records it with via import', async () => {
    const planId = await imported();
    const edited = fs
      .readFileSync(FIXTURE, 'utf8')
      .replace('SG-2,Safeguarding services,Ensure that visits', 'SG-2,Safeguarding services,Make sure that visits');
    const report = await importPlan(storage, request(csv(edited), { planId, now: new Date('2026-11-22T10:00:00Z') }));
    expect(report.updated).toEqual(['SG-2']);
    const history = await storage.actions.history(planId, 'SG-2');
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ via: 'import', by: 'admin@example.com' });
    expect(history[0].changes).toEqual([
      expect.objectContaining({ field: 'title', to: expect.stringMatching(/^Make sure/) }),
    ]);
  });

  test('an edited timescale that would move an action already there is refused by row, with every other problem; nothing changes', async () => {
    const planId = await imported();
    const before = (await storage.actions.list(planId)).map((v) => v.value);
    const edited = fs
      .readFileSync(FIXTURE, 'utf8')
      .replace(/^(SG-7,[^\n]*?),Within three months,/m, '$1,Within six months,')
      .replace(/^(SG-8,[^\n]*?),Within three months,/m, '$1,Ongoing,')
      .replace(/^(LAC-1,.*),adelev@example\.com,/m, '$1,nobody,');
    const report = await importPlan(storage, request(csv(edited), { planId, baseline: undefined }));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.stringMatching(
        /^Row \d+: SG-7 has the original due date 19 Nov 2011 in the register, and its timescale "Within six months", counted from the plan's baseline, makes it due 19 Feb 2012\. An import does not move an action's due date: .*\(for example "SG-7 delayed to 19\/02\/2012 because …"\)\. Give the due date 19 Nov 2011 in a "Due date" column, or leave the timescale blank\.$/,
      ),
      expect.stringMatching(
        /^Row \d+: SG-8 has the original due date 19 Nov 2011 in the register, and its timescale "Ongoing", counted from the plan's baseline, gives it no due date\./,
      ),
      // In the order of the file's rows: LAC-1 comes after the SG rows.
      expect.stringMatching(/^Row \d+: the owner "nobody"/),
    ]);
    expect((await storage.actions.list(planId)).map((v) => v.value)).toEqual(before);
  });

  test('another baseline that moves no action already there is taken, and the report says the plan changed', async () => {
    const planId = await imported();
    const dated = csv(
      'ref,action,due\nSG-1,Tell referring agencies the outcome,19/08/2011\nNEW-1,A new action,01/09/2011\n',
    );
    const report = await importPlan(storage, request(dated, { planId, baseline: '2011-09-01', title: 'Renamed' }));
    expect(report).toMatchObject({ ok: true, created: ['NEW-1'] });
    expect(report.planChanges).toEqual([
      { field: 'title', from: 'Ofsted safeguarding and looked after children 2011', to: 'Renamed' },
      { field: 'baselineDate', from: '2011-08-19', to: '2011-09-01' },
    ]);
    expect((await storage.actions.get(planId, 'SG-1'))?.value.originalDueDate).toBe('2011-08-19');
  });

  test('a glossary that explains the acronyms silences the plain-English warnings', async () => {
    const glossary = csv(
      'term,meaning\nCAMHS,Child and adolescent mental health services\nCiCC,Children in Care Council\n',
      'glossary.csv',
    );
    const report = await importPlan(storage, request(fixture, { glossary }));
    expect(report.warnings.filter((w) => w.includes('"CAMHS"') || w.includes('"CiCC"'))).toEqual([]);
  });
});

describe('bad files get clear messages and write nothing', () => {
  const cases: Array<[string, { name: string; bytes: Uint8Array }, RegExp]> = [
    ['an empty file', csv(''), /The file is empty/],
    ['only blank lines', csv('\n\n  \n'), /The file is empty/],
    [
      'wrong headers',
      csv('name,description\nSG-1,Something\n'),
      /Row 1 should be the column headings.*"ref" and "action".*It has: name, description/,
    ],
    ['headings but no rows', csv(HEADER), /column headings but no actions/],
    [
      'duplicate refs',
      csv(HEADER + 'SG-1,T,Do a thing,Immediately,,,,,\nsg1,T,Do another,Immediately,,,,,\n'),
      /Row 3: the reference sg1 reads the same as SG-1 on row 2/,
    ],
    [
      'a ref with a slash',
      csv(HEADER + 'SG/1,T,Do a thing,Immediately,,,,,\n'),
      /Row 2: the reference "SG\/1" contains \/ \\ # \?/,
    ],
    ['a ref with a hash', csv(HEADER + 'SG#1,T,Do a thing,Immediately,,,,,\n'), /Row 2: the reference "SG#1" contains/],
    [
      '31 February',
      csv(HEADER + 'SG-1,T,Do a thing,,31/02/2026,,,,\n'),
      /Row 2: the due date "31\/02\/2026" is not a date we can use\..*Write it with its year, like/,
    ],
    [
      'a due date that reads differently on another day',
      csv(HEADER + 'SG-1,T,Do a thing,,next Friday,,,,\n'),
      /Row 2: the due date "next Friday" is not a date we can use\. It depends on the day the file is read \(read today, it would be \d+ \w{3} \d{4}\); write it with its year, like \d\d\/\d\d\/\d{4}\./,
    ],
    [
      'an unknown status',
      csv(HEADER + 'SG-1,T,Do a thing,Immediately,,,,Nearly there,\n'),
      /Row 2: the status "Nearly there" is not a status we know\. Use one of: Not started, On track/,
    ],
    [
      'an owner that is not an email',
      csv(HEADER + 'SG-1,T,Do a thing,Immediately,,alex@wilber,,,\n'),
      /Row 2: the owner "alex@wilber" is not an email address/,
    ],
    [
      'an owner named by a name nobody known has',
      csv(HEADER + 'SG-1,T,Do a thing,Immediately,,Alex Wilber,,,\n'),
      /Row 2: the owner "Alex Wilber" is a name, and nobody of that name is known here/,
    ],
    [
      'a 70 KB cell',
      csv(HEADER + `SG-1,T,${'x'.repeat(70_000)},Immediately,,,,,\n`),
      /Row 2: the action is 70,000 characters long; the most is 2,000/,
    ],
    [
      'an unknown timescale',
      csv(HEADER + 'SG-1,T,Do a thing,When we can,,,,,\n'),
      /Row 2: I couldn.t read "When we can" as a timescale\. Try "Immediately"/i,
    ],
    [
      'a row with too many cells',
      csv(HEADER + 'SG-1,T,Do a thing, with a comma,Immediately,,,,,Measure\n'),
      /Row 2: it has 10 cells but there are 9 column headings/,
    ],
    ['an unclosed quote', csv(HEADER + 'SG-1,T,"Do a thing,Immediately,,,,,\n'), /could not be read as CSV/],
    [
      'a 20 MB file',
      csv('ref,action\n' + 'A,b\n'.repeat(5_300_000)),
      /The file is 20\.2 MB; the most we accept is 10\.0 MB/,
    ],
    [
      'a PDF renamed .csv',
      { name: 'plan.csv', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0)]) },
      /not a CSV text file: it looks like a PDF document/,
    ],
    [
      'a workbook renamed .csv',
      { name: 'plan.csv', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) },
      /looks like a zipped file, such as an Excel workbook/,
    ],
    ['a Word document', { name: 'plan.docx', bytes: Buffer.from('hello') }, /neither a \.csv nor an \.xlsx file/],
    [
      'a text file renamed .xlsx',
      { name: 'plan.xlsx', bytes: Buffer.from(HEADER) },
      /could not be opened as an Excel workbook/,
    ],
  ];

  test.each(cases)('%s', async (_name, file, message) => {
    const req = request(file);
    const report = await importPlan(storage, req);
    expect(report.ok).toBe(false);
    expect(report.errors.join('\n')).toMatch(message);
    await expectNothingWritten(req.planId);
  });

  test('one bad row among good ones writes none of them, and every bad row is listed', async () => {
    const req = request(
      csv(HEADER + 'A-1,T,Fine,Immediately,,,,,\nA-2,T,,Immediately,,,,,\nA-3,T,Fine,Soonish,,,,,\n'),
    );
    const report = await importPlan(storage, req);
    expect(report.errors).toEqual([
      'Row 3: the action text is empty.',
      expect.stringMatching(/^Row 4: I couldn.t read "Soonish" as a timescale/i),
    ]);
    await expectNothingWritten(req.planId);
  });

  test.each([
    [{ timeZone: 'Mars/Olympus' }, /"Mars\/Olympus" is not a time zone I know/],
    [{ remindSchedule: 'every monday' }, /"every monday" is not a schedule I can use/],
    [{ digestSchedule: '61 9 * * 1' }, /"61 9 \* \* 1" is not a schedule/],
  ])('plan settings %j are checked before anything is written', async (settings, message) => {
    const req = request(csv(HEADER + 'A-1,T,Fine,Immediately,,,,,\n'), settings);
    expect((await importPlan(storage, req)).errors.join()).toMatch(message);
    await expectNothingWritten(req.planId);
  });

  test('a plan keeps its own schedules', async () => {
    const req = request(csv(HEADER + 'A-1,T,Fine,Immediately,,,,,\n'), {
      remindSchedule: '0 10 * * 2',
      timeZone: 'Europe/Dublin',
    });
    expect((await importPlan(storage, req)).ok).toBe(true);
    expect(await storage.plans.get(req.planId)).toMatchObject({
      remindSchedule: '0 10 * * 2',
      digestSchedule: null,
      timeZone: 'Europe/Dublin',
    });
  });

  test('a new plan without a baseline date is refused', async () => {
    const req = request(csv(HEADER + 'A-1,T,Fine,Immediately,,,,,\n'), { baseline: undefined });
    expect((await importPlan(storage, req)).errors[0]).toMatch(/needs a baseline date/);
    await expectNothingWritten(req.planId);
  });
});

describe('encodings and formats', () => {
  test('UTF-8 with a byte order mark reads the first heading correctly', async () => {
    const req = request({
      name: 'bom.csv',
      bytes: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(HEADER + 'A-1,Théme,Café £5 fund,Immediately,,,,,\n'),
      ]),
    });
    const report = await importPlan(storage, req);
    expect(report.errors).toEqual([]);
    expect((await storage.actions.get(req.planId, 'A-1'))!.value).toMatchObject({
      theme: 'Théme',
      title: 'Café £5 fund',
    });
  });

  test('Windows-1252 text keeps its £ signs and accents, with a warning to check', async () => {
    const bytes = Buffer.from(HEADER + 'A-1,Théme,Café £5 fund,Immediately,,,,,\n', 'latin1');
    const req = request({ name: 'old-excel.csv', bytes });
    const report = await importPlan(storage, req);
    expect(report.errors).toEqual([]);
    expect(report.warnings.join()).toMatch(/Windows-1252/);
    expect((await storage.actions.get(req.planId, 'A-1'))!.value.title).toBe('Café £5 fund');
  });

  test('an Excel workbook with real date cells imports', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Ref', 'Theme', 'Title', 'Due', 'Owner', 'Status']);
    sheet.addRow([
      'X-1',
      'Theme',
      'Do the thing',
      new Date(Date.UTC(2026, 8, 30)),
      'Megan Bowen <MeganB@example.com>',
      'At risk',
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const req = request({ name: 'plan.xlsx', bytes });
    const report = await importPlan(storage, req);
    expect(report.errors).toEqual([]);
    expect((await storage.actions.get(req.planId, 'x1'))!.value).toMatchObject({
      originalDueDate: '2026-09-30',
      status: 'At risk',
      owner: { email: 'meganb@example.com', displayName: 'Megan Bowen' },
    });
  });

  test('semicolon-separated files from European Excel are read', async () => {
    const req = request(csv('ref;action;timescale\nA-1;Do it;Within 6 weeks\n'));
    const report = await importPlan(storage, req);
    expect(report.errors).toEqual([]);
    expect((await storage.actions.get(req.planId, 'A-1'))!.value.originalDueDate).toBe('2011-09-30');
  });
});

test('a large file reports progress and imports in transactions of 49 actions (plus the version row)', async () => {
  const rows = Array.from(
    { length: 260 },
    (_, i) => `L-${i + 1},Theme,Action number ${i + 1},Within ${1 + (i % 12)} months,,,,,`,
  ).join('\n');
  const phases: string[] = [];
  const req = request(csv(HEADER + rows), { onProgress: (p) => phases.push(`${p.phase}:${p.done}/${p.total}`) });
  const report = await importPlan(storage, req);
  expect(report.created).toHaveLength(260);
  expect(await storage.actions.list(req.planId)).toHaveLength(260);
  expect(phases.filter((p) => p.startsWith('writing'))).toEqual([
    'writing:0/260',
    'writing:49/260',
    'writing:98/260',
    'writing:147/260',
    'writing:196/260',
    'writing:245/260',
    'writing:260/260',
  ]);
});
