import { REPORT_NOW, REPORT_PERIOD, PEOPLE, seedCalmPlan, seedReportPlan } from '../support/report-plan';
import { readDocx } from '../support/docx-text';
import { testStorage } from '../support/storage';
import { ownDemoPlan } from '../support/own-plan';
import { addDays, todayIn } from '../../src/domain/calendar';
import { periodOf } from '../../src/domain/measure-periods';
import { actorIn, makeCommitteeReport } from '../../src/use-cases/committee-report';
import { renderReport } from '../../src/reports/render';
import { SECTION_HEADINGS } from '../../src/reports/report-document';
import { ReportLog } from '../../src/store/report-log';

const storage = testStorage();

beforeAll(async () => {
  await seedReportPlan(storage, 'rp', { chair: PEOPLE.chair });
  await seedCalmPlan(storage, 'calm');
  await storage.roles.grant('calm', PEOPLE.chair, 'chair');
});

async function reportOf(planId: string, extra: { from?: string; to?: string; record?: boolean } = {}) {
  const outcome = await makeCommitteeReport(storage, await actorIn(storage, planId, PEOPLE.chair, 'Chair'), {
    planId,
    now: REPORT_NOW,
    record: extra.record ?? false,
    from: extra.from ?? REPORT_PERIOD.from,
    to: extra.to,
  });
  if (outcome.kind !== 'done') throw new Error(`refused: ${outcome.code}`);
  return outcome.report;
}

/** The rows of the first table after the heading or paragraph `heading` (outside any table) in the document. */
function tableAfter(doc: Awaited<ReturnType<typeof readDocx>>, heading: string): string[][] {
  const count = (text: string, tag: string) => text.split(tag).length - 1;
  for (let at = doc.xml.indexOf(`>${heading}</w:t>`); at >= 0; at = doc.xml.indexOf(`>${heading}</w:t>`, at + 1)) {
    const before = doc.xml.slice(0, at);
    if (count(before, '<w:tbl>') === count(before, '</w:tbl>')) return doc.tables[count(before, '<w:tbl>')];
  }
  throw new Error(`no heading ${heading}`);
}

