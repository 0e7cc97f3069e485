import { anAction, aHistoryEntry } from '../support/builders';
import { testStorage } from '../support/storage';
import { ConflictError } from '../../src/store/errors';
import { StorageLimitError } from '../../src/store/limits';
import { ActionStore } from '../../src/store/action-store';

const storage = testStorage();
const actions = storage.actions;

describe('action store on Azurite', () => {
  test('an action reads back exactly as written, found by any spelling of its ref', async () => {
    const action = anAction({
      planId: 'round-trip',
      ref: 'SG-4',
      evidence: [
        { url: 'https://example.com/audit', note: 'Audit', addedBy: 'a@example.com', addedAt: '2026-11-01T09:00:00Z' },
      ],
      latestUpdate: { text: 'Started', by: 'a@example.com', at: '2026-11-01T09:00:00Z' },
    });
    await actions.write('round-trip', [{ action, history: aHistoryEntry(action) }]);
    for (const spelling of ['SG-4', 'sg4', 'Sg.4', ' sg 4 ']) {
      const found = await actions.get('round-trip', spelling);
      expect(found?.value).toEqual(action);
    }
    expect(await actions.get('round-trip', 'SG-5')).toBeNull();
  });

  test('creating an action that already exists is a conflict and writes nothing', async () => {
    const action = anAction({ planId: 'dupes' });
    await actions.write('dupes', [{ action, history: aHistoryEntry(action) }]);
    const again = anAction({ planId: 'dupes', title: 'Another' });
    await expect(actions.write('dupes', [{ action: again, history: aHistoryEntry(again) }])).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await actions.get('dupes', 'SG-1'))?.value.title).toBe(action.title);
    expect(await actions.history('dupes', 'SG-1')).toHaveLength(1);
  });

  test('two concurrent updates: one wins, the other gets a conflict it can retry, and history tells the truth', async () => {
    const planId = 'race';
    const original = anAction({ planId });
    await actions.write(planId, [
      { action: original, history: aHistoryEntry(original, { at: '2026-11-21T09:00:00Z' }) },
    ]);
    const read = (await actions.get(planId, 'SG-1'))!;

    const attempt = (status: 'On track' | 'At risk', by: string) => {
      const action = { ...read.value, status };
      const history = aHistoryEntry(action, {
        by,
        at: new Date().toISOString(),
        changes: [{ field: 'status', from: 'Not started', to: status }],
      });
      return actions.write(planId, [{ action, current: read, history }]);
    };
    const results = await Promise.allSettled([
      attempt('On track', 'alex@example.com'),
      attempt('At risk', 'megan@example.com'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);

    // The loser retries against what is now stored, so its history shows the real old value.
    const winnerStatus = (await actions.get(planId, 'SG-1'))!;
    const loserWanted = winnerStatus.value.status === 'On track' ? 'At risk' : 'On track';
    const retried = { ...winnerStatus.value, status: loserWanted } as const;
    await actions.write(planId, [
      {
        action: retried,
        current: winnerStatus,
        history: aHistoryEntry(retried, {
          at: new Date(Date.now() + 1000).toISOString(),
          changes: [{ field: 'status', from: winnerStatus.value.status, to: loserWanted }],
        }),
      },
    ]);

    const history = await actions.history(planId, 'SG-1');
    expect(history.map((h) => h.changes[0])).toEqual([
      { field: 'status', from: winnerStatus.value.status, to: loserWanted },
      { field: 'status', from: 'Not started', to: winnerStatus.value.status },
      { field: 'status', from: null, to: 'Not started' },
    ]);
    expect((await actions.get(planId, 'SG-1'))!.value.status).toBe(loserWanted);
  });

  test('a stale ETag is refused even when nothing else is in the transaction', async () => {
    const planId = 'stale';
    const action = anAction({ planId });
    await actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
    const first = (await actions.get(planId, 'SG-1'))!;
    const changed = { ...first.value, title: 'Changed once' };
    await actions.write(planId, [{ action: changed, current: first, history: aHistoryEntry(changed) }]);
    await expect(
      actions.write(planId, [
        { action: { ...first.value, title: 'Stale' }, current: first, history: aHistoryEntry(first.value) },
      ]),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await actions.get(planId, 'SG-1'))!.value.title).toBe('Changed once');
  });

  test('a batch of many actions is all or nothing', async () => {
    const planId = 'batch';
    const existing = anAction({ planId, ref: 'B-3' });
    await actions.write(planId, [{ action: existing, history: aHistoryEntry(existing) }]);
    const batch = ['B-1', 'B-2', 'B-3', 'B-4'].map((ref) => anAction({ planId, ref }));
    await expect(
      actions.write(
        planId,
        batch.map((a) => ({ action: a, history: aHistoryEntry(a) })),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await actions.list(planId)).map((a) => a.value.ref)).toEqual(['B-3']);
  });

  test('history lists only the asked action, newest first', async () => {
    const planId = 'hist';
    const one = anAction({ planId, ref: '1' });
    const ten = anAction({ planId, ref: '10' });
    await actions.write(planId, [
      { action: one, history: aHistoryEntry(one, { at: '2026-01-01T00:00:00Z' }) },
      { action: ten, history: aHistoryEntry(ten, { at: '2026-01-02T00:00:00Z' }) },
    ]);
    const updated = (await actions.get(planId, '1'))!;
    await actions.write(planId, [
      {
        action: updated.value,
        current: updated,
        history: aHistoryEntry(one, { at: '2026-02-01T00:00:00Z', comment: 'later' }),
      },
    ]);
    const history = await actions.history(planId, '1');
    expect(history.map((h) => [h.ref, h.at])).toEqual([
      ['1', '2026-02-01T00:00:00Z'],
      ['1', '2026-01-01T00:00:00Z'],
    ]);
  });

  test('limits Azurite does not enforce are enforced before anything is sent', async () => {
    const planId = 'limits';
    const huge = anAction({ planId, title: 'x'.repeat(40_000) });
    await expect(actions.write(planId, [{ action: huge, history: aHistoryEntry(huge) }])).rejects.toThrow(
      StorageLimitError,
    );
    expect(await actions.list(planId)).toEqual([]);
  });

  test('plan ids with characters keys forbid are escaped, not rejected by the service', async () => {
    const planId = 'odd/plan#1?';
    const action = anAction({ planId });
    await actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
    expect((await actions.list(planId)).map((a) => a.value.planId)).toEqual([planId]);
    expect(await actions.list('odd')).toEqual([]);
  });
});

test('a snapshot held in memory is refreshed when another instance changes the plan', async () => {
  const planId = 'two-instances';
  const other = new ActionStore(storage.tables); // a second app instance over the same tables
  const action = anAction({ planId });
  await actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
  expect((await actions.snapshot(planId)).map((v) => v.value.status)).toEqual(['Not started']);
  const current = (await other.get(planId, 'SG-1'))!;
  const changed = { ...current.value, status: 'On track' as const };
  await other.write(planId, [{ action: changed, current, history: aHistoryEntry(changed) }]);
  expect((await actions.snapshot(planId)).map((v) => v.value.status)).toEqual(['On track']);
  const held = await actions.snapshot(planId);
  expect(await actions.snapshot(planId)).toBe(held); // unchanged plan: the same copy, not a new read
});
