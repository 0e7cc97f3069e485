/** The tab's pure view logic: dates for people, filters in the address, counts, and the chart's layout. */
import type { ActionTile, MeasureRow, RagWeek } from '../../tab/src/api-types';
import { dueDates, dueLine, formatDate, formatInstant } from '../../tab/src/view/dates';
import {
  countShown,
  filtersFromQuery,
  filterSummary,
  knownTo,
  isFiltered,
  NO_FILTERS,
  queryWithFilters,
  visibleThemes,
  withParam,
} from '../../tab/src/view/filters';
import { chartGeometry, chartSummary, sparkline } from '../../tab/src/view/rag-chart';
import { bookShown, chartNote } from '../../tab/src/view/shown';
import { aMeasureRow, IN_WORDS_ONLY } from '../support/builders';
import { latestWords, targetWords } from '../../tab/src/view/words';

function tile(ref: string, change: Partial<ActionTile> = {}): ActionTile {
  return {
    ref,
    title: `Action ${ref}`,
    theme: 'Safeguarding',
    agency: 'Council',
    owner: { email: 'alexw@example.com', displayName: 'Alex Wilber' },
    status: 'On track',
    rag: 'green',
    dueDate: '2026-12-31',
    originalDueDate: '2026-12-31',
    slipped: false,
    overdue: false,
    daysOverdue: 0,
    awaitingSignOff: false,
    requestedDueDate: null,
    ...change,
  };
}

const THEMES = [
  {
    name: 'Safeguarding',
    actions: [
      tile('SG-1', { rag: 'red', status: 'Delayed', overdue: true, daysOverdue: 12 }),
      tile('SG-2', { agency: 'Health', owner: { email: 'MeganB@example.com', displayName: 'Megan Bowen' } }),
    ],
  },
  {
    name: 'Looked after children',
    actions: [
      tile('LAC-1', { rag: 'complete', status: 'Complete', awaitingSignOff: true }),
      tile('LAC-2', { rag: 'amber', status: 'At risk', owner: null }),
    ],
  },
];

describe('dates for people', () => {
  test.each([
    ['2026-09-30', '30 Sep 2026'],
    ['2026-01-01', '1 Jan 2026'],
    ['2027-12-09', '9 Dec 2027'],
    ['2026-13-01', '2026-13-01'],
    ['30/09/2026', '30/09/2026'],
    [null, ''],
  ])('%s → %s', (iso, words) => expect(formatDate(iso)).toBe(words));

  test.each([
    ['2026-07-01T12:05:00Z', '1 Jul 2026, 13:05'], // British Summer Time
    ['2026-12-01T09:30:00Z', '1 Dec 2026, 09:30'],
    ['2026-09-30T23:30:00Z', '1 Oct 2026, 00:30'], // the UK date, not the UTC one
  ])('instant %s → %s (UK time, "Sep" not "Sept")', (iso, words) => expect(formatInstant(iso)).toBe(words));

  test.each([
    [{ dueDate: '2026-11-30', originalDueDate: '2026-09-30', slipped: true }, 'Due 30 Nov 2026 (was 30 Sep 2026)'],
    [{ dueDate: '2026-09-30', originalDueDate: '2026-09-30', slipped: false }, 'Due 30 Sep 2026'],
    [{ dueDate: null, originalDueDate: null, slipped: false }, 'No due date'],
  ])('due line %o → %s', (dates, words) => expect(dueLine(dates)).toBe(words));

  test('the panel gives the dates without the word "Due" (its label says it)', () => {
    expect(dueDates({ dueDate: '2026-11-30', originalDueDate: '2026-09-30', slipped: true })).toBe(
      '30 Nov 2026 (was 30 Sep 2026)',
    );
    expect(dueDates({ dueDate: null, originalDueDate: null, slipped: false })).toBe('None');
  });
});

