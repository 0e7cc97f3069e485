import { checkSchedule, latestDue, nextDue } from '../../src/domain/schedule';

const LONDON = 'Europe/London';
const MONDAY_9 = '0 9 * * 1';

describe('weekly schedules in the plan’s time zone', () => {
  test.each([
    // [now, latest due]
    ['2026-03-23T09:00:00Z', '2026-03-23T09:00:00.000Z'], // GMT: 09:00 is 09:00 UTC
    ['2026-03-30T08:00:00Z', '2026-03-30T08:00:00.000Z'], // first Monday of British Summer Time: 09:00 is 08:00 UTC
    ['2026-03-30T07:59:00Z', '2026-03-23T09:00:00.000Z'], // a minute early: still last week's run
    ['2026-10-26T09:00:00Z', '2026-10-26T09:00:00.000Z'], // first Monday after the clocks go back
    ['2026-10-19T08:30:00Z', '2026-10-19T08:00:00.000Z'],
  ])('at %s the latest due run is %s', (now, due) => {
    expect(latestDue(MONDAY_9, LONDON, new Date(now), 8 * 24 * 3600_000)?.toISOString()).toBe(due);
  });

  test('a run missed while the process was down is caught up within 72 hours, not after', () => {
    expect(latestDue(MONDAY_9, LONDON, new Date('2026-11-25T10:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    expect(latestDue(MONDAY_9, LONDON, new Date('2026-11-26T10:00:00Z'))).toBeNull();
  });

  test('the next run after the clocks change', () => {
    expect(nextDue(MONDAY_9, LONDON, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(nextDue('30 8 * * 1', LONDON, new Date('2026-10-24T12:00:00Z'))?.toISOString()).toBe(
      '2026-10-26T08:30:00.000Z',
    );
  });

  test('a bad schedule is refused with an example', () => {
    expect(checkSchedule('every monday', LONDON)).toEqual({
      ok: false,
      error: expect.stringMatching(/"0 9 \* \* 1" is Mondays at 09:00/),
    });
    expect(checkSchedule(MONDAY_9, LONDON)).toEqual({ ok: true });
  });
});
