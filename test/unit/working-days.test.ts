import { addWorkingDays, isBankHoliday, isWorkingDay } from '../../src/domain/working-days';

describe('isWorkingDay', () => {
  test.each([
    ['2026-04-02', true], // Thursday before Easter
    ['2026-04-03', false], // Good Friday
    ['2026-04-04', false], // Saturday
    ['2026-04-05', false], // Easter Sunday
    ['2026-04-06', false], // Easter Monday
    ['2026-04-07', true],
    ['2026-03-15', false], // Mother's Day is an observance and a Sunday anyway
    ['2026-05-04', false], // Early May bank holiday
    ['2026-05-25', false], // Spring bank holiday
    ['2026-08-31', false], // Summer bank holiday
    ['2026-12-24', true],
    ['2026-12-25', false], // Christmas Day (Friday)
    ['2026-12-28', false], // Boxing Day substitute (Monday)
    ['2026-12-29', true],
    ['2027-01-01', false],
    ['2027-12-27', false], // Christmas substitute
    ['2027-12-28', false], // Boxing Day substitute
    ['2026-03-17', true], // St Patrick's Day is not a holiday in England
    ['2026-11-30', true], // nor St Andrew's Day
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('isBankHoliday', () => {
  test.each([
    ['2026-04-03', true],
    ['2026-04-04', false],
    ['2026-12-26', true], // a Saturday, but still the bank holiday itself
    ['2026-06-21', false], // Father's Day: observance, not public
  ])('%s → %s', (date, expected) => {
    expect(isBankHoliday(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  test.each([
    ['2026-04-01', 1, '2026-04-02'],
    ['2026-04-02', 1, '2026-04-07'], // over Good Friday, weekend, Easter Monday
    ['2026-04-01', 5, '2026-04-10'],
    ['2026-04-07', -1, '2026-04-02'],
    ['2026-12-24', 1, '2026-12-29'], // over Christmas Day, weekend and the substitute day
    ['2026-12-23', 3, '2026-12-30'],
    ['2026-12-31', 1, '2027-01-04'], // over New Year's Day and a weekend
    ['2026-03-27', 1, '2026-03-30'], // clock-change weekend is just a weekend
    ['2026-09-25', 10, '2026-10-09'],
    ['2026-04-04', 0, '2026-04-04'], // zero leaves even a Saturday alone
    ['2026-04-04', 1, '2026-04-07'],
    ['2026-04-06', -1, '2026-04-02'],
  ])('%s + %i working days is %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  test.each([
    ['2026-04-01', 1.5],
    ['2026-04-01', Number.NaN],
    ['2026-02-30', 1],
    ['not a date', 0],
  ])('refuses %j + %s', (date, n) => {
    expect(() => addWorkingDays(date, n)).toThrow(RangeError);
  });
});