describe('filters in the query string', () => {
  test.each([
    ['', NO_FILTERS],
    ['?plan=p&as=a%40b', NO_FILTERS],
    ['?agency=Health', { ...NO_FILTERS, agency: 'Health' }],
    ['?owner=AlexW%40Example.com', { ...NO_FILTERS, owner: 'alexw@example.com' }],
    ['?status=At+risk&rag=Red', { ...NO_FILTERS, status: 'At risk', rag: 'red' }],
    ['?status=Late&rag=purple', NO_FILTERS], // names nothing known: ignored, not guessed
    ['?overdue=yes&signoff=yes', { ...NO_FILTERS, overdue: true, awaitingSignOff: true }],
    ['?overdue=no', NO_FILTERS],
  ])('%s reads as %o', (search, filters) => expect(filtersFromQuery(search)).toEqual(filters));

  test.each([
    [{ agency: 'Nowhere' }, { agency: null }],
    [{ agency: 'health' }, { agency: 'Health' }],
    [{ owner: 'nobody@example.com' }, { owner: null }],
    [{ owner: 'alexw@example.com' }, { owner: 'alexw@example.com' }],
  ])('an address filter %o the plan does not know is dropped: %o', (given, kept) => {
    const known = { agencies: ['Health', 'Police'], owners: [{ email: 'alexw@example.com', displayName: 'Alex' }] };
    expect(knownTo({ ...NO_FILTERS, ...given }, known)).toEqual({ ...NO_FILTERS, ...kept });
  });

  test('writing filters keeps the plan and local-mode person, and reads back the same', () => {
    const filters = { ...NO_FILTERS, agency: 'Health', status: 'At risk' as const, overdue: true };
    const search = queryWithFilters('?plan=ofsted-2011&as=alexw%40example.com&rag=red', filters);
    expect(search).toBe('?plan=ofsted-2011&as=alexw%40example.com&agency=Health&status=At+risk&overdue=yes');
    expect(filtersFromQuery(search)).toEqual(filters);
    expect(queryWithFilters(search, NO_FILTERS)).toBe('?plan=ofsted-2011&as=alexw%40example.com');
  });

  test('one parameter set or removed, the rest kept', () => {
    expect(withParam('?as=a&plan=x', 'plan', 'y')).toBe('?as=a&plan=y');
    expect(withParam('?plan=x', 'plan', null)).toBe('');
  });
});

describe('which tiles show', () => {
  const refs = (search: string) =>
    visibleThemes(THEMES, filtersFromQuery(search)).map((t) => `${t.name}: ${t.actions.map((a) => a.ref).join(' ')}`);

  test.each([
    ['', ['Safeguarding: SG-1 SG-2', 'Looked after children: LAC-1 LAC-2']],
    ['?agency=Health', ['Safeguarding: SG-2']],
    ['?owner=meganb%40example.com', ['Safeguarding: SG-2']],
    ['?status=At+risk', ['Looked after children: LAC-2']],
    ['?rag=red', ['Safeguarding: SG-1']],
    ['?overdue=yes', ['Safeguarding: SG-1']],
    ['?signoff=yes', ['Looked after children: LAC-1']],
    ['?overdue=yes&agency=Health', []],
  ])('%s shows %o', (search, shown) => expect(refs(search)).toEqual(shown));

  test('counts follow what is shown, by RAG and by status in status order', () => {
    expect(countShown(THEMES)).toEqual({
      total: 4,
      byRag: { red: 1, amber: 1, green: 1, complete: 1, cancelled: 0 },
      byStatus: [
        { status: 'On track', count: 1 },
        { status: 'At risk', count: 1 },
        { status: 'Delayed', count: 1 },
        { status: 'Complete', count: 1 },
      ],
    });
    expect(countShown(visibleThemes(THEMES, filtersFromQuery('?rag=red'))).byRag.red).toBe(1);
    expect(countShown(visibleThemes(THEMES, filtersFromQuery('?rag=red'))).total).toBe(1);
  });

  test('the filter summary names the owner, not their address', () => {
    const owners = [{ email: 'MeganB@example.com', displayName: 'Megan Bowen' }];
    const filters = filtersFromQuery('?owner=meganb%40example.com&overdue=yes&rag=amber');
    expect(filterSummary(filters, owners)).toEqual(['owner Megan Bowen', 'RAG amber', 'overdue']);
    expect(isFiltered(filters)).toBe(true);
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });
});

describe('the performance book and the chart beside filtered tiles', () => {
  const row = (ref: string, measure = 1, of = 1): MeasureRow =>
    aMeasureRow({ ref, measure, of, indicator: `Measure ${measure} of ${ref}`, ...IN_WORDS_ONLY });
  const MEASURES = [row('SG-1'), row('SG-2', 1, 2), row('SG-2', 2, 2), row('LAC-1'), row('LAC-9')];
  const shown = (query: string) => {
    const filters = filtersFromQuery(query);
    const { measures, note } = bookShown(MEASURES, visibleThemes(THEMES, filters), isFiltered(filters));
    return [measures?.map((m) => `${m.ref}/${m.measure}`) ?? null, note];
  };
  test.each([
    ['', ['SG-1/1', 'SG-2/1', 'SG-2/2', 'LAC-1/1', 'LAC-9/1'], null],
    ['?agency=Health', ['SG-2/1', 'SG-2/2'], 'Measures of the action shown.'],
    ['?owner=alexw%40example.com', ['SG-1/1', 'LAC-1/1'], 'Measures of the 2 actions shown.'],
    ['?rag=amber', [], 'The action shown has no measures.'],
    ['?agency=Council&rag=green', [], 'No actions match these filters, so there are no measures to show.'],
  ])('filters %p', (query, refs, note) => {
    expect(shown(query)).toEqual([refs, note]);
  });

  test('measures not recorded stay not recorded, filtered or not', () => {
    expect(bookShown(null, THEMES, true)).toEqual({ measures: null, note: null });
  });

  test('the chart says it is the whole plan when filters are set', () => {
    expect(chartNote(true)).toMatch(/^The filters do not apply to this chart: it counts every action in the plan/);
    expect(chartNote(false)).toBeNull();
  });
});

