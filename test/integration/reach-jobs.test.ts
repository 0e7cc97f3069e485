import { todayIn } from '../../src/domain/calendar';
import { remindersByOwner } from '../../src/domain/reminders';
import { dateRequested } from '../../src/domain/notifications';
import { deliverOutbox } from '../../src/notifications/deliver-outbox';
import { runReminders } from '../../src/jobs/remind';
import { DEMO_PEOPLE, DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { MAX_MESSAGE_BYTES } from '../support/fake-connector';
import { saveNoteWith } from '../support/outbox';
import { BotHarness, personalChat, startBotHarness, TENANT } from '../support/bot-harness';

/**
 * Reaching owners through the connector stand-in, which answers as Teams
 * does: new chats need the tenant, a deleted chat is 404, a blocked bot 403,
 * a message over 40 KB (UTF-16) 413.
 */
let h: BotHarness;
let owed: string[];
const LEASE = { leaseMs: 2000 };
const card = (text = 'hello') => ({
  card: { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text }] },
  summary: 'test',
});
const demo = (email: string) => DEMO_PEOPLE.find((p) => p.email === email)!;

beforeAll(async () => {
  h = await startBotHarness({ linkPeople: true });
  const actions = (await h.storage.actions.snapshot(DEMO_PLAN_ID)).map((v) => v.value);
  owed = [...remindersByOwner(actions, todayIn(new Date())).keys()].filter((e) => e !== 'lynner@example.com').sort();
});
afterAll(() => h.stop());

const remind = () => runReminders(h.deps(), { planId: DEMO_PLAN_ID, now: new Date(), force: true }, LEASE);

test('an owner met in a team but never in a personal chat gets one opened, with the tenant, through the service where they were met', async () => {
  const email = owed[0];
  const who = demo(email);
  const emea = `${h.connector.url}/emea/`;
  await h.storage.people.link({
    email,
    personalChat: null,
    tenantId: TENANT,
    serviceUrl: emea,
    updatedAt: new Date().toISOString(),
  });
  const before = h.connector.created.length;
  const report = await remind();
  expect(report.recipients.find((r) => r.key === email)).toMatchObject({ outcome: 'sent' });
  const created = h.connector.created.slice(before);
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({
    region: 'emea',
    conversationId: `a:personal-${who.teamsUserId}`,
    parameters: {
      isGroup: false,
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
      members: [{ id: who.teamsUserId }],
    },
  });
  await h.connector.next((s) => s.conversationId === `a:personal-${who.teamsUserId}`);
  // The new chat is kept, so next week's card goes straight there.
  const person = await h.storage.people.byEmail(email);
  expect(person?.personalChat).toMatchObject({ conversation: { id: `a:personal-${who.teamsUserId}` } });
  const again = h.connector.created.length;
  await remind();
  expect(h.connector.created.length).toBe(again);
});

test('the connector refuses a new chat without the tenant (400), and the sender takes that as final', async () => {
  const before = h.connector.created.length;
  const result = await h
    .deps()
    .sender.send({ kind: 'person', teamsUserId: 'user-id-1', tenantId: '', serviceUrl: h.connector.url }, card());
  expect(result).toMatchObject({ ok: false, outcome: 'refused', reason: 'bad-request', attempts: 1 });
  expect(h.connector.created.slice(before)).toHaveLength(1);
});

test('a 404 on a stored personal chat (the person deleted it) opens a new one before anyone is called unreachable', async () => {
  const email = owed[1];
  const who = demo(email);
  await h.storage.people.link({
    email,
    personalChat: personalChat(h.connector.url, who.teamsUserId),
    updatedAt: new Date().toISOString(),
  });
  h.connector.deleteConversation(`a:personal-${who.teamsUserId}`);
  const report = await remind();
  expect(report.recipients.find((r) => r.key === email)).toMatchObject({ outcome: 'sent' });
  await h.connector.next((s) => s.conversationId === `a:personal-${who.teamsUserId}-2`);
  expect((await h.storage.people.byEmail(email))?.personalChat).toMatchObject({
    conversation: { id: `a:personal-${who.teamsUserId}-2` },
  });
});

test('a 404 that cannot be reopened, because the person blocked the bot, is unreachable (blocked), final for the run', async () => {
  const email = owed[2];
  const who = demo(email);
  h.connector.deleteConversation(`a:personal-${who.teamsUserId}`);
  h.connector.blocked.add(who.teamsUserId);
  const report = await remind();
  h.connector.blocked.delete(who.teamsUserId);
  expect(report.recipients.find((r) => r.key === email)).toMatchObject({ outcome: 'unreachable', reason: 'blocked' });
  expect((await h.storage.people.byEmail(email))?.unreachable).toBe('blocked');
  expect(await h.storage.deliveries.isComplete(report.runId)).toBe(true);
});

test('a 404 with nothing to reopen it by is unreachable: the chat has gone', async () => {
  h.connector.deleteConversation('a:personal-user-id-gone');
  const result = await h
    .deps()
    .sender.send(
      { kind: 'conversation', reference: personalChat(h.connector.url, 'user-id-gone'), reopen: null },
      card(),
    );
  expect(result).toMatchObject({ ok: false, outcome: 'unreachable', reason: 'chat-gone' });
});

test('a message over 40 KB counted as UTF-16 is refused with 413, once, not retried', async () => {
  const who = demo(owed[0]);
  const reference = personalChat(h.connector.url, who.teamsUserId);
  // 21,000 characters of text: about 21 KB as UTF-8, over 40 KB as UTF-16.
  const big = card('x'.repeat(MAX_MESSAGE_BYTES / 2));
  const result = await h.deps().sender.send({ kind: 'conversation', reference }, big);
  expect(result).toMatchObject({ ok: false, outcome: 'refused', reason: 'too-large', attempts: 1 });
  const fits = await h
    .deps()
    .sender.send({ kind: 'conversation', reference }, card('x'.repeat(MAX_MESSAGE_BYTES / 2 - 2000)));
  expect(fits).toMatchObject({ ok: true });
});

test('a chair or executive met only in a team is sent the decisions card in a chat opened for them, which is then kept', async () => {
  await h.storage.people.link({
    email: 'adelev@example.com',
    personalChat: null,
    unreachable: null,
    tenantId: TENANT,
    serviceUrl: h.connector.url,
    updatedAt: new Date().toISOString(),
  });
  const before = h.connector.created.length;
  await saveNoteWith(h.storage, DEMO_PLAN_ID, 'SG-4', (after) => [dateRequested(after)]);
  await deliverOutbox(h.deps(), { leaseMs: 2000 });
  const opened = h.connector.created
    .slice(before)
    .filter((c) => JSON.stringify(c.parameters.members).includes('"user-id-2"'));
  expect(opened).toHaveLength(1);
  expect(opened[0].parameters).toMatchObject({ tenantId: TENANT, channelData: { tenant: { id: TENANT } } });
  await h.connector.next((s) => s.conversationId === opened[0].conversationId);
  expect((await h.storage.people.byEmail('adelev@example.com'))?.personalChat).toMatchObject({
    conversation: { id: opened[0].conversationId },
  });
});
