import { dueDateFromTimescale, parseTimescale, type Timescale } from '../../src/domain/timescale';

describe('parseTimescale accepts', () => {
  test.each<[string, Timescale]>([
    ['Immediately', { kind: 'immediately' }],
    ['immediate', { kind: 'immediately' }],
    ['IMMEDIATELY.', { kind: 'immediately' }],
    ['With immediate effect', { kind: 'immediately' }],
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['none', { kind: 'none' }],
    ['N/A', { kind: 'none' }],
    ['Ongoing', { kind: 'none' }],
    ['Within three months', { kind: 'within', amount: 3, unit: 'months' }],
    ['within 3 months', { kind: 'within', amount: 3, unit: 'months' }],
    ['  Within   3   months.  ', { kind: 'within', amount: 3, unit: 'months' }],
    ['Within 6 weeks', { kind: 'within', amount: 6, unit: 'weeks' }],
    ['Within six months', { kind: 'within', amount: 6, unit: 'months' }],
    ['Within 10 working days', { kind: 'within', amount: 10, unit: 'working days' }],
    ['within ten business days', { kind: 'within', amount: 10, unit: 'working days' }],
    ['within a month', { kind: 'within', amount: 1, unit: 'months' }],
    ['within one year', { kind: 'within', amount: 1, unit: 'years' }],
    ['Within twelve months', { kind: 'within', amount: 12, unit: 'months' }],
    ['Within eighteen months', { kind: 'within', amount: 18, unit: 'months' }],
    ['within twenty-four months', { kind: 'within', amount: 24, unit: 'months' }],
    ['within twenty four months', { kind: 'within', amount: 24, unit: 'months' }],
    ['within twenty-one days', { kind: 'within', amount: 21, unit: 'days' }],
    ['within an year', { kind: 'within', amount: 1, unit: 'years' }],
    ['within 1 day', { kind: 'within', amount: 1, unit: 'days' }],
    ['within a fortnight', { kind: 'within', amount: 2, unit: 'weeks' }],
    ['6 months', { kind: 'within', amount: 6, unit: 'months' }],
    // Spreadsheet cells can carry stray control characters; they read as spaces.
    ['\u0000\u0007', { kind: 'none' }],
    ['Within\u00a03\tmonths\r\n', { kind: 'within', amount: 3, unit: 'months' }],
  ])('%j', (text, expected) => {
    expect(parseTimescale(text)).toEqual({ ok: true, timescale: expected });
  });
});

describe('parseTimescale refuses with examples', () => {
  test.each([
    'soon',
    'within months',
    'within 0 months',
    'within twenty-five months',
    'within 3 decades',
    'by the end of the year',
    '30/09/2026',
    'within three months and six weeks',
    '\u{1F4C5} three months',
    'x'.repeat(5000),
  ])('%j', (text) => {
    const result = parseTimescale(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('Within 3 months');
      expect(result.error.length).toBeLessThan(300);
    }
  });
});

describe('dueDateFromTimescale', () => {
  test.each<[Timescale, string, string | null]>([
    [{ kind: 'immediately' }, '2026-09-30', '2026-09-30'],
    [{ kind: 'none' }, '2026-09-30', null],
    [{ kind: 'within', amount: 3, unit: 'months' }, '2026-06-30', '2026-09-30'],
    [{ kind: 'within', amount: 6, unit: 'months' }, '2026-08-31', '2027-02-28'],
    [{ kind: 'within', amount: 6, unit: 'months' }, '2027-08-31', '2028-02-29'],
    [{ kind: 'within', amount: 1, unit: 'months' }, '2026-01-31', '2026-02-28'],
    [{ kind: 'within', amount: 12, unit: 'months' }, '2026-03-29', '2027-03-29'],
    [{ kind: 'within', amount: 6, unit: 'weeks' }, '2026-03-01', '2026-04-12'],
    [{ kind: 'within', amount: 14, unit: 'days' }, '2026-10-20', '2026-11-03'],
    [{ kind: 'within', amount: 10, unit: 'working days' }, '2026-03-27', '2026-04-14'], // over Easter
    [{ kind: 'within', amount: 3, unit: 'working days' }, '2026-12-23', '2026-12-30'], // over Christmas
    [{ kind: 'within', amount: 1, unit: 'years' }, '2028-02-29', '2029-02-28'],
  ])('%j from %s is %s', (timescale, baseline, expected) => {
    expect(dueDateFromTimescale(timescale, baseline)).toBe(expected);
  });

  test.each<[string, string, string | null]>([
    ['Immediately', '2011-07-22', '2011-07-22'],
    ['Within three months', '2011-07-22', '2011-10-22'],
    ['Within six months', '2011-07-22', '2012-01-22'],
    ['', '2011-07-22', null],
  ])('%j from baseline %s is %s', (text, baseline, expected) => {
    const parsed = parseTimescale(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(dueDateFromTimescale(parsed.timescale, baseline)).toBe(expected);
  });
});
