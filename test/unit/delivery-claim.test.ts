import { Delivery, whyNotClaimable } from '../../src/store/delivery-ledger';

const NOW = new Date('2026-11-30T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
const earlier = (d: Partial<Delivery>): Delivery => ({
  runId: 'remind|*|2026-W49',
  recipient: 'a@example.com',
  state: 'sent',
  claimedBy: 'other',
  leaseUntil: at(5),
  attempts: 1,
  activityId: null,
  conversationId: null,
  lastError: null,
  updatedAt: at(10),
  ...d,
});

describe('whether a run may claim a recipient an earlier run of the week has a delivery for', () => {
  test.each<[string, Partial<Delivery>, boolean, ReturnType<typeof whyNotClaimable>]>([
    ['sent', { state: 'sent' }, true, 'done'],
    ['not met then, reachable now', { state: 'unreachable', lastError: 'not-met' }, true, null],
    ['no tenant then, reachable now', { state: 'unreachable', lastError: 'no-tenant' }, true, null],
    ['not met then, still not', { state: 'unreachable', lastError: 'not-met' }, false, 'final'],
    ['blocked (403), reachable now', { state: 'unreachable', lastError: 'blocked' }, true, 'final'],
    ['chat gone, reachable now', { state: 'unreachable', lastError: 'chat-gone' }, true, 'final'],
    ['refused by Teams', { state: 'refused', lastError: 'too-large' }, true, 'final'],
    ['failed ten minutes ago', { state: 'failed', updatedAt: at(10) }, true, 'later'],
    ['failed two hours ago', { state: 'failed', updatedAt: at(120) }, true, null],
    [
      'held by a live claim',
      { state: 'claimed', leaseUntil: new Date(NOW.getTime() + 60_000).toISOString() },
      true,
      'held',
    ],
    ['claim whose holder has gone', { state: 'claimed', leaseUntil: at(1) }, true, null],
  ])('%s', (_case, delivery, reachableNow, expected) => {
    expect(whyNotClaimable(earlier(delivery), 'me', NOW, reachableNow)).toBe(expected);
  });
});
