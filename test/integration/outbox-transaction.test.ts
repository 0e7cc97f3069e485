/**
 * The outbox on real Azurite: a change, its history entry and the
 * notifications it causes are saved in one transaction, all or nothing.
 */
import { actionChanged, dateDecided, dateRequested, Notification } from '../../src/domain/notifications';
import { ConflictError } from '../../src/store/errors';
import { StorageLimitError } from '../../src/store/limits';
import { anAction, aHistoryEntry } from '../support/builders';
import { testStorage } from '../support/storage';

const storage = testStorage();
const AT = '2026-11-21T09:00:00.000Z';
const request = { date: '2027-01-31', reason: 'supplier problems', by: 'pattif@example.com', at: AT };

async function planWithAction(planId: string) {
  const action = anAction({ planId, ref: 'SG-4' });
  await storage.actions.write(planId, [{ action, history: aHistoryEntry(action, { at: AT }) }]);
  return (await storage.actions.get(planId, 'SG-4'))!;
}

const noted = (action: ReturnType<typeof anAction>, text: string) => ({
  ...action,
  latestUpdate: { text, by: 'alexw@example.com', at: AT },
});

test('a change saved with its notifications: the action, its history and every outbox row are there, oldest first', async () => {
  const current = await planWithAction('tx-ok');
  const after = noted(current.value, 'first');
  const notifications: Notification[] = [actionChanged(after), dateRequested(after)];
  await storage.actions.write('tx-ok', [
    { action: after, current, history: aHistoryEntry(after, { at: '2026-11-21T10:00:00.000Z' }), notifications },
  ]);
  const again = (await storage.actions.get('tx-ok', 'SG-4'))!;
  const later = noted(again.value, 'second');
  const decided = dateDecided(
    later,
    request,
    'decline',
    { email: 'alexw@example.com', name: 'Alex Wilber' },
    'the inspection date is fixed',
  );
  await storage.actions.write('tx-ok', [
    {
      action: later,
      current: again,
      history: aHistoryEntry(later, { at: '2026-11-21T11:00:00.000Z' }),
      notifications: [decided],
    },
  ]);

  expect((await storage.actions.get('tx-ok', 'SG-4'))?.value.latestUpdate?.text).toBe('second');
  expect(await storage.actions.history('tx-ok', 'SG-4')).toHaveLength(3);
  const { rows, unreadable } = await storage.outbox.list('tx-ok');
  expect(unreadable).toEqual([]);
  expect(rows.map((r) => r.notification)).toEqual([...notifications, decided]);
  // The outbox is no action and no history: reading the plan is unchanged by it.
  expect((await storage.actions.list('tx-ok')).map((v) => v.value.ref)).toEqual(['SG-4']);
  expect(await storage.actions.planHistory('tx-ok')).toHaveLength(3);
});

test('an ETag conflict writes no change, no history and no outbox row', async () => {
  const stale = await planWithAction('tx-conflict');
  const winner = noted(stale.value, 'winner');
  await storage.actions.write('tx-conflict', [
    { action: winner, current: stale, history: aHistoryEntry(winner, { at: '2026-11-21T10:00:00.000Z' }) },
  ]);
  const loser = noted(stale.value, 'loser');
  const write = storage.actions.write('tx-conflict', [
    {
      action: loser,
      current: stale,
      history: aHistoryEntry(loser, { at: '2026-11-21T10:00:01.000Z' }),
      notifications: [actionChanged(loser), dateRequested(loser)],
    },
  ]);
  await expect(write).rejects.toBeInstanceOf(ConflictError);
  expect((await storage.actions.get('tx-conflict', 'SG-4'))?.value.latestUpdate?.text).toBe('winner');
  expect(await storage.actions.history('tx-conflict', 'SG-4')).toHaveLength(2);
  expect((await storage.outbox.list('tx-conflict')).rows).toEqual([]);
});

test('more rows than one transaction takes is refused before anything is written', async () => {
  const current = await planWithAction('tx-batch');
  const after = noted(current.value, 'too many');
  // The action, its history and the version row take three: 97 notifications fit, 98 do not.
  const many = (n: number) => Array.from({ length: n }, () => actionChanged(after));
  const write = (n: number, at: string) =>
    storage.actions.write('tx-batch', [
      { action: after, current, history: aHistoryEntry(after, { at }), notifications: many(n) },
    ]);
  await expect(write(98, '2026-11-21T10:00:00.000Z')).rejects.toThrow(
    /at most 100 rows; these changes and their notifications need 101/,
  );
  expect((await storage.outbox.list('tx-batch')).rows).toEqual([]);
  expect((await storage.actions.get('tx-batch', 'SG-4'))?.value.latestUpdate).toBeNull();
  await write(97, '2026-11-21T10:00:01.000Z');
  expect((await storage.outbox.list('tx-batch')).rows).toHaveLength(97);
});

test('a notification over the storage limits is refused with the change, before anything is written', async () => {
  const current = await planWithAction('tx-limit');
  const after = noted(current.value, 'limit');
  const huge = dateDecided(after, request, 'decline', { email: 'alexw@example.com', name: 'Alex' }, 'x'.repeat(40_000));
  const write = storage.actions.write('tx-limit', [
    {
      action: after,
      current,
      history: aHistoryEntry(after, { at: '2026-11-21T10:00:00.000Z' }),
      notifications: [huge],
    },
  ]);
  await expect(write).rejects.toBeInstanceOf(StorageLimitError);
  expect((await storage.outbox.list('tx-limit')).rows).toEqual([]);
  expect(await storage.actions.history('tx-limit', 'SG-4')).toHaveLength(1);
});

test('a notification for another plan cannot ride on this plan’s change', async () => {
  const current = await planWithAction('tx-mine');
  const after = noted(current.value, 'elsewhere');
  const write = storage.actions.write('tx-mine', [
    {
      action: after,
      current,
      history: aHistoryEntry(after, { at: '2026-11-21T10:00:00.000Z' }),
      notifications: [actionChanged({ ...after, planId: 'other' })],
    },
  ]);
  await expect(write).rejects.toThrow(RangeError);
  expect(await storage.actions.history('tx-mine', 'SG-4')).toHaveLength(1);
});

test('a row removed after delivery is gone, and removing it twice is harmless', async () => {
  const current = await planWithAction('tx-remove');
  const after = noted(current.value, 'remove');
  await storage.actions.write('tx-remove', [
    {
      action: after,
      current,
      history: aHistoryEntry(after, { at: '2026-11-21T10:00:00.000Z' }),
      notifications: [actionChanged(after)],
    },
  ]);
  const [row] = (await storage.outbox.list('tx-remove')).rows;
  await storage.outbox.remove('tx-remove', row.id);
  await storage.outbox.remove('tx-remove', row.id);
  expect((await storage.outbox.list('tx-remove')).rows).toEqual([]);
});
