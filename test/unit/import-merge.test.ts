import { mergeImportedRow } from '../../src/domain/import-merge';
import { ImportedRow } from '../../src/domain/import-rows';
import { Action, Evidence } from '../../src/domain/types';
import { anAction } from '../support/builders';

const who = { by: 'importer@example.com', at: '2026-07-01T09:30:00.000Z' };
const aRow = (overrides: Partial<ImportedRow> = {}): ImportedRow => ({
  row: 2,
  ref: 'SG-1',
  title: 'Ensure that visits to children are clearly recorded',
  evidence: [],
  ...overrides,
});
const imported = (text: string, url: string | null): Evidence => ({
  url,
  note: text,
  addedBy: 'importer@example.com',
  addedAt: '2026-07-01T09:30:00.000Z',
});

/** An action with updates made in Teams since the plan was first imported. */
const existing = anAction({
  revisedDueDate: '2026-10-31',
  revisionReason: 'supplier late',
  revisionCount: 1,
  owner: { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: 'aad-alex' },
  status: 'Delayed',
  measures: [{ indicator: '% of visits recorded', target: '95%', latest: '80%' }],
  evidence: [
    {
      url: 'https://example.com/a',
      note: 'https://example.com/a',
      addedBy: 'alexw@example.com',
      addedAt: '2026-06-01T08:00:00.000Z',
    },
  ],
  latestUpdate: { text: 'Chasing the supplier', by: 'alexw@example.com', at: '2026-06-20T08:00:00.000Z' },
  dateRequest: { date: '2026-11-30', reason: 'more delays', by: 'alexw@example.com', at: '2026-06-25T08:00:00.000Z' },
});

describe('a new action', () => {
  test('with only a ref and action gets the defaults: blank but for them', () => {
    expect(mergeImportedRow(null, aRow({ ref: 'LAC-2', title: 'Review care plans' }), 'ofsted-2026', who)).toEqual(
      // Any action as it starts (not started, never revised, no updates or evidence), with the file's blanks.
      anAction({
        planId: 'ofsted-2026',
        ref: 'LAC-2',
        title: 'Review care plans',
        theme: '',
        timescale: '',
        agency: '',
        owner: null,
        originalDueDate: null,
        measures: [],
      }),
    );
  });

  test('takes everything the row gives', () => {
    const owner = { email: 'meganb@example.com', displayName: 'Megan Bowen', aadObjectId: null };
    // Fields the action takes exactly as the row gives them.
    const asGiven = {
      theme: 'Safeguarding',
      timescale: 'Within 3 months',
      originalDueDate: '2026-10-01',
      owner,
      agency: 'Health',
      status: 'On track',
    } as const;
    const row = aRow({ ...asGiven, measure: 'Audit score', evidence: ['https://example.com/report', 'Board minutes'] });
    expect(mergeImportedRow(null, row, 'ofsted-2026', who)).toMatchObject({
      planId: 'ofsted-2026',
      ...asGiven,
      measures: [{ indicator: 'Audit score', target: null, latest: null }],
      evidence: [imported('https://example.com/report', 'https://example.com/report'), imported('Board minutes', null)],
    });
  });
});

