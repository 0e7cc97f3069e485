/**
 * Three plans a council runs at once, imported from files in the shapes a tester brought (refs "1.1", "R3",
 * "Rec 4(ii)"), that reuse refs: R3 is Patti's in the SEND plan and in the audit plan, and Isaiah's in the youth
 * justice plan; 1.1 is Alex's, Lynne's and Patti's. Everything goes through the real chat service over Azurite,
 * and a "which plan?" button is pressed through the same path Teams' invoke takes (confirm-press).
 */
import { ChatService } from '../../src/services/chat/chat-service';
import { Reply } from '../../src/services/chat/types';
import { Storage } from '../../src/store/open-storage';
import { readable } from '../support/chat';
import { AUDIT, buttonsOf, importMultiplan, incomingFrom as incoming, pressAs, SEND, YJ } from '../support/multiplan';
import { testStorage } from '../support/storage';

jest.setTimeout(60_000);

const PATTI = 'pattif@example.com';
const ISAIAH = 'isaiah@example.com';
const LYNNE = 'lynner@example.com';
const ALEX = 'alexw@example.com';

let storage: Storage;
let chat: ChatService;

beforeEach(async () => {
  storage = testStorage();
  chat = new ChatService(storage, 'Europe/London');
  await importMultiplan(storage);
});

const replies = (text: string, email: string): Promise<Reply[]> => chat.handle(incoming(text, email));
const say = async (text: string, email: string) => (await replies(text, email)).map(readable);

const press = (email: string, button: { verb: string; planId: string; text: string }) =>
  pressAs(storage, chat, email, button);

const r3 = async (planId: string) => (await storage.actions.get(planId, 'R3'))!;
const etags = async () => Promise.all([SEND, YJ, AUDIT].map(async (p) => (await r3(p.id)).etag));

