import { NOTIFICATION_WAIT_DAYS, waitEndsAt, WaitDecision, whetherToSend } from '../../src/domain/notification-wait';
import { PersonProblem } from '../../src/domain/reach';

const QUEUED = '2026-12-01T10:00:00.000Z';
const END = '2026-12-29T10:00:00.000Z';

test('a notification waits 28 days from when the change was saved', () => {
  expect(NOTIFICATION_WAIT_DAYS).toBe(28);
  expect(waitEndsAt(QUEUED).toISOString()).toBe(END);
});

describe('wait, send or give up, for one recipient', () => {
  test.each<[string, PersonProblem | null, string, WaitDecision]>([
    ['reachable: sent at once', null, '2026-12-01T10:00:01Z', 'send'],
    ['reachable on the last day', null, '2026-12-29T09:59:00Z', 'send'],
    ['reachable after the wait: still sent (the wait is for people not met)', null, '2027-03-01T00:00:00Z', 'send'],
    ['not met, just written', 'not-met', '2026-12-01T10:00:01Z', 'wait'],
    ['known but not where (no tenant), a week on', 'no-tenant', '2026-12-08T10:00:00Z', 'wait'],
    ['not met, a minute before the wait ends', 'not-met', '2026-12-29T09:59:00Z', 'wait'],
    ['not met, as the wait ends', 'not-met', END, 'give-up'],
    ['no tenant, a day after the wait', 'no-tenant', '2026-12-30T10:00:00Z', 'give-up'],
    ['blocked the bot (403): never waited for', 'blocked', '2026-12-01T10:00:01Z', 'give-up'],
    ['chat gone and not reopened (404): never waited for', 'chat-gone', '2026-12-01T10:00:01Z', 'give-up'],
  ])('%s', (_case, problem, now, decision) => {
    expect(whetherToSend(problem, QUEUED, new Date(now))).toBe(decision);
  });

  test('a notification whose time cannot be read is not kept waiting for ever', () => {
    expect(whetherToSend('not-met', 'not a time', new Date(QUEUED))).toBe('give-up');
  });
});
