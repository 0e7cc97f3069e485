import { isDone, isFinished, isStatus } from '../../src/domain/status';
import { STATUSES } from '../../src/domain/types';

test.each([
  ['Not started', false, false],
  ['On track', false, false],
  ['At risk', false, false],
  ['Delayed', false, false],
  ['Complete', true, true],
  ['Signed off', true, true],
  ['Cancelled', false, true],
] as const)('%s: done %s, finished %s', (status, done, finished) => {
  expect(isDone(status)).toBe(done);
  expect(isFinished(status)).toBe(finished);
});

test('the table above covers every status', () => {
  expect(STATUSES).toHaveLength(7);
});

test.each([
  ['Complete', true],
  ['Signed off', true],
  ['complete', false],
  ['Done', false],
  ['', false],
  [null, false],
  [3, false],
  [undefined, false],
])('isStatus(%j) is %s', (value, expected) => {
  expect(isStatus(value)).toBe(expected);
});
