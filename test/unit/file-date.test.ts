import { parseFileDate } from '../../src/domain/file-date';
import { parseUkDate } from '../../src/domain/uk-date';

const TODAY = '2026-11-30';

describe('parseFileDate: a file names its dates in full, so the same file reads the same on any day', () => {
  test.each([
    ['31/01/2027', '2027-01-31'],
    ['31/1/27', '2027-01-31'],
    ['2027-01-31', '2027-01-31'],
    ['31 Jan 2027', '2027-01-31'],
    ['31st January 2027', '2027-01-31'],
    ['30/09/2026', '2026-09-30'],
    ['29/02/2028', '2028-02-29'],
  ])('%s is %s', (text, date) => {
    expect(parseFileDate(text, TODAY)).toEqual({ ok: true, date });
  });

  test.each([
    ['next Friday', '11 Dec 2026', '11/12/2026'],
    ['Friday week', '11 Dec 2026', '11/12/2026'],
    ['in 2 weeks', '14 Dec 2026', '14/12/2026'],
    ['tomorrow', '1 Dec 2026', '01/12/2026'],
    ['31 Jan', '31 Jan 2027', '31/01/2027'],
    ['31/01', '31 Jan 2027', '31/01/2027'],
    ['end of January', '31 Jan 2027', '31/01/2027'],
  ])('%s is refused, saying what it is today (%s) and how to write it', (text, shown, written) => {
    const today = parseUkDate(text, TODAY);
    expect(today.ok).toBe(true);
    const result = parseFileDate(text, TODAY);
    expect(result).toEqual({
      ok: false,
      error: `It depends on the day the file is read (read today, it would be ${shown}); write it with its year, like ${written}.`,
    });
  });

  test.each([
    ['31/02/2027', /February 2027 has only 28 days\. Write it with its year, like 31\/01\/2027\.$/],
    ['soon', /doesn't pin down a single day\. Write it with its year/],
    ['banana', /couldn't read "banana" as a date\. Write it with its year/],
  ])('%s is refused with an example a file can use, never "next Friday"', (text, error) => {
    const result = parseFileDate(text, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(error);
      expect(result.error).not.toMatch(/next Friday/);
    }
  });
});

describe('a date Excel keeps as a number (its 1900 date system)', () => {
  test.each([
    ['46387', '2026-12-31'],
    ['46387.75', '2026-12-31'],
    ['45658', '2025-01-01'],
    [' 46022 ', '2025-12-31'],
  ])('%s is %s', (text, date) => {
    expect(parseFileDate(text, TODAY)).toEqual({ ok: true, date });
  });

  test.each(['463', '463870', '4638a', '-46387'])('%s is not a serial date', (text) => {
    expect(parseFileDate(text, TODAY).ok).toBe(false);
  });
});
