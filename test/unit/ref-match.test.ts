import fc from 'fast-check';
import { legacyRefKey, refKey } from '../../src/domain/ref';
import { bareRefKey, resolveRef, type RefMatch } from '../../src/domain/ref-match';

const one = (ref: string): RefMatch => ({ kind: 'one', ref });
const several = (...refs: string[]): RefMatch => ({ kind: 'several', refs });
const none: RefMatch = { kind: 'none' };

describe('refKey keeps every letter, in any alphabet', () => {
  test.each([
    ['6(a)', '6-a'],
    ['6 (a)', '6-a'],
    ['6a', '6-a'],
    ['2.1(ii)', '2-1-ii'],
    ['Rec 4b', 'rec-4-b'],
    ['Ä-1', 'ä-1'],
    ['ä1', 'ä-1'],
    ['Ö-1', 'ö-1'],
    ['A\u0308-1', 'ä-1'], // "Ä" typed as A and a combining diaeresis
    ['ＳＧ－４', 'sg-4'], // full-width, as some keyboards type it
    ['Ж-12', 'ж-12'],
  ])('%j → %j', (ref, key) => expect(refKey(ref)).toBe(key));

  test('for a ref in plain ASCII the key is the one stored before, so stored rows still read', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ019 .-_()'.split('')), maxLength: 20 }), (ref) => {
        expect(refKey(ref)).toBe(legacyRefKey(ref));
      }),
    );
  });

  test('refs that differ only in letters beyond ASCII have different keys (before, they shared one)', () => {
    expect(new Set(['Ä-1', 'Ö-1', 'A-1', 'É-1'].map(refKey)).size).toBe(4);
    expect(new Set(['Ä-1', 'Ö-1'].map(legacyRefKey)).size).toBe(1);
  });
});

describe('resolveRef: which action a typed reference names', () => {
  const PLAN = [
    '3',
    '3(a)',
    '3(b)',
    '6(a)',
    '10.3.1',
    '1.03.1',
    '2.1(ii)',
    'IP-2',
    'R1',
    'Rec 4b',
    'AFI-3',
    'SG-I-1',
    'Ä-1',
    'Ö-1',
    'A-1',
  ];
  // Each ref in the plan, and the ways people type it.
  const TYPED: [ref: string, typed: string[]][] = [
    ['6(a)', ['6(a)', '6 (a)', '6a', '6A', 'action 6(a)', 'item 6(a)']],
    ['3', ['3']],
    ['3(a)', ['3(a)', '3 (a)']],
    ['10.3.1', ['10.3.1']],
    ['1.03.1', ['1.03.1']],
    ['2.1(ii)', ['2.1(ii)', '2.1 (ii)']],
    ['IP-2', ['ip2', 'IP 2']],
    ['R1', ['r1']],
    ['Rec 4b', ['Rec 4b', 'rec4b', 'recommendation 4b', '4b']],
    ['AFI-3', ['AFI-3', 'afi 3']],
    ['SG-I-1', ['SG-I-1']],
    ['Ä-1', ['Ä-1', 'ä1']],
    ['Ö-1', ['Ö-1']],
    ['A-1', ['A-1']],
  ];
  test.each(TYPED.flatMap(([ref, typed]) => typed.map((t) => [t, ref])))('%j in the plan is %s', (typed, ref) =>
    expect(resolveRef(typed, PLAN)).toEqual(one(ref)),
  );

  test.each([
    '3(c)', // never 3
    '10.3',
    '2.1(i)',
    'sgi1', // "sgi" is not "sg-i"
    '',
    'action',
  ])('%j in the plan is none of its refs', (typed) => expect(resolveRef(typed, PLAN)).toEqual(none));

  test.each<[string, readonly string[], RefMatch]>([
    ['3 (a)', ['3'], none], // never 3
    ['3a', ['3', '3(b)'], none],
    ['4b', ['Rec 4b', '4b'], one('4b')],
    ['Rec 4b', ['Rec 4b', '4b'], one('Rec 4b')],
    ['recommendation 4b', ['Rec 4b', '4b'], several('4b', 'Rec 4b')], // unsure: ask
    ['recommendation 4b', ['4b'], one('4b')],
    ['Ä-1', ['Ö-1', 'A-1'], none],
  ])('%j in %j', (typed, refs, expected) => expect(resolveRef(typed, refs)).toEqual(expected));

  test('a lead word alone is the ref when nothing with a digit follows it', () => {
    expect(bareRefKey('Rec 4b')).toBe('4-b');
    expect(bareRefKey('Action plan')).toBe('action-plan');
    expect(bareRefKey('REF-1')).toBe('1');
  });
});
