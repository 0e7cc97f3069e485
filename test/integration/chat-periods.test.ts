import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { chatOverDemo, demoValues } from '../support/demo-values';

/**
 * Periods typed as a council officer types them, on 30 Nov 2026: quarters of the financial year (Q2 is Jul–Sep), and
 * months or quarters without a year read as the latest started, named in the answer. The demo plan's SG-8 is
 * quarterly, with its baseline from 1 Apr 2026 (its first value is for Apr–Jun 2026), and SG-2 monthly, from 2 Aug 2026.
 */
const NOW = new Date('2026-11-30T10:00:00Z');
const { storage, say } = chatOverDemo(NOW);

const valuesOf = (ref: string) => demoValues(storage, ref);
const historyOf = (ref: string) => storage.actions.history(DEMO_PLAN_ID, ref);

test('a period refused is named as it was understood, and nothing changes', async () => {
  const [sg8, sg2] = [await valuesOf('SG-8'), await valuesOf('SG-2')];
  const [sg8History, sg2History] = [await historyOf('SG-8'), await historyOf('SG-2')];

  // "Q4" is the financial year's: Jan–Mar, the latest started being Jan–Mar 2026, before SG-8's measure began (its
  // baseline is from the start of the quarter of its first value, Apr–Jun 2026).
  expect(await say('SG-8 measure 5 for Q4')).toEqual([
    'Nothing was changed. Jan–Mar 2026 (Q4 2025/26) is before SG-8’s measure began: its baseline is from 1 Apr 2026, so the earliest quarter it can take a value for is Apr–Jun 2026 (Q1 2026/27). For example: SG-8 measure is 42',
  ]);
  expect(await say('SG-8 measure 5 for Q4 2026/27')).toEqual([
    'Nothing was changed. Jan–Mar 2027 (Q4 2026/27) hasn’t started yet, so it can’t have a value. For example: SG-8 measure is 42',
  ]);
  expect(await say('SG-8 measure 4 for Q3 2026')).toEqual([
    'Nothing was changed. Q3 2026 could be the financial year’s Q3 2026/27 (Oct–Dec 2026) or the calendar year’s Q3 (Jul–Sep 2026). Say which, for example: SG-8 measure 4 for Q3 2026/27, or SG-8 measure 4 for Jul–Sep 2026.',
  ]);
  // December without a year is the latest December started: Dec 2025, and the answer says so.
  const [december] = await say('SG-2 figure for December was 95%');
  expect(december).toMatch(/^Nothing was changed\. Dec 2025 is before SG-2’s measure began: .* is Aug 2026\./);

  expect([await valuesOf('SG-8'), await valuesOf('SG-2')]).toEqual([sg8, sg2]);
  expect([await historyOf('SG-8'), await historyOf('SG-2')]).toEqual([sg8History, sg2History]);
});

test('"SG-8 measure 4 for Q2" is recorded for Jul–Sep 2026, and "Q3 2026/27" for Oct–Dec 2026', async () => {
  const [q2] = await say('SG-8 measure 4 for Q2');
  expect(q2).toMatch(/^Recorded 4 for Jul–Sep 2026 on SG-8 \(it replaces 6 given by /);
  const [q3] = await say('SG-8 measure 3 for Q3 2026/27');
  expect(q3).toMatch(/^Recorded 3 for Oct–Dec 2026 on SG-8\./);
  // The answer's own suggestion, by the quarter's months, is read too.
  const [months] = await say('SG-8 measure 5 for Jul–Sep 2026');
  expect(months).toMatch(/^Recorded 5 for Jul–Sep 2026 on SG-8 \(it replaces 4 given by you /);
  expect(await valuesOf('SG-8')).toEqual([
    ['2026-Q2', 8],
    ['2026-Q3', 5],
    ['2026-Q4', 3],
  ]);
});