describe('the RAG chart', () => {
  const week = (weekStarting: string, red: number, amber: number, green: number, complete: number): RagWeek => ({
    weekStarting,
    red,
    amber,
    green,
    complete,
    cancelled: 0,
  });

  test('bars stack complete, green, amber, red from the bottom, scaled to the largest week', () => {
    const chart = chartGeometry([week('2026-11-02', 1, 1, 2, 0), week('2026-11-09', 2, 0, 4, 2)], 200, 80);
    expect(chart.maxTotal).toBe(8);
    const [first, second] = chart.bars;
    expect(first?.segments.map((s) => [s.rag, s.count, s.height])).toEqual([
      ['green', 2, 20],
      ['amber', 1, 10],
      ['red', 1, 10],
    ]);
    expect(second?.segments.map((s) => s.rag)).toEqual(['complete', 'green', 'red']);
    expect(second?.segments[0]?.y).toBe(60);
    expect(second?.segments[2]?.y).toBe(0); // the tallest bar reaches the top
  });

  test('one week is a bar an eighth of the width at most, not a wall', () => {
    const [only] = chartGeometry([week('2026-11-30', 1, 1, 1, 1)], 640, 100).bars;
    expect(only?.width).toBe(56);
    expect(only?.x).toBe(12);
  });

  test('only the newest weeks are drawn; the rest are counted as left off', () => {
    const weeks = Array.from({ length: 30 }, (_, i) => week(`2026-01-${String(i + 1).padStart(2, '0')}`, i, 0, 0, 0));
    const chart = chartGeometry(weeks, 260, 100, 26);
    expect(chart.bars).toHaveLength(26);
    expect(chart.omitted).toBe(4);
    expect(chart.bars[0]?.weekStarting).toBe('2026-01-05');
  });

  test.each([
    [[], 'There is no history to chart yet.'],
    [[week('2026-11-02', 1, 2, 3, 4)], 'One week so far: 1 red, 2 amber, 3 green, 4 complete.'],
    [
      [week('2026-11-02', 1, 2, 3, 4), week('2026-11-09', 0, 1, 3, 6)],
      '2 weeks. The first week: 1 red, 2 amber, 3 green, 4 complete. The latest week: 0 red, 1 amber, 3 green, 6 complete.',
    ],
  ])('a sentence for screen readers (%#)', (weeks, words) => expect(chartSummary(weeks)).toBe(words));

  test('a measure sparkline spans the box and skips values that are not numbers', () => {
    expect(sparkline([{ value: 10 }, { value: 'n/a' }, { value: '20' }], 100, 10)).toBe('0.0,10.0 100.0,0.0');
    expect(sparkline([{ value: 5 }], 100, 10)).toBe('');
  });
});

describe('measures in words', () => {
  const measure = (change: Partial<MeasureRow>): MeasureRow => ({
    ref: 'SG-1',
    measure: 1,
    of: 1,
    indicator: 'Referrals told the outcome in 3 days',
    unit: '%',
    target: 95,
    targetDate: '2027-03-31',
    direction: 'higher',
    frequency: 'monthly',
    latest: { value: 82, period: '2026-10' },
    status: 'off-target',
    trend: 'improving',
    values: [],
    ...change,
  });

  test.each([
    [measure({}), '95% by 31 Mar 2027', '82% (Oct 2026)'],
    [
      measure({ unit: 'number', target: 20, targetDate: null, latest: { value: 23, period: '2026-Q3' } }),
      '20',
      '23 (Jul–Sep 2026)',
    ],
    [
      measure({ unit: 'yes/no', target: 1, targetDate: null, latest: { value: 0, period: '2026-10' } }),
      'yes',
      'no (Oct 2026)',
    ],
    [
      measure({
        unit: 'date',
        target: '2027-01-31',
        targetDate: null,
        latest: { value: '2026-12-15', period: '2026-10' },
      }),
      '31 Jan 2027',
      '15 Dec 2026 (Oct 2026)',
    ],
    [measure({ unit: null, target: null, latest: null }), 'No target set', 'No figures yet'],
  ])('target and latest (%#)', (m, target, latest) => {
    expect(targetWords(m, formatDate)).toBe(target);
    expect(latestWords(m)).toBe(latest);
  });
});