describe('an existing action', () => {
  test('blank cells keep every value in the register; only the action text is always taken', () => {
    expect(mergeImportedRow(existing, aRow({ title: 'Reworded action' }), 'test-plan', who)).toEqual({
      ...existing,
      title: 'Reworded action',
    });
  });

  test('an identical row changes nothing', () => {
    expect(mergeImportedRow(existing, aRow(), 'test-plan', who)).toEqual(existing);
  });

  type Case = [description: string, row: Partial<ImportedRow>, expected: Partial<Action>];
  const cases: Case[] = [
    ['a theme replaces the theme', { theme: 'Early help' }, { theme: 'Early help' }],
    ['an agency replaces the agency', { agency: 'Police' }, { agency: 'Police' }],
    ['a status replaces the status', { status: 'Complete' }, { status: 'Complete' }],
    [
      'a timescale replaces the timescale and original due date',
      { timescale: 'Within 6 months', originalDueDate: '2027-01-01' },
      { timescale: 'Within 6 months', originalDueDate: '2027-01-01' },
    ],
    [
      '"no due date" clears the original due date',
      { timescale: 'None', originalDueDate: null },
      { timescale: 'None', originalDueDate: null },
    ],
    [
      'a measure keeps its target and latest value',
      { measure: 'Audit score' },
      { measures: [{ indicator: 'Audit score', target: '95%', latest: '80%' }] },
    ],
    [
      'a different owner replaces the owner entirely',
      { owner: { email: 'meganb@example.com', displayName: null, aadObjectId: null } },
      { owner: { email: 'meganb@example.com', displayName: null, aadObjectId: null } },
    ],
    [
      'the same owner without a name keeps the name and directory id Teams taught us',
      { owner: { email: 'alexw@example.com', displayName: null, aadObjectId: null } },
      { owner: { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: 'aad-alex' } },
    ],
    [
      'the same owner with a new name takes the name and keeps the directory id',
      { owner: { email: 'alexw@example.com', displayName: 'Alexandra Wilber', aadObjectId: null } },
      { owner: { email: 'alexw@example.com', displayName: 'Alexandra Wilber', aadObjectId: 'aad-alex' } },
    ],
  ];

  test.each(cases)('%s, and nothing else changes', (_d, row, expected) => {
    expect(mergeImportedRow(existing, aRow(row), 'test-plan', who)).toEqual({ ...existing, ...expected });
  });

  test('a measure on an action that had none starts with no target or latest value', () => {
    expect(
      mergeImportedRow(anAction({ measures: [] }), aRow({ measure: 'Audit score' }), 'test-plan', who).measures[0],
    ).toEqual({
      indicator: 'Audit score',
      target: null,
      latest: null,
    });
  });

  test('an import never touches the revised date, updates or a waiting date request', () => {
    const merged = mergeImportedRow(
      existing,
      aRow({ originalDueDate: '2026-09-01', status: 'On track' }),
      'test-plan',
      who,
    );
    expect(merged).toMatchObject({
      revisedDueDate: '2026-10-31',
      revisionReason: 'supplier late',
      revisionCount: 1,
      latestUpdate: existing.latestUpdate,
      dateRequest: existing.dateRequest,
    });
  });
});

describe('evidence is only ever added', () => {
  test.each<[description: string, texts: string[], added: Evidence[]]>([
    ['evidence already there is not added again', ['https://example.com/a'], []],
    [
      'new evidence is added after what is there',
      ['https://example.com/a', 'https://example.com/b'],
      [imported('https://example.com/b', 'https://example.com/b')],
    ],
    [
      'a link is recognised whatever its case',
      ['HTTP://EXAMPLE.COM/C'],
      [imported('HTTP://EXAMPLE.COM/C', 'HTTP://EXAMPLE.COM/C')],
    ],
    ['words are a note, not a link', ['Board minutes, 3 June'], [imported('Board minutes, 3 June', null)]],
    ['a blank evidence cell removes nothing', [], []],
  ])('%s', (_d, texts, added) => {
    expect(mergeImportedRow(existing, aRow({ evidence: texts }), 'test-plan', who).evidence).toEqual([
      ...existing.evidence,
      ...added,
    ]);
  });

  test('a note matches an existing note', () => {
    const withNote = anAction({ evidence: [{ url: null, note: 'Board minutes', addedBy: 'x', addedAt: 'y' }] });
    expect(mergeImportedRow(withNote, aRow({ evidence: ['Board minutes'] }), 'test-plan', who).evidence).toEqual(
      withNote.evidence,
    );
  });

  test('the same evidence twice in one row is added once', () => {
    const merged = mergeImportedRow(
      null,
      aRow({ evidence: ['https://example.com/b', 'https://example.com/b'] }),
      'test-plan',
      who,
    );
    expect(merged.evidence).toEqual([imported('https://example.com/b', 'https://example.com/b')]);
  });

  test.each([
    ['a bare web address is a link', 'https://example.com/report.pdf', 'https://example.com/report.pdf'],
    ['a web address with words after it is a note, as in chat', 'https://example.com/report.pdf see page 4', null],
    ['words are a note', 'Board minutes, June', null],
  ])('%s', (_d, text, url) => {
    expect(mergeImportedRow(null, aRow({ evidence: [text] }), 'test-plan', who).evidence).toEqual([
      imported(text, url),
    ]);
  });
});
