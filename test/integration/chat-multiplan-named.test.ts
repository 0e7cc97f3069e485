/**
 * Replies that name the plan when a ref repeats across the plans a person reads (test/fixtures/multiplan): after
 * "which plan?" is answered, by a button or in words; in a chat bound to one plan, for a ref that is only in another;
 * and for a bare number in several of the person's plans. Through the real chat service over Azurite.
 */
import { answerConfirmPress } from '../../src/services/chat/confirm-press';
import { ChatService } from '../../src/services/chat/chat-service';
import { Incoming } from '../../src/services/chat/types';
import { importPlan } from '../../src/services/import-plan';
import { Storage } from '../../src/store/open-storage';
import { readable } from '../support/chat';
import {
  AUDIT,
  buttonsOf,
  importMultiplan,
  incomingFrom,
  MULTIPLAN_NOW,
  pressAs,
  SEND,
  YJ,
} from '../support/multiplan';
import { testStorage } from '../support/storage';

jest.setTimeout(60_000);

const PATTI = 'pattif@example.com';
const LYNNE = 'lynner@example.com';
const ISAIAH = 'isaiah@example.com';

let storage: Storage;
let chat: ChatService;
beforeEach(async () => {
  storage = testStorage();
  chat = new ChatService(storage, 'Europe/London');
  await importMultiplan(storage);
});

const say = async (text: string, email: string, where?: Incoming['conversation']) =>
  (await chat.handle(incomingFrom(text, email, where))).map(readable);
const press = (email: string, button: { verb: string; planId: string; text: string }) =>
  pressAs(storage, chat, email, button);
const etag = async (planId: string, ref: string) => (await storage.actions.get(planId, ref))!.etag;
const PLAN_FACT = (plan: { id: string; title: string }) => `Plan\n${plan.title} (${plan.id})`;

describe('after "which plan?" is answered, the reply names the plan chosen', () => {
  test('by a button: the card names the plan, and its summary too', async () => {
    const [question] = await chat.handle(incomingFrom('R3 done', PATTI));
    const send = buttonsOf(question).find((b) => b.planId === SEND.id)!;
    const { conversation, user, now } = incomingFrom('', PATTI);
    const data = { planId: send.planId, text: send.text };
    const [reply] = await answerConfirmPress(storage, chat, {
      verb: 'confirm',
      data,
      incoming: { conversation, user, now },
    });
    expect(reply).toMatchObject({
      kind: 'card',
      summary: expect.stringMatching(/^SEND Written Statement of Action: R3 is now complete/),
    });
    expect(readable(reply)).toContain(PLAN_FACT(SEND));
    expect(readable(reply)).not.toMatch(/audit/i);
  });

  test('in words: the card names the plan typed', async () => {
    await say('R3 at risk: panel capacity', PATTI);
    const [reply] = await say('the audit one', PATTI);
    expect(reply).toMatch(/^R3 is now at risk/);
    expect(reply).toContain(PLAN_FACT(AUDIT));
  });

  test('a refusal in words after a button names the plan too', async () => {
    const [question] = await chat.handle(incomingFrom('R3 on track', PATTI));
    const audit = buttonsOf(question).find((b) => b.planId === AUDIT.id)!;
    expect(await press(PATTI, audit)).toEqual([expect.stringMatching(/^Internal audit recommendations: .*R3/)]);
  });

  test('a reply about an action whose ref is in no other plan the person reads names no plan', async () => {
    const [shown] = await say('show 5', PATTI);
    expect(shown).toMatch(/Complete quarterly case file audits/);
    expect(shown).not.toContain('Plan\n');
  });
});

describe('in a chat bound to one plan, a ref that is only in another plan the person reads', () => {
  const group = { id: '19:yj-board@thread.v2', kind: 'groupChat' as const };
  beforeEach(() => storage.conversations.bindPlan(group.id, YJ.id));

  test('says which plan it is in and how to ask for it, and asking that way shows it', async () => {
    expect(await say('show 5', PATTI, group)).toEqual([
      `5 isn’t in ${YJ.title}, the plan this chat uses. It is in ${AUDIT.title} (audit-recs). To ask for it here, put the plan’s id before the ref, for example: show audit-recs/5`,
    ]);
    const [shown] = await say('show audit-recs/5', PATTI, group);
    expect(shown).toMatch(/Complete quarterly case file audits/);
  });

  test('a change is not made in the other plan, but the way to make it is given', async () => {
    const before = await etag(AUDIT.id, '5');
    const [reply] = await say('5 at risk: no auditors', PATTI, group);
    expect(reply).toContain('for example: audit-recs/5 at risk: no auditors');
    expect(await etag(AUDIT.id, '5')).toBe(before);
    expect(await say('audit-recs/5 at risk: no auditors', PATTI, group)).toEqual([
      expect.stringMatching(/^5 is now at risk/),
    ]);
    expect(await etag(AUDIT.id, '5')).not.toBe(before);
  });

  test('someone who cannot read the other plan gets today’s reply, and the plan is not named', async () => {
    // Lynne reads the SEND and youth justice plans, not the audit plan.
    const replies = [...(await say('show 5', LYNNE, group)), ...(await say('show audit-recs/5', LYNNE, group))];
    expect(replies[0]).toBe('I can’t find an action 5. Type "my actions" to see yours.');
    expect(replies.join('\n')).not.toMatch(/audit|quarterly/i);
  });

  test('a ref in the bound plan is answered there, as before', async () => {
    const [shown] = await say('show R3', ISAIAH, group);
    expect(shown).toMatch(/^R3\n/);
    expect(shown).not.toMatch(/isn’t in/);
  });
});

test('a bare number in two of the person’s plans asks which, naming both, and changes nothing', async () => {
  const extra = { id: 'school-place', title: 'School place planning' };
  const rows = [
    'ref,theme,action,owner,due,status',
    '5,Places,Open the new resource base,pattif@example.com,31/01/2027,On track',
  ];
  const report = await importPlan(storage, {
    planId: extra.id,
    title: extra.title,
    file: { name: 'places.csv', bytes: new TextEncoder().encode(rows.join('\n')) },
    baseline: '2026-06-01',
    by: 'meganb@example.com',
    now: MULTIPLAN_NOW,
    today: '2026-12-01',
  });
  expect(report.errors).toEqual([]);
  const before = [await etag(AUDIT.id, '5'), await etag(extra.id, '5')];
  const [question] = await chat.handle(incomingFrom('action 5 done', PATTI));
  expect(readable(question)).toContain('Action 5 is in 2 of your plans. Which plan do you mean?');
  expect(buttonsOf(question).map((b) => [b.title, b.planId])).toEqual([
    [AUDIT.title, AUDIT.id],
    [extra.title, extra.id],
    ['Cancel', AUDIT.id],
  ]);
  expect([await etag(AUDIT.id, '5'), await etag(extra.id, '5')]).toEqual(before);
  const [done] = await say('school place', PATTI);
  expect(done).toMatch(/^5 is now complete/);
  expect(done).toContain(PLAN_FACT(extra));
  expect(await etag(AUDIT.id, '5')).toBe(before[0]);
});