describe('the committee report as a Word document', () => {
  test('holds every section heading, as Word headings, in order', async () => {
    const doc = await readDocx(await renderReport(await reportOf('rp'), 'docx'));
    const headings = doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual([...SECTION_HEADINGS]);
    expect(doc.paragraphs[0]).toEqual({ style: 'Title', text: 'Improvement plan 2026: highlight report' });
    expect(doc.paragraphs.map((p) => p.text)).toContain(
      'This report covers 1 Nov 2026 to 30 Nov 2026. At the end of the period the plan had 6 actions, 1 of them overdue.',
    );
  });

  test("sizes each column by what it holds, so an action's sentence is not squeezed beside its reference", async () => {
    const doc = await readDocx(await renderReport(await reportOf('rp'), 'docx'));
    const grids = [...doc.xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((grid) =>
      [...grid[1].matchAll(/w:w="(\d+)"/g)].map((width) => Number(width[1])),
    );
    const planOnAPage = doc.tables.findIndex((rows) => rows[0].join() === 'Ref,Action,Owner,Due date,RAG');
    const [ref, action] = grids[planOnAPage];
    expect(action).toBeGreaterThan(3 * ref);
    // Every table spans the page's width between its margins (A4 landscape, 1000 twips each side).
    for (const grid of grids) expect(grid.reduce((a, b) => a + b, 0)).toBeGreaterThan(16838 - 2000 - grid.length);
  });

  test('counts by RAG at the end and at the start of the period, with the change', async () => {
    const doc = await readDocx(await renderReport(await reportOf('rp'), 'docx'));
    expect(tableAfter(doc, 'By RAG rating')).toEqual([
      ['RAG', 'At the end', 'At the start', 'Change'],
      ['Red', '2', '1', '+1'],
      ['Amber', '1', '0', '+1'],
      ['Green', '1', '5', '−4'],
      ['Complete', '2', '0', '+2'],
      ['Cancelled', '0', '0', 'no change'],
    ]);
    expect(tableAfter(doc, 'By status')).toContainEqual(['On track', '1', '5', '−4']);
    expect(tableAfter(doc, 'By status')).toContainEqual(['Signed off', '1', '0', '+1']);
  });

  test('names the highlights with their evidence, the overdue with days overdue and their latest words, the slippage with its reason, and a new date waiting for a decision', async () => {
    const doc = await readDocx(await renderReport(await reportOf('rp'), 'docx'));
    expect(tableAfter(doc, 'Key highlights')).toEqual([
      ['Ref', 'Action', 'Owner', 'What happened', 'Evidence'],
      [
        'A-1',
        'Audit CAMHS referrals',
        'Alex Wilber',
        'Signed off on 12 Nov 2026 (chair@example.com)',
        'Audit report: https://example.org/audit',
      ],
      ['A-5', 'Publish the PEP guidance', 'Megan Bowen', 'Completed on 20 Nov 2026 (Megan Bowen)', 'None recorded'],
    ]);
    expect(tableAfter(doc, 'Overdue')).toEqual([
      ['Ref', 'Action', 'Owner', 'Due', 'Days overdue', 'Latest update'],
      [
        'A-2',
        'Recruit IRO staff',
        'Megan Bowen',
        '15 Oct 2026',
        '46 days',
        'Asked for a new date, 31 Jan 2027: two posts still vacant (Megan Bowen, 25 Nov 2026)',
      ],
    ]);
    expect(tableAfter(doc, 'At risk')[1]).toEqual([
      'A-4',
      'Train every team manager',
      'Alex Wilber',
      '1 Feb 2027',
      'Trainer off sick (Alex Wilber, 15 Nov 2026)',
    ]);
    // No update was given with the move, so the reason for it is the latest word, with who gave it and when.
    expect(tableAfter(doc, 'Delayed')[1]).toEqual([
      'A-3',
      'Roll out IT equipment to social workers',
      'Alex Wilber',
      '31 Dec 2026',
      'Due date moved to 31 Dec 2026: supplier problems (chair@example.com, 5 Nov 2026)',
    ]);
    expect(doc.paragraphs.map((p) => p.text)).toContain(
      'A-3, Roll out IT equipment to social workers (Alex Wilber): the due date moved from 31 Oct 2026 to 31 Dec 2026 on 5 Nov 2026. Reason: supplier problems.',
    );
    expect(tableAfter(doc, 'New dates asked for')).toEqual([
      ['Ref', 'Action', 'Owner', 'Due', 'New date asked for', 'Asked', 'Reason'],
      [
        'A-2',
        'Recruit IRO staff',
        'Megan Bowen',
        '15 Oct 2026',
        '31 Jan 2027',
        'Megan Bowen on 25 Nov 2026',
        'two posts still vacant',
      ],
    ]);
    expect(tableAfter(doc, 'Sign-off')[1]).toEqual([
      'A-5',
      'Publish the PEP guidance',
      'Megan Bowen',
      '10 days (completed 20 Nov 2026)',
      'Missing: no evidence yet, and sign-off needs at least one piece',
    ]);
  });

  test('puts every action on the plan on a page by theme, with RAG as a word', async () => {
    const doc = await readDocx(await renderReport(await reportOf('rp'), 'docx'));
    expect(tableAfter(doc, 'Looked after children')).toEqual([
      ['Ref', 'Action', 'Owner', 'Due date', 'RAG'],
      ['A-3', 'Roll out IT equipment to social workers', 'Alex Wilber', '31 Dec 2026', 'Red'],
      ['A-4', 'Train every team manager', 'Alex Wilber', '1 Feb 2027', 'Amber'],
      ['A-5', 'Publish the PEP guidance', 'Megan Bowen', '15 Dec 2026', 'Complete'],
    ]);
    expect(tableAfter(doc, 'Appendix: every action').map((r) => r[0])).toEqual([
      'Ref',
      'A-1',
      'A-2',
      'A-3',
      'A-4',
      'A-5',
      'A-6',
    ]);
  });

  test('explains the acronyms it uses from the glossary, and warns about one with no meaning', async () => {
    const report = await reportOf('rp');
    expect(report.glossary.warnings).toEqual([{ acronym: 'PEP', refs: ['A-5'] }]);
    const doc = await readDocx(await renderReport(report, 'docx'));
    expect(tableAfter(doc, 'Glossary').map((r) => r[0])).toEqual(['Term', 'CAMHS', 'IRO', 'RAG']);
    expect(doc.paragraphs.map((p) => p.text)).toContain('Not explained in the plan’s glossary: PEP (A-5).');
  });

  test('says the performance book has no measures yet rather than leaving it empty', async () => {
    const doc = await readDocx(await renderReport(await reportOf('rp'), 'docx'));
    const at = doc.paragraphs.findIndex((p) => p.text === 'Performance book');
    expect(doc.paragraphs[at + 1].text).toMatch(/^Measures are not recorded in Action Tracker yet/);
  });

  test('words the performance book as chat does: values with units and periods, plain status, never stored codes', async () => {
    const planId = await ownDemoPlan(storage, [], 'report-measures');
    const outcome = await makeCommitteeReport(storage, await actorIn(storage, planId, 'alexw@example.com', 'Alex'), {
      planId,
      now: new Date(),
      record: false,
    });
    if (outcome.kind !== 'done') throw new Error(`refused: ${outcome.code}`);
    const rows = tableAfter(await readDocx(await renderReport(outcome.report, 'docx')), 'Performance book');
    expect(rows[0]).toEqual(['Ref', 'Measure', 'Target', 'Latest value', 'Trend', 'Status']);
    // SG-1 has two measures in the demo plan: a row each, labelled with its number.
    const sg1 = rows.find((r) => r[0] === 'SG-1 (1 of 2)');
    expect(rows.find((r) => r[0] === 'SG-1 (2 of 2)')?.[1]).toBe('Number of referrals audited each month');
    expect(sg1?.[2]).toMatch(/^95% by \d{1,2} [A-Z][a-z]{2} \d{4} \(higher is better\)$/);
    expect(sg1?.[3]).toMatch(/^\d+% for [A-Z][a-z]{2} \d{4}$/);
    expect(sg1?.[5]).toBe('Off target');
    expect(rows.find((r) => r[0] === 'LAC-1')).toEqual(
      expect.arrayContaining(['No target set', 'No figures yet', 'No trend yet', 'In words only']),
    );
    const cells = rows.slice(1).flat().join(' | ');
    expect(cells).not.toMatch(/off-target|on-target|no-data|\d %|\d{4}-(?:\d{2}|Q\d)\b|yes\/no/);

    // A period that ended two months ago shows the values as they stood then, not the later ones.
    const to = addDays(todayIn(new Date()), -62);
    const then = await makeCommitteeReport(storage, await actorIn(storage, planId, 'alexw@example.com', 'Alex'), {
      planId,
      now: new Date(),
      record: false,
      from: addDays(to, -30),
      to,
    });
    if (then.kind !== 'done' || !then.report.performance.recorded) throw new Error('no performance book');
    const earlier = then.report.performance.rows.find((r) => r.ref === 'SG-1');
    const latestNow = outcome.report.performance.recorded
      ? outcome.report.performance.rows.find((r) => r.ref === 'SG-1')?.latest?.period
      : undefined;
    expect(earlier?.values.every((v) => v.period <= periodOf(to, 'monthly'))).toBe(true);
    expect(earlier?.latest?.period).not.toBe(latestNow);
  });

  test('a plan with nothing overdue, moved or waiting says so under each heading', async () => {
    const doc = await readDocx(await renderReport(await reportOf('calm'), 'docx'));
    const texts = doc.paragraphs.map((p) => p.text);
    for (const sentence of [
      'Nothing is overdue.',
      'No action is delayed.',
      'No action is at risk.',
      'No due date was moved in this period.',
      'No action was completed or signed off in this period.',
      'No new date is waiting for a decision.',
      'Nothing is waiting for sign-off.',
    ])
      expect(texts).toContain(sentence);
  });
});

describe('the period', () => {
  test('runs from the last report made before today, else the baseline, and records each report', async () => {
    const first = await makeCommitteeReport(storage, await actorIn(storage, 'calm', PEOPLE.chair, null), {
      planId: 'calm',
      now: new Date('2026-10-01T12:00:00Z'),
      record: true,
    });
    expect(first.kind === 'done' && [first.report.period, first.report.since]).toEqual([
      { from: '2026-06-01', to: '2026-10-01' },
      'baseline',
    ]);
    const second = await makeCommitteeReport(storage, await actorIn(storage, 'calm', PEOPLE.chair, null), {
      planId: 'calm',
      now: REPORT_NOW,
      record: true,
    });
    expect(second.kind === 'done' && [second.report.period, second.report.since]).toEqual([
      { from: '2026-10-01', to: '2026-11-30' },
      'lastReport',
    ]);
    expect((await new ReportLog(storage.tables).list('calm')).map((r) => r.madeOn)).toEqual([
      '2026-10-01',
      '2026-11-30',
    ]);
  });

  test('a period ending earlier shows the plan as it stood then', async () => {
    const report = await reportOf('rp', { from: '2026-10-01', to: '2026-10-31' });
    expect(report.summary.now.byRag).toMatchObject({ red: 1, green: 5, amber: 0, complete: 0 });
    expect(report.highlights).toEqual([]);
    // A-2's new date was asked for in November: nothing waited for a decision in October.
    expect(report.newDates).toEqual([]);
  });
});

describe('who may make it', () => {
  test('an owner with no role is refused; someone who cannot read the plan is told it does not exist', async () => {
    const owner = await makeCommitteeReport(storage, await actorIn(storage, 'rp', PEOPLE.owner, null), {
      planId: 'rp',
      now: REPORT_NOW,
      record: false,
    });
    expect(owner).toMatchObject({ kind: 'refused', code: 'notPermitted' });
    const stranger = await makeCommitteeReport(storage, await actorIn(storage, 'rp', PEOPLE.stranger, null), {
      planId: 'rp',
      now: REPORT_NOW,
      record: false,
    });
    expect(stranger).toEqual({ kind: 'refused', code: 'noPlan' });
  });

  test('a period that ends in the future or starts after it ends is refused', async () => {
    const actor = await actorIn(storage, 'rp', PEOPLE.chair, null);
    const future = await makeCommitteeReport(storage, actor, {
      planId: 'rp',
      now: REPORT_NOW,
      to: '2026-12-25',
      record: false,
    });
    expect(future).toMatchObject({ kind: 'refused', code: 'badPeriod', problem: { code: 'future' } });
    const backwards = await makeCommitteeReport(storage, actor, {
      planId: 'rp',
      now: REPORT_NOW,
      from: '2026-11-20',
      to: '2026-11-10',
      record: false,
    });
    expect(backwards).toMatchObject({ kind: 'refused', code: 'badPeriod', problem: { code: 'fromAfterTo' } });
  });
});
