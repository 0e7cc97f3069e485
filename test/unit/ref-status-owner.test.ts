import { parseOwner } from '../../src/domain/owner';
import { closestRefs, compareRefs, refKey, validateRef } from '../../src/domain/ref';
import { parseStatus } from '../../src/domain/status';

describe('refs match case- and punctuation-insensitively', () => {
  test.each([
    ['SG-4', 'sg-4'],
    ['sg4', 'sg-4'],
    ['Sg.4', 'sg-4'],
    [' SG 4 ', 'sg-4'],
    ['10.3.1', '10-3-1'],
    ['1.03.1', '1-03-1'],
    ['SG-I-1', 'sg-i-1'],
    ['LAC-10', 'lac-10'],
    ['!!!', ''],
  ])('%j → %j', (ref, key) => expect(refKey(ref)).toBe(key));

  test.each([
    ['SG-4', null],
    ['10.3.1', null],
    ['', /empty/],
    ['SG/4', /contains \/ \\ # \?/],
    ['SG#4', /contains/],
    ['SG?4', /contains/],
    ['SG\\4', /contains/],
    ['SG\u00074', /contains/],
    ['x'.repeat(41), /41 characters long; the most is 40/],
    ['--', /no letters or numbers/],
  ])('validateRef(%j)', (ref, expected) => {
    const problem = validateRef(ref);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  test.each([
    ['SG-44', ['SG-4']],
    ['SG-41', ['SG-4', 'SG-11']],
    ['sg4', ['SG-4']],
    ['LAC-3', ['LAC-2']],
    ['banana', []],
  ])('closest to %j', (typed, expected) => {
    expect(closestRefs(typed, ['SG-4', 'SG-11', 'LAC-2', 'LAC-20'], 2)).toEqual(expected);
  });

  test('natural order', () => {
    expect(['SG-10', 'SG-2', 'LAC-1', '10.10', '10.3.1', '10.3'].sort(compareRefs)).toEqual([
      '10.3',
      '10.3.1',
      '10.10',
      'LAC-1',
      'SG-2',
      'SG-10',
    ]);
  });
});

describe('status words from spreadsheets', () => {
  test.each([
    ['', 'Not started'],
    ['Not started', 'Not started'],
    ['on track', 'On track'],
    ['In progress', 'On track'],
    ['AT RISK', 'At risk'],
    ['Delayed', 'Delayed'],
    ['Complete', 'Complete'],
    ['Completed', 'Complete'],
    ['Complete (awaiting sign-off)', 'Complete'],
    ['Signed off', 'Signed off'],
    ['signed-off', 'Signed off'],
    ['Canceled', 'Cancelled'],
  ])('%j → %s', (text, status) => expect(parseStatus(text)).toEqual({ ok: true, status }));

  test('an unknown status lists the ones we know', () => {
    expect(parseStatus('Nearly')).toEqual({
      ok: false,
      error: expect.stringMatching(
        /"Nearly" is not a status we know\. Use one of: Not started, On track, At risk, Delayed, Complete, Signed off, Cancelled\./,
      ),
    });
  });
});

describe('owners are email addresses or user principal names', () => {
  test.each([
    ['alexw@example.com', { email: 'alexw@example.com', displayName: null }],
    ['AlexW@Example.COM', { email: 'alexw@example.com', displayName: null }],
    ['Alex Wilber <alexw@example.com>', { email: 'alexw@example.com', displayName: 'Alex Wilber' }],
    [
      '"Wilber, Alex" <alex.wilber@council.gov.uk>',
      { email: 'alex.wilber@council.gov.uk', displayName: 'Wilber, Alex' },
    ],
    ['alex.wilber@contoso.onmicrosoft.com', { email: 'alex.wilber@contoso.onmicrosoft.com', displayName: null }],
  ])('%j is accepted', (text, owner) => {
    expect(parseOwner(text)).toEqual({ ok: true, owner: { ...owner, aadObjectId: null } });
  });

  test('blank is unassigned', () => expect(parseOwner('  ')).toEqual({ ok: true, owner: null }));

  test('a name alone is refused unless someone known has it, saying how to write it', () => {
    expect(parseOwner('Alex Wilber')).toEqual({
      ok: false,
      error: expect.stringMatching(/is a name, and nobody of that name is known here/),
    });
  });

  test.each(['alexw@', '@example.com', 'alex w@example.com', 'alexw@example', 'a@b@c.com'])('%j is refused', (text) => {
    expect(parseOwner(text)).toEqual({
      ok: false,
      error: expect.stringMatching(/is not an email address or user name like/),
    });
  });
});
