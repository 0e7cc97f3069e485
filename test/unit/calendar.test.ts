import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  formatUkDate,
  isValidIsoDate,
  localDateOf,
  todayIn,
  weekdayOf,
} from '../../src/domain/calendar';

describe('the day an instant falls on in a time zone: todayIn and localDateOf', () => {
  test.each<[instant: string, timeZone: string | undefined, day: string]>([
    // Spring forward: 01:00 GMT on 29 Mar 2026 becomes 02:00 BST.
    ['2026-03-28T23:30:00Z', 'Europe/London', '2026-03-28'],
    ['2026-03-29T00:30:00Z', 'Europe/London', '2026-03-29'],
    ['2026-03-29T01:30:00Z', 'Europe/London', '2026-03-29'],
    // BST: 23:30 UTC is already tomorrow in London.
    ['2026-10-24T23:30:00Z', 'Europe/London', '2026-10-25'],
    // Fall back at 02:00 BST on 25 Oct 2026; GMT again by the evening.
    ['2026-10-25T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-06-30T23:00:00Z', 'Europe/London', '2026-07-01'],
    ['2026-12-31T23:59:59Z', 'Europe/London', '2026-12-31'],
    ['2026-06-30T23:00:00Z', 'UTC', '2026-06-30'],
    ['2026-06-30T23:00:00Z', 'America/New_York', '2026-06-30'],
    ['2026-06-30T13:00:00Z', 'Pacific/Auckland', '2026-07-01'],
    // No zone given: Europe/London.
    ['2026-10-24T23:30:00Z', undefined, '2026-10-25'],
    ['2026-09-30T22:30:00.000Z', undefined, '2026-09-30'],
    ['2026-09-30T23:30:00.000Z', undefined, '2026-10-01'],
    ['2026-10-01T00:30:00+01:00', undefined, '2026-10-01'],
    ['2026-12-31T23:30:00.000Z', undefined, '2026-12-31'],
    ['2026-09-30T23:30:00.000Z', 'UTC', '2026-09-30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(todayIn(new Date(instant), zone)).toBe(expected);
    expect(localDateOf(instant, zone)).toBe(expected);
  });

  test('localDateOf reads a date on its own as that day, and what is no instant as none', () => {
    expect(localDateOf('2026-09-30')).toBe('2026-09-30');
    expect(localDateOf('nonsense')).toBeNull();
  });

  test.each([
    [new Date('2026-01-01T00:00:00Z'), 'Not/AZone'],
    [new Date(Number.NaN), 'Europe/London'],
  ])('refuses %s in %s', (now, zone) => {
    expect(() => todayIn(now, zone)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  test.each([
    ['2026-03-28', '2026-03-30', 2], // across spring forward
    ['2026-03-29', '2026-10-25', 210], // BST span, exact integer
    ['2026-10-24', '2026-10-26', 2], // across fall back
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-09-30', '2026-09-30', 0],
    ['2026-10-25', '2026-03-29', -210],
  ])('%s to %s is %i', (from, to, expected) => {
    const days = daysBetween(from, to);
    expect(days).toBe(expected);
    expect(Number.isInteger(days)).toBe(true);
  });

  test('refuses a malformed date', () => {
    expect(() => daysBetween('2026-02-31', '2026-03-01')).toThrow(RangeError);
  });
});

describe('date arithmetic: days exactly, months and years clamped to the end of the month', () => {
  const add = { days: addDays, months: addMonths, years: addYears };
  test.each<[date: string, n: number, unit: keyof typeof add, expected: string]>([
    ['2026-03-28', 1, 'days', '2026-03-29'],
    ['2026-03-29', 1, 'days', '2026-03-30'],
    ['2026-10-25', 1, 'days', '2026-10-26'],
    ['2026-12-31', 1, 'days', '2027-01-01'],
    ['2028-02-28', 1, 'days', '2028-02-29'],
    ['2026-03-01', -1, 'days', '2026-02-28'],
    ['2026-09-30', 0, 'days', '2026-09-30'],
    ['2026-01-01', 365, 'days', '2027-01-01'],
    ['2026-08-31', 6, 'months', '2027-02-28'],
    ['2027-08-31', 6, 'months', '2028-02-29'],
    ['2026-01-31', 1, 'months', '2026-02-28'],
    ['2026-03-31', 1, 'months', '2026-04-30'],
    ['2026-09-30', 3, 'months', '2026-12-30'],
    ['2026-11-15', 3, 'months', '2027-02-15'],
    ['2028-02-29', 1, 'years', '2029-02-28'],
    ['2026-09-30', 1, 'years', '2027-09-30'],
  ])('%s + %i %s is %s', (date, n, unit, expected) => {
    expect(add[unit](date, n)).toBe(expected);
  });

  test.each(['2026-9-30', '30/09/2026', '', '2026-02-30'])('addDays refuses %j', (bad) => {
    expect(() => addDays(bad, 1)).toThrow(RangeError);
  });
});

describe('weekdayOf', () => {
  test.each([
    ['2026-03-28', 6],
    ['2026-03-29', 7],
    ['2026-03-30', 1],
    ['2026-04-03', 5],
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(weekdayOf(date)).toBe(expected);
  });
});

describe('formatUkDate', () => {
  test.each([
    ['2026-09-30', '30 Sep 2026'],
    ['2026-01-01', '1 Jan 2026'],
    ['2026-06-05', '5 Jun 2026'],
    ['2026-07-09', '9 Jul 2026'],
    ['2027-12-31', '31 Dec 2027'],
    ['2028-02-29', '29 Feb 2028'],
  ])('%s is %s', (date, expected) => {
    expect(formatUkDate(date)).toBe(expected);
  });
});

describe('isValidIsoDate', () => {
  test.each([
    ['2026-09-30', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-9-30', false],
    ['2026-09-30T00:00:00Z', false],
    [' 2026-09-30', false],
    ['30/09/2026', false],
    ['', false],
    ['20260930', false],
  ])('%j → %s', (s, expected) => {
    expect(isValidIsoDate(s)).toBe(expected);
  });
});
