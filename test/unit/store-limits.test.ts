import { escapeKey, prefixUpperBound, unescapeKey } from '../../src/store/keys';
import {
  assertFilterWithinLimits,
  assertWithinLimits,
  countComparisons,
  StorageLimitError,
} from '../../src/store/limits';

describe('keys', () => {
  test.each([
    ['ofsted-2011', 'ofsted-2011'],
    ['a/b', 'a%2Fb'],
    ['a\\b', 'a%5Cb'],
    ['a#b?c', 'a%23b%3Fc'],
    ['100%', '100%25'],
    ['tab\there', 'tab%09here'],
    ['del\u007f', 'del%7F'],
  ])('%j escapes to %j and back', (raw, escaped) => {
    expect(escapeKey(raw)).toBe(escaped);
    expect(unescapeKey(escaped)).toBe(raw);
  });

  test('keys over 1 KiB are refused', () => {
    expect(() => escapeKey('x'.repeat(1025))).toThrow(/at most 1024 characters/);
  });

  test('prefix upper bound', () => expect(prefixUpperBound('a|')).toBe('a}'));
});

describe('limits Azurite does not enforce', () => {
  const base = { partitionKey: 'p', rowKey: 'r' };

  test('252 properties of our own are allowed, 253 are not', () => {
    const props = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, 1]));
    expect(() => assertWithinLimits({ ...base, ...props(252) })).not.toThrow();
    expect(() => assertWithinLimits({ ...base, ...props(253) })).toThrow(/at most 252 fields; this one has 253/);
  });

  test('a string of 32,768 characters (64 KiB) is allowed, one more is not', () => {
    expect(() => assertWithinLimits({ ...base, text: 'x'.repeat(32_768) })).not.toThrow();
    expect(() => assertWithinLimits({ ...base, text: 'x'.repeat(32_769) })).toThrow(StorageLimitError);
  });

  test('an entity over 1 MiB is refused even when each string is allowed', () => {
    const big = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`t${i}`, 'x'.repeat(32_000)]));
    expect(() => assertWithinLimits({ ...base, ...big })).toThrow(/at most 1 MiB/);
  });

  test.each([
    ["PartitionKey eq 'a'", 1],
    ["PartitionKey eq 'a' and RowKey ge 'b' and RowKey lt 'c'", 3],
    ["title eq 'x eq y and z ne q'", 1],
    ["title eq 'it''s eq'", 1],
  ])('%s makes %i comparisons', (filter, n) => expect(countComparisons(filter)).toBe(n));

  test('more than 15 comparisons in one filter are refused', () => {
    const filter = (n: number) => Array.from({ length: n }, (_, i) => `RowKey eq 'k${i}'`).join(' or ');
    expect(assertFilterWithinLimits(filter(15))).toBe(filter(15));
    expect(() => assertFilterWithinLimits(filter(16))).toThrow(/at most 15 comparisons; this one makes 16/);
  });
});
