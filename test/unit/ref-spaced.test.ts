import { parseCommand } from '../../src/domain/command-grammar';
import { refKey } from '../../src/domain/ref';
import { resolveRef } from '../../src/domain/ref-match';
import { joinSpacedRefs, mayHoldSpacedRef } from '../../src/domain/ref-spaced';

/** A tester's plan (test/fixtures/tester3/plan.csv) and the demo's refs. */
const REFS = ['1.1', '1.2a', '1.2b', 'R3', 'Rec 4(ii)', 'A.2.1', '3', 'SG-4', 'LAC-6', '6(a)'];

describe('a ref typed with spaces is written as one word when a plan has it', () => {
  test.each([
    ['rec 4 ii', 'Rec-4(ii)'],
    ['show rec 4 ii', 'show Rec-4(ii)'],
    ['rec 4 ii on track', 'Rec-4(ii) on track'],
    ['REC 4 II?', 'Rec-4(ii)?'],
    ['4 ii done', 'Rec-4(ii) done'],
    ['show 1.2 a', 'show 1.2a'],
    ['1.2 A done', '1.2a done'],
    ['show A 2 1', 'show A.2.1'],
    ['note A 2 1 protocol drafted, legal reviewing it', 'note A.2.1 protocol drafted, legal reviewing it'],
    ['r 3 at risk: panel capacity', 'R3 at risk: panel capacity'],
    ['sg 4 done', 'SG-4 done'],
    ['6 a done', '6(a) done'],
    // Left as typed: already one word, or no plan's ref, or punctuation between the parts.
    ['SG-4 done', 'SG-4 done'],
    ['LAC-6 on track', 'LAC-6 on track'],
    ['action 3 done', 'action 3 done'],
    ['done 5 of the 8 case audits', 'done 5 of the 8 case audits'],
    ['rec 5 ii on track', 'rec 5 ii on track'],
    ['1.2, a and b', '1.2, a and b'],
    ['A. 2 1', 'A. 2 1'],
  ])('%j → %j', (typed, joined) => {
    expect(joinSpacedRefs(typed, REFS)).toBe(joined);
  });

  test('the joined word has the importer’s key for the ref, so it names the same action', () => {
    for (const [typed, ref] of [
      ['rec 4 ii', 'Rec 4(ii)'],
      ['1.2 A', '1.2a'],
      ['A 2 1', 'A.2.1'],
    ]) {
      const joined = joinSpacedRefs(typed, REFS);
      expect({ typed, key: refKey(joined), match: resolveRef(joined, REFS) }).toEqual({
        typed,
        key: refKey(ref),
        match: { kind: 'one', ref },
      });
    }
  });

  test.each([
    // The plan has 1.2 as well as 1.2a: "1.2 a" could be either, so it is left for the grammar (1.2, then "a").
    ['show 1.2 a', ['1.2', '1.2a'], 'show 1.2 a'],
    // Two refs read the same with the leading word aside: the typed parts are kept, and resolveRef asks which.
    ['show 4 ii', ['Rec 4(ii)', 'Para 4(ii)'], 'show 4-ii'],
    ['show 4 ii', [], 'show 4 ii'],
  ])('%j with plan %j → %j', (typed, refs, joined) => {
    expect(joinSpacedRefs(typed, refs)).toBe(joined);
  });

  test('two readings stay two: resolveRef asks which', () => {
    expect(resolveRef('4-ii', ['Rec 4(ii)', 'Para 4(ii)'])).toEqual({
      kind: 'several',
      refs: ['Para 4(ii)', 'Rec 4(ii)'],
    });
  });

  test.each([
    ['rec 4 ii on track', { kind: 'setStatus', ref: 'Rec-4(ii)', status: 'On track' }],
    ['show 1.2 a', { kind: 'show', ref: '1.2a' }],
    ['show A 2 1', { kind: 'show', ref: 'A.2.1' }],
  ])('%j, joined, reads as %j', (typed, command) => {
    expect(parseCommand(joinSpacedRefs(typed, REFS), '2026-11-30')).toMatchObject(command);
  });
});

describe('whether a message is worth looking up at all', () => {
  test.each([
    ['rec 4 ii', true],
    ['show 1.2 a', true],
    ['show A 2 1', true],
    ['done 3 of 5', true],
    ['SG-4 done', false],
    ['SG-4 at risk: waiting for IT', false],
    ["what's overdue", false],
    ['my actions', false],
  ])('%j: %s', (text, expected) => {
    expect(mayHoldSpacedRef(text)).toBe(expected);
  });
});
