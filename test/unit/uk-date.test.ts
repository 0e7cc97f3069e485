import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { addDays, partsOf } from '../../src/domain/calendar';
import { WEEKDAY_NAMES } from '../../src/domain/month-names';
import { parseUkDate } from '../../src/domain/uk-date';
import { exampleDate, numericDate, tryLike } from '../../src/domain/uk-date-result';

// The example is always ahead of today: the end of the month after next.
const TRY = 'Try a date like 31/08/2026, 31 Aug or next Friday.';
const MON_15_JUN = '2026-06-15';

describe('parseUkDate accepts', () => {
  test.each([
    // numeric, day first
    ['30/09/2026', '2026-09-30'],
    ['30-09-2026', '2026-09-30'],
    ['30.09.2026', '2026-09-30'],
    ['30/9/26', '2026-09-30'],
    ['30 / 09 / 2026', '2026-09-30'],
    ['1/2/2027', '2027-02-01'],
    ['05/06/2026', '2026-06-05'],
    ['29/02/2028', '2028-02-29'],
    ['30/09', '2026-09-30'],
    ['2026-09-30', '2026-09-30'],
    ['2026/9/30', '2026-09-30'],
    ['2011-10-22', '2011-10-22'],
    // month names
    ['30 Sept', '2026-09-30'],
    ['30 Sep', '2026-09-30'],
    ['30 September 2026', '2026-09-30'],
    ['30th Sep', '2026-09-30'],
    ['Sept 30', '2026-09-30'],
    ['September 30th, 2026', '2026-09-30'],
    ['30th of September', '2026-09-30'],
    ['the 30th of September 2026', '2026-09-30'],
    ['30-Sep-2026', '2026-09-30'],
    ['30-Sep-26', '2026-09-30'],
    ['Wednesday 30 September 2026', '2026-09-30'],
    ['Weds 30th Sept', '2026-09-30'],
    ['1st Oct', '2026-10-01'],
    ['2nd May 2027', '2027-05-02'],
    // polite wrapping, case, spacing, punctuation
    ['  by 30 Sept. ', '2026-09-30'],
    ['Due 30/09/2026', '2026-09-30'],
    ['on Friday', '2026-06-19'],
    ['30 SEPT', '2026-09-30'],
    ['30\u00a0Sept', '2026-09-30'],
    ['30/09/2026\u0000', '2026-09-30'],
    // end of
    ['end of September', '2026-09-30'],
    ['End of Sept 2027', '2027-09-30'],
    ['end of next month', '2026-07-31'],
    ['end of the month', '2026-06-30'],
    ['end of month', '2026-06-30'],
    ['the end of the year', '2026-12-31'],
    ['end of February', '2027-02-28'],
    ['end of Feb 2028', '2028-02-29'],
    ['end of June', '2026-06-30'],
    // relative
    ['today', '2026-06-15'],
    ['Tomorrow.', '2026-06-16'],
    ['in 2 weeks', '2026-06-29'],
    ['in three days', '2026-06-18'],
    ['in a fortnight', '2026-06-29'],
    ['in 2 weeks time', '2026-06-29'],
    ["in a week's time", '2026-06-22'],
    ['in one month', '2026-07-15'],
    ['in 10 working days', '2026-06-29'],
    // weekdays, typed on Monday 15 June
    ['Friday', '2026-06-19'],
    ['fri', '2026-06-19'],
    ['this Friday', '2026-06-19'],
    ['next Friday', '2026-06-26'],
    ['Monday', '2026-06-15'],
    ['next Monday', '2026-06-22'],
    ['Sunday', '2026-06-21'],
  ])('%j typed on Monday 15 June 2026 is %s', (text, expected) => {
    expect(parseUkDate(text, MON_15_JUN)).toEqual({ ok: true, date: expected });
  });

  test.each([
    // end of
    ['end of the month', '2026-06-30', '2026-06-30'],
    ['end of next month', '2026-01-31', '2026-02-28'],
    ['end of next month', '2026-12-10', '2027-01-31'],
    // relative
    ['in 3 working days', '2026-12-23', '2026-12-30'],
    // typed on a Friday
    ['Friday', '2026-06-19', '2026-06-19'],
    ['next Friday', '2026-06-19', '2026-06-26'],
    // clock-change weekends: the calendar, not the clock, decides
    ['next Friday', '2026-03-28', '2026-04-03'],
    ['next Friday', '2026-03-29', '2026-04-03'],
    ['next Friday', '2026-10-24', '2026-10-30'],
    ['next Friday', '2026-10-25', '2026-10-30'],
    ['Friday', '2026-03-29', '2026-04-03'],
    ['tomorrow', '2026-03-28', '2026-03-29'],
    ['tomorrow', '2026-10-25', '2026-10-26'],
    ['in 2 weeks', '2026-03-22', '2026-04-05'],
    // no year: next occurrence on or after today
    ['30 Sept', '2026-11-21', '2027-09-30'],
    ['Sept 30', '2026-11-21', '2027-09-30'],
    ['end of September', '2026-11-21', '2027-09-30'],
    ['30/09', '2026-11-21', '2027-09-30'],
    ['21 Nov', '2026-11-21', '2026-11-21'],
    ['20 Nov', '2026-11-21', '2027-11-20'],
    ['29 Feb', '2026-11-21', '2028-02-29'],
    ['1 Jan', '2026-12-31', '2027-01-01'],
  ])('%j typed on %s is %s', (text, today, expected) => {
    expect(parseUkDate(text, today)).toEqual({ ok: true, date: expected });
  });
});

