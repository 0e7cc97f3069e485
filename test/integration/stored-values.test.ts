import { anAction, aHistoryEntry } from '../support/builders';
import { testStorage } from '../support/storage';
import { actionToEntity } from '../../src/store/action-store';
import { UnknownStoredValueError } from '../../src/store/errors';
import { escapeKey } from '../../src/store/keys';

const storage = testStorage();

/** Rows someone edited by hand (or a newer version wrote): an unknown status or channel is reported, never guessed. */
describe('values read from storage', () => {
  test('an action whose stored status is unknown is refused by name; one with none is not started', async () => {
    const planId = 'hand-edited';
    const action = anAction({ planId, ref: 'SG-4', status: 'At risk' });
    await storage.actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
    const { partitionKey, rowKey } = actionToEntity(action, 1);
    const table = await storage.tables.client('actions');

    await table.updateEntity({ partitionKey, rowKey, status: 'Finished' }, 'Merge');
    await expect(storage.actions.get(planId, 'SG-4')).rejects.toThrow(UnknownStoredValueError);
    await expect(storage.actions.get(planId, 'SG-4')).rejects.toMatchObject({
      code: 'unknownValue',
      field: 'status',
      value: 'Finished',
    });

    await table.updateEntity({ partitionKey, rowKey, status: '' }, 'Merge');
    expect((await storage.actions.get(planId, 'SG-4'))?.value.status).toBe('Not started');
  });

  test('a history entry with an unknown channel is refused by name', async () => {
    const planId = 'odd-history';
    const action = anAction({ planId, ref: 'SG-5' });
    await storage.actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
    expect((await storage.actions.history(planId, 'SG-5'))[0].via).toBeDefined();
    const table = await storage.tables.client('actions');
    for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${planId}'` } })) {
      if (row.via !== undefined)
        await table.updateEntity(
          { partitionKey: row.partitionKey!, rowKey: row.rowKey!, via: 'carrier pigeon' },
          'Merge',
        );
    }
    await expect(storage.actions.history(planId, 'SG-5')).rejects.toMatchObject({
      code: 'unknownValue',
      field: 'via',
      value: 'carrier pigeon',
    });
  });

  test('a conversation of an unknown kind is refused by name', async () => {
    const conversationId = 'a:hand-edited-chat';
    await storage.conversations.saveReference({
      conversationId,
      kind: 'personal',
      tenantId: null,
      teamId: null,
      reference: {},
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    expect((await storage.conversations.get(conversationId))?.kind).toBe('personal');
    const table = await storage.tables.client('conversations');
    await table.updateEntity(
      { partitionKey: 'conversation', rowKey: escapeKey(conversationId), kind: 'meeting' },
      'Merge',
    );
    await expect(storage.conversations.get(conversationId)).rejects.toMatchObject({
      code: 'unknownValue',
      field: 'kind',
      value: 'meeting',
    });
  });

  test('a delivery in an unknown state is refused by name, not taken for any state', async () => {
    const runId = 'remind:hand-edited';
    const claimed = await storage.deliveries.claim(runId, 'alexw@example.com', 'me', new Date(), 60_000);
    expect(claimed.claimed).toBe(true);
    const table = await storage.tables.client('deliveries');
    await table.updateEntity(
      { partitionKey: escapeKey(runId), rowKey: escapeKey('alexw@example.com'), state: 'posted' },
      'Merge',
    );
    await expect(storage.deliveries.get(runId, 'alexw@example.com')).rejects.toMatchObject({
      code: 'unknownValue',
      field: 'state',
      value: 'posted',
    });
  });
});
