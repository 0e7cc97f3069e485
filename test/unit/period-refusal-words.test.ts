import { badValueWords } from '../../src/cards/measure-words';
import { parsePeriod } from '../../src/domain/measure-periods';
import { MeasureDefinition } from '../../src/domain/types';
import { beforeBaseline } from '../../src/domain/value-for-period';
import { aDefinition } from '../support/builders';

/**
 * A refused period is named as it was understood, so "December" typed without a year shows it was read as Dec 2025,
 * and "Q4" as Jan–Mar 2026; a quarter with one year asks which of its two readings was meant.
 */
const TODAY = '2026-11-30';
/** Baselines from 2 Aug 2026, as the demo plan's: the earliest month is Aug 2026, the earliest quarter Jul–Sep 2026. */
const monthly: MeasureDefinition = aDefinition({ unit: '%', baseline: { value: 70, date: '2026-08-02' } });
const quarterly: MeasureDefinition = aDefinition({
  baseline: { value: 9, date: '2026-08-02' },
  frequency: 'quarterly',
});

/** The words the person gets for `typed`, the period, read and checked as the use case does. */
function answer(ref: string, value: string, typed: string, d: MeasureDefinition): string {
  const read = parsePeriod(typed, d.frequency, TODAY);
  if (read.ok && !beforeBaseline(d, read.period)) return 'recorded';
  if (read.ok) return badValueWords(ref, 'periodBeforeBaseline', value, d, read.period);
  return badValueWords(ref, read.code, value, d, read.code === 'periodUnreadable' ? null : read.period);
}

test.each([
  [
    'SG-2',
    '95%',
    'December',
    monthly,
    'Nothing was changed. Dec 2025 is before SG-2’s measure began: its baseline is from 2 Aug 2026, so the earliest month it can take a value for is Aug 2026. For example: SG-2 measure 76%',
  ],
  [
    'SG-2',
    '95%',
    'December 2026',
    monthly,
    'Nothing was changed. Dec 2026 hasn’t started yet, so it can’t have a value. For example: SG-2 measure 76%',
  ],
  [
    'SG-8',
    '5',
    'Q4',
    quarterly,
    'Nothing was changed. Jan–Mar 2026 (Q4 2025/26) is before SG-8’s measure began: its baseline is from 2 Aug 2026, so the earliest quarter it can take a value for is Jul–Sep 2026 (Q2 2026/27). For example: SG-8 measure is 42',
  ],
  [
    'SG-8',
    '5',
    'Q4 2026/27',
    quarterly,
    'Nothing was changed. Jan–Mar 2027 (Q4 2026/27) hasn’t started yet, so it can’t have a value. For example: SG-8 measure is 42',
  ],
  [
    'SG-8',
    '4',
    'Q3 2026',
    quarterly,
    'Nothing was changed. Q3 2026 could be the financial year’s Q3 2026/27 (Oct–Dec 2026) or the calendar year’s Q3 (Jul–Sep 2026). Say which, for example: SG-8 measure 4 for Q3 2026/27, or SG-8 measure 4 for Jul–Sep 2026.',
  ],
  [
    'SG-8',
    '4',
    'Q3 2026/28',
    quarterly,
    'Nothing was changed. I can’t tell which quarter that value is for. Say, for example, for Q3 2026/27 or for Oct–Dec 2026, or leave it out for this quarter. For example: SG-8 measure is 42',
  ],
  ['SG-8', '4', 'Q2', quarterly, 'recorded'],
  ['SG-8', '4', 'Q3 2026/27', quarterly, 'recorded'],
] as const)('%s %s for %j', (ref, value, typed, d, words) => {
  expect(answer(ref, value, typed, d)).toBe(words);
});