describe('parseUkDate refuses, with an example that works', () => {
  test.each([
    // impossible
    ['31/02/2026', 'February 2026 has only 28 days'],
    ['29/02/2026', 'February 2026 has only 28 days'],
    ['31 Feb', 'February never has 31 days'],
    ['30 February 2028', 'February 2028 has only 29 days'],
    ['31 Sep', 'September never has 31 days'],
    ['30/13/2026', 'no month 13'],
    ['00/05/2026', 'no day 0'],
    ['2026-02-31', 'February 2026 has only 28 days'],
    ['32/01/2026', 'January 2026 has only 31 days'],
    ['Friday 1 October 2026', '1 Oct 2026 is a Thursday, not a Friday'],
    // American order
    ['09/30/2026', 'Did you mean 30/09/2026?'],
    ['9/30/26', 'day/month/year'],
    ['12/31', 'Did you mean 31/12?'],
    // vague
    ['next week', 'single day'],
    ['next month', 'single day'],
    ['this year', 'single day'],
    ['end of the week', 'single day'],
    ['end of next week', 'single day'],
    ['soon', 'single day'],
    ['ASAP', 'single day'],
    ['in a few weeks', 'single day'],
    ['September', 'which day'],
    ['September 2026', 'which day'],
    ['mid-September', 'which day'],
    ['late Sept', 'which day'],
    // empty and garbage
    ['', 'I need a date'],
    ['   \t ', 'I need a date'],
    ['qwerty', "couldn't read"],
    ['SG-4', "couldn't read"],
    ['3.2', "couldn't read"],
    ['12345', "couldn't read"],
    ['30/09/202', 'year of 2 or 4 digits'],
    ['30/09-2026', "couldn't read"],
    ['30/09/0026', 'year of 2 or 4 digits'],
    ['30 Sept 1492', "isn't a year I can use"],
    ['next Fryday', "couldn't read"],
    // more than one date, or a date with other words
    ['30/09/2026 and 01/10/2026', 'more than one date'],
    ['30 Sep or 1 Oct', 'more than one date'],
    ['30/09/2026 - 01/10/2026', 'more than one date'],
    ['30/09/2026 supplier problems', 'more than a date'],
  ])('%j (%s)', (text, reason) => {
    const result = parseUkDate(text, MON_15_JUN);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(reason);
      expect(result.error).toContain(TRY);
    }
  });
});

describe('parseUkDate never throws', () => {
  test.each([
    ['very long text', 'x'.repeat(100_000)],
    ['long digits', '1'.repeat(399)],
    ['long words', 'end of '.repeat(57)],
    ['control characters', '\u0000\u0001\u001b[31m\u007f'],
    ['emoji', '\u{1F389}\u{1F389}'],
    ['emoji with a date', '\u{1F4C5} 30/09/2026'],
    ['lone surrogate', '\ud800'],
    ['right-to-left marks', '\u202e30/09/2026\u202c'],
    ['not a string', null as unknown as string],
  ])('%s', (_label, text) => {
    const started = Date.now();
    const result = parseUkDate(text, MON_15_JUN);
    expect(typeof result.ok).toBe('boolean');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('on any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parseUkDate(text, MON_15_JUN);
        return result.ok ? /^\d{4}-\d{2}-\d{2}$/.test(result.date) : result.error.includes(TRY);
      }),
      { numRuns: 500 },
    );
  });
});

describe('weekday words agree with chrono en-GB', () => {
  const days = Array.from({ length: 14 }, (_, i) => addDays('2026-03-23', i));
  const cases = days.flatMap((today) =>
    WEEKDAY_NAMES.flatMap((name) => [name, `next ${name}`].map((text): [string, string] => [text, today])),
  );
  test.each(cases)('%j typed on %s', (text, today) => {
    const { year, month, day } = partsOf(today);
    const found = chrono.en.GB.parseDate(text, new Date(year, month - 1, day, 12), { forwardDate: true });
    expect(found).not.toBeNull();
    const chronoDate = found
      ? `${found.getFullYear()}-${String(found.getMonth() + 1).padStart(2, '0')}-${String(found.getDate()).padStart(2, '0')}`
      : '';
    expect(parseUkDate(text, today)).toEqual({ ok: true, date: chronoDate });
  });
});

test('refuses a malformed today: that is a programming error, not user input', () => {
  expect(() => parseUkDate('tomorrow', '2026-02-30')).toThrow(RangeError);
});

describe('parseUkDate reads weeks as people name them', () => {
  test.each([
    ['w/c 11 Jan', '2027-01-11'],
    ['W/C 18 Jan', '2027-01-18'],
    ['week commencing 7 Dec', '2026-12-07'],
    ['friday week', '2026-12-11'],
  ])('%s on Monday 30 Nov 2026 is %s', (text, date) => {
    expect(parseUkDate(text, '2026-11-30')).toEqual({ ok: true, date });
  });
});

describe('the example date in a refusal', () => {
  test.each([
    ['2026-11-30', 'Try a date like 31/01/2027, 31 Jan or next Friday.'],
    ['2026-12-31', 'Try a date like 28/02/2027, 28 Feb or next Friday.'],
    ['2027-06-01', 'Try a date like 31/08/2027, 31 Aug or next Friday.'],
  ])('on %s: %s', (today, expected) => {
    expect(tryLike(today)).toBe(expected);
    const refused = parseUkDate('next Fryday', today);
    expect(refused.ok || refused.error.endsWith(expected)).toBe(true);
  });

  test('is always a date still to come, and reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }), (d) => {
        const today = d.toISOString().slice(0, 10);
        const example = exampleDate(today);
        const read = parseUkDate(numericDate(example), today);
        return example > today && read.ok && read.date === example;
      }),
      { numRuns: 300 },
    );
  });
});