describe('a ref in more than one plan, typed in a personal chat', () => {
  test('the question names the action as the plans write it, not as typed', async () => {
    const [reply] = await replies('r3 at risk: panel capacity', PATTI);
    expect(readable(reply)).toContain('R3 is in 2 of your plans. Which plan do you mean?');
  });

  test('an owner of R3 in two plans is asked which, one button per plan by title; nothing changes until one is pressed', async () => {
    const before = await etags();
    const [reply, ...more] = await replies('R3 at risk: panel capacity', PATTI);
    expect(more).toEqual([]);
    expect(readable(reply)).toContain('R3 is in 2 of your plans. Which plan do you mean?');
    expect(readable(reply)).toContain('audit-recs/R3 at risk: panel capacity');
    const buttons = buttonsOf(reply);
    // Patti reads the youth justice plan too (Rec 9(iii) is hers), but its R3 is Isaiah's: not offered.
    expect(buttons.map((b) => [b.title, b.planId])).toEqual([
      [AUDIT.title, AUDIT.id],
      [SEND.title, SEND.id],
      ['Cancel', AUDIT.id],
    ]);
    expect(await etags()).toEqual(before);

    const pressed = await press(PATTI, buttons[0]);
    expect(pressed.join('\n')).toMatch(/R3 is now at risk/);
    expect((await r3(AUDIT.id)).value).toMatchObject({ status: 'At risk' });
    const [send, yj] = await etags();
    expect([send, yj]).toEqual(before.slice(0, 2));
    const history = await storage.actions.history(AUDIT.id, 'R3');
    expect(history[0]).toMatchObject({ by: PATTI, via: 'chat' });
    expect(JSON.stringify(history[0])).toContain('panel capacity');
  });

  test('a plan named at the end of a note is kept as part of the note, and the plan is asked for', async () => {
    const [reply] = await replies('note R3 agreed in the SEND plan', PATTI);
    const send = buttonsOf(reply).find((b) => b.planId === SEND.id)!;
    expect(send.text).toBe('note R3 agreed in the SEND plan');
    expect((await press(PATTI, send)).join('\n')).toMatch(/Note added to R3/);
    expect(JSON.stringify((await storage.actions.history(SEND.id, 'R3'))[0])).toContain('agreed in the SEND plan');
  });

  test.each([
    ['SEND', SEND.id],
    ['the audit one', AUDIT.id],
    ['the SEND plan please', SEND.id],
    ['send-wsoa', SEND.id],
    ['the second', SEND.id],
    ['1', AUDIT.id],
  ])('the plan typed in answer (%j) presses its button', async (answer, planId) => {
    const before = await etags();
    await replies('R3 done', PATTI);
    expect(await say('thanks', PATTI)).toHaveLength(1); // small talk leaves the question waiting
    expect((await say(answer, PATTI)).join('\n')).toMatch(/R3 is now complete/);
    const after = await etags();
    expect([SEND, YJ, AUDIT].map((p, i) => [p.id, after[i] !== before[i]])).toEqual(
      [SEND, YJ, AUDIT].map((p) => [p.id, p.id === planId]),
    );
  });

  test('an answer naming a plan not offered, or another message, presses nothing', async () => {
    const before = await etags();
    await replies('R3 done', PATTI);
    // The youth justice plan is one Patti reads, but its R3 is not hers: it was not offered.
    expect((await say('youth justice', PATTI)).join('\n')).not.toMatch(/R3 is now/);
    await replies('R3 done', PATTI);
    expect((await say('my actions', PATTI)).join('\n')).toMatch(/Your actions/);
    expect((await say('SEND', PATTI)).join('\n')).not.toMatch(/R3 is now/);
    expect(await etags()).toEqual(before);
  });

  test('Cancel changes nothing', async () => {
    const before = await etags();
    const [reply] = await replies('R3 done', PATTI);
    const cancel = buttonsOf(reply).find((b) => b.title === 'Cancel')!;
    expect(await press(PATTI, cancel)).toEqual(['OK, nothing changed.']);
    // And typing a plan afterwards no longer answers the question set aside.
    expect((await say('SEND', PATTI)).join('\n')).not.toMatch(/R3 is now/);
    expect(await etags()).toEqual(before);
  });

  test('someone who owns R3 in only one of the plans they read changes that one, without being asked', async () => {
    const before = await etags();
    const [reply] = await say('R3 at risk: waiting for the schools data', ISAIAH);
    expect(reply).toMatch(/R3 is now at risk/);
    expect((await r3(YJ.id)).value.status).toBe('At risk');
    const [send, , audit] = await etags();
    expect([send, audit]).toEqual([before[0], before[2]]);
  });

  test.each([
    ['send-wsoa/R3 on track', SEND.id, 'on track'],
    ['SEND-WSOA/R3 on track', SEND.id, 'on track'],
    ['R3 in the SEND plan on track', SEND.id, 'on track'],
    ['audit-recs/R3 at risk: panel capacity', AUDIT.id, 'at risk'],
    ['R3 in the audit plan: at risk', AUDIT.id, 'at risk'],
  ])('%j names the plan, and changes only its R3', async (text, planId, status) => {
    const before = await etags();
    const [reply] = await say(text, PATTI);
    expect(reply).toContain(`R3 is now ${status}`);
    const after = await etags();
    expect([SEND, YJ, AUDIT].map((p, i) => [p.id, after[i] !== before[i]])).toEqual(
      [SEND, YJ, AUDIT].map((p) => [p.id, p.id === planId]),
    );
  });

  test('a read of a ref in several plans asks which, and lists only plans the person may read', async () => {
    // Lynne reads the SEND plan (A.2.1) and the youth justice plan (6.1, 1.1), not the audit plan.
    const [reply] = await replies('show 1.1', LYNNE);
    const buttons = buttonsOf(reply);
    expect(buttons.map((b) => b.title)).toEqual([SEND.title, YJ.title, 'Cancel']);
    expect(readable(reply)).not.toMatch(/audit/i);
    const shown = await press(LYNNE, buttons[1]);
    expect(shown.join('\n')).toMatch(/Agree the YOT partnership board terms of reference/);
    // A plan she cannot read is not named by its id either: it is just words.
    const [guess] = await say('show audit-recs/1.1', LYNNE);
    expect(guess).not.toMatch(/Internal audit|section 151/);
    expect(await say("what's overdue in the audit plan?", LYNNE)).toEqual([
      expect.not.stringMatching(/Internal audit|section 151/),
    ]);
  });

  test('a chair of one plan who approves in another is refused, naming the plan he does not chair', async () => {
    await say('R3 in the SEND plan delayed to 31/03/2027 because the panel was cancelled', PATTI);
    expect((await r3(SEND.id)).value.dateRequest).toMatchObject({ date: '2027-03-31' });
    const before = await etags();
    expect(await say('approve send-wsoa/R3', ALEX)).toEqual([
      'Only a chair, an executive or an administrator can approve or decline a new date. You are none of those in SEND Written Statement of Action.',
    ]);
    // Untyped, R3 means the one he may decide on: the youth justice plan's, which has nothing waiting.
    expect(await say('approve R3', ALEX)).toEqual(['R3 has no new date waiting for a decision.']);
    expect(await etags()).toEqual(before);
  });
});

describe('lists and questions across plans', () => {
  test('"my actions" names each action’s plan when they are in more than one', async () => {
    const [list] = await say('my actions', LYNNE);
    expect(list).toMatch(/3 actions in 2 plans/);
    expect(list).toMatch(/SEND Written Statement of Action · Due 30 Sep 2026/);
    expect(list).toMatch(/Youth Justice improvement plan · Due 30 Nov 2026/);
    const [yj] = await say('my actions in the youth justice plan', LYNNE);
    expect(yj).toMatch(/2 actions · as of/);
    expect(yj).not.toMatch(/A\.2\.1/);
    const [alexs] = await say('my actions', ALEX);
    expect(alexs).not.toMatch(/SEND Written Statement of Action ·/);
  });

  test('"what’s overdue in the SEND plan?" answers for that plan only', async () => {
    const all = await say("what's overdue?", ALEX);
    expect(all).toHaveLength(2);
    const [send, ...others] = await say("what's overdue in the SEND plan?", ALEX);
    expect(others).toEqual([]);
    expect(send).toMatch(/Overdue: SEND Written Statement of Action/);
    expect(send).toMatch(/A\.2\.1/);
    expect(await say("what's overdue in youth-justice", ALEX)).toEqual([
      expect.stringMatching(/Overdue: Youth Justice improvement plan/),
    ]);
  });

  test('a ref suggested for a typo is suggested once, not once per plan', async () => {
    expect((await say('R33 done', PATTI)).join('\n')).not.toMatch(/R3 or R3/);
  });
});
