import { measureGaps } from '../../src/domain/measure-gaps';
import { MeasureRow } from '../../src/domain/measure-view';
import { measureRow } from '../../src/reports/register-sections';
import { formatDate } from '../../tab/src/view/dates';
import { latestWords, targetWords } from '../../tab/src/view/words';
import {
  MEASURE_STATUS_LABELS as MEASURE_STATUS_WORDS,
  TREND_LABELS as TREND_WORDS,
} from '../../src/domain/measure-labels';
import { aMeasureRow, IN_WORDS_ONLY } from '../support/builders';

/**
 * Where a measure has nothing to show, the committee report and the tab say so in the same words: a tester found
 * the report's "None set" and "In words only" beside the tab's "No target set" and "No figures yet" for one fact.
 */
const row = aMeasureRow;
const WORDS_ONLY = row(IN_WORDS_ONLY);
const NO_FIGURES = row({ latest: null, status: 'no-data', trend: null, values: [] });
const NO_TARGET = row({ target: null, targetDate: null });
const ONE_FIGURE = row({ trend: null, values: [{ period: '2026-10', value: 74 }] });

test.each([
  ['in words only', WORDS_ONLY, ['No target set', 'No figures yet', 'No trend yet', 'In words only']],
  ['with no figures yet', NO_FIGURES, [null, 'No figures yet', 'No trend yet', null]],
  ['with no target', NO_TARGET, ['No target set', null, null, null]],
  ['with one figure', ONE_FIGURE, [null, null, 'No trend yet', null]],
  ['with figures and a target', row({}), [null, null, null, null]],
])('a measure %s leaves these cells to words', (_, measure, [target, latest, trend, status]) => {
  expect(measureGaps(measure)).toEqual({ target, latest, trend, status });
});

/** The tab's cells for the same columns as the report's Target, Latest value, Trend and Status. */
const tabCells = (m: MeasureRow) => [
  targetWords(m, formatDate),
  latestWords(m),
  m.trend ? TREND_WORDS[m.trend] : measureGaps(m).trend,
  measureGaps(m).status ?? MEASURE_STATUS_WORDS[m.status],
];

test.each([
  ['in words only', WORDS_ONLY],
  ['with no figures yet', NO_FIGURES],
  ['with no target', NO_TARGET],
  ['with one figure', ONE_FIGURE],
])('a measure %s: each cell with nothing to show reads the same in the report and the tab', (_, measure) => {
  const report = measureRow(measure).slice(2);
  const tab = tabCells(measure);
  const gaps = Object.values(measureGaps(measure));
  const shared = gaps.map((gap, i) => (gap === null ? null : [report[i], tab[i]]));
  expect(shared).toEqual(gaps.map((gap) => (gap === null ? null : [gap, gap])));
});

test('a words-only measure no longer reads "None set" or "Nothing to judge it by" in the report', () => {
  expect(measureRow(WORDS_ONLY)).toEqual([
    'SG-3',
    'Audits completed on time',
    'No target set',
    'No figures yet',
    'No trend yet',
    'In words only',
  ]);
});
