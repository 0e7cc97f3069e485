import { renderCard } from '../../src/cards/render';
import { newPlan } from '../../src/domain/plan';
import { Status } from '../../src/domain/types';
import { ChatService } from '../../src/services/chat/chat-service';
import { answerConfirmPress } from '../../src/services/chat/confirm-press';
import { Incoming, Reply } from '../../src/services/chat/types';
import { anAction, aHistoryEntry } from '../support/builders';
import { cardProblems, cardText } from '../support/card-validation';
import { loadCorpus } from '../support/corpus';
import { testStorage } from '../support/storage';
import { Storage } from '../../src/store/open-storage';

/**
 * The corpus plan and people in real storage, driven through the chat service: messages that ask for
 * no change write nothing; questions are answered, with the change offered as Yes/No buttons whose
 * messages go through the same path as typing; one message carries its status, reason and evidence.
 */
const corpus = loadCorpus();
const PLAN = 'corpus-safety';
const NOW = new Date('2026-11-30T10:00:00Z');
/** Each test has storage of its own with the corpus plan freshly written, so no test meets another's changes. */
let storage: Storage;
let chat: ChatService;
let conversation = 0;

async function send(text: string, email: string, conversationId = `c-${++conversation}`): Promise<Reply[]> {
  const person = corpus.people.find((p) => p.email === email);
  const incoming: Incoming = {
    text,
    conversation: { id: conversationId, kind: 'personal' },
    user: { id: `id-${email}`, email, name: person?.name ?? null },
    now: NOW,
  };
  return chat.handle(incoming);
}
const readable = (reply: Reply): string =>
  reply.kind === 'text' ? reply.text : cardText(renderCard(reply.card, reply.data));
interface Button {
  verb: string;
  data: { planId: string; text: string };
}
/** A confirm card's buttons (Action.Execute, as the Agents Playground and Teams send them), by title. */
function buttons(reply: Reply): Record<string, Button> {
  const card = renderCard(reply.kind === 'card' ? reply.card : 'confirm', reply.kind === 'card' ? reply.data : {});
  expect(cardProblems(card)).toEqual([]);
  const actions = (card.actions ?? []) as ({ type: string; title: string } & Button)[];
  expect(actions.every((a) => a.type === 'Action.Execute')).toBe(true);
  return Object.fromEntries(actions.map((a) => [a.title, { verb: a.verb, data: a.data }]));
}
/** Presses a button as `email`, in a conversation of its own unless given. */
async function press(button: Button, email: string, conversationId = `c-${++conversation}`): Promise<Reply[]> {
  const person = corpus.people.find((p) => p.email === email);
  const incoming = {
    conversation: { id: conversationId, kind: 'personal' as const },
    user: { id: `id-${email}`, email, name: person?.name ?? null },
    now: NOW,
  };
  return answerConfirmPress(storage, chat, { verb: button.verb, data: button.data, incoming });
}
const etags = async () => new Map((await storage.actions.list(PLAN)).map((v) => [v.value.ref, v.etag]));
const stored = async (ref: string) => (await storage.actions.get(PLAN, ref))!.value;

beforeEach(async () => {
  storage = testStorage();
  chat = new ChatService(storage, 'Europe/London');
  await storage.plans.save(newPlan({ id: PLAN, title: corpus.plan.title, baselineDate: '2026-06-01' }));
  for (const p of corpus.people.filter((p) => p.role !== 'owner')) await storage.roles.grant(PLAN, p.email, p.role);
  const actions = corpus.plan.actions.map((a) =>
    anAction({
      planId: PLAN,
      ref: a.ref,
      title: a.title,
      theme: a.theme,
      status: a.status as Status,
      originalDueDate: a.due,
      owner: {
        email: a.owner,
        displayName: corpus.people.find((p) => p.email === a.owner)?.name ?? null,
        aadObjectId: null,
      },
      dateRequest: a.requestedDue
        ? { date: a.requestedDue, reason: 'asked for', by: a.owner, at: '2026-11-20T09:00:00Z' }
        : null,
    }),
  );
  await storage.actions.write(
    PLAN,
    actions.map((action) => ({ action, history: aHistoryEntry(action) })),
  );
});

describe('messages that ask for no change change nothing', () => {
  const safe = corpus.messages.filter((m) => ['no-change', 'status-question', 'unclear'].includes(m.meaning.intent));
  test(`${safe.length} questions, negations, reported speech, conditionals, complaints and unclear messages`, async () => {
    const before = await etags();
    for (const m of safe) await send(m.text, m.as);
    expect(await etags()).toEqual(before);
  });
});

describe('a question is answered, and the change it names is offered', () => {
  test('"6a done?" shows 6(a) and asks; Yes marks it complete through the typed path', async () => {
    const replies = await send('6a done?', 'dan.okafor@council.example');
    expect(readable(replies[0])).toContain('Audit 30 child protection plans each month');
    expect(readable(replies[1])).toContain('Do you want me to mark 6(a) complete?');
    const { Yes, No } = buttons(replies[1]);
    const before = await etags();
    expect(Yes).toEqual({ verb: 'confirm', data: { planId: PLAN, text: 'mark 6(a) complete' } });
    expect(readable((await press(No, 'dan.okafor@council.example'))[0])).toBe('OK, nothing changed.');
    expect(await etags()).toEqual(before);
    // Someone else pressing Yes (a forwarded or forged card) is refused as if they had typed it.
    expect(readable((await press(Yes, 'priya.shah@council.example'))[0])).toMatch(/Only the action’s owner/);
    expect(await etags()).toEqual(before);
    expect(readable((await press(Yes, 'dan.okafor@council.example'))[0])).toMatch(/6\(a\)/);
    expect((await stored('6(a)')).status).toBe('Complete');
  });

  test('a forged Yes is checked: only offered changes, only plans the presser may read', async () => {
    const before = await etags();
    const forged = (data: object) =>
      press({ verb: 'confirm', data: data as Button['data'] }, 'dan.okafor@council.example');
    expect(readable((await forged({ planId: PLAN, text: 'use plan other-plan here' }))[0])).toMatch(/older card/);
    expect(readable((await forged({ planId: PLAN, text: 'my actions' }))[0])).toMatch(/older card/);
    expect(readable((await forged({ planId: PLAN }))[0])).toMatch(/older card/);
    expect(readable((await forged({ planId: 'no-such-plan', text: 'mark 6(a) on track' }))[0])).toMatch(
      /nothing was shown or changed/,
    );
    expect(
      readable(
        (
          await press(
            { verb: 'confirm', data: { planId: PLAN, text: 'mark 6(a) on track' } },
            'stranger@elsewhere.example',
          )
        )[0],
      ),
    ).toMatch(/nothing was shown or changed/);
    expect(await etags()).toEqual(before);
  });

  test.each([
    ['3(a) complete i think, we sent the audits out last week'],
    ['3(a) done, not sure though'],
    ['3(a) complete maybe'],
    ['3(a) probably done'],
  ])('an unsure %j changes nothing and offers the change', async (message) => {
    const before = await etags();
    const replies = await send(message, 'dan.okafor@council.example');
    expect(await etags()).toEqual(before);
    expect(readable(replies[0])).toContain('Run monthly case file audits');
    expect(readable(replies[1])).toContain('Do you want me to mark 3(a) complete?');
    expect(buttons(replies[1]).Yes).toEqual({
      verb: 'confirm',
      data: expect.objectContaining({ text: 'mark 3(a) complete' }),
    });
  });

  test('what ought to be so ("3(a) should be done by now") changes nothing and offers nothing', async () => {
    const before = await etags();
    const replies = await send('3(a) should be done by now', 'dan.okafor@council.example');
    expect(await etags()).toEqual(before);
    expect(replies.map(readable)).toEqual([expect.stringContaining('Run monthly case file audits')]);
  });

  test('a chair asking is not offered an owner’s change', async () => {
    const replies = await send('is 3(a) on track?', 'margaret.hall@council.example');
    expect(replies).toHaveLength(1);
    expect(readable(replies[0])).toContain('Run monthly case file audits');
  });

  test('"3 red" asks delayed or at risk, keeping the reason', async () => {
    const replies = await send('3 red - no applicants for the re-advert', 'priya.shah@council.example');
    expect(readable(replies[0])).toContain('Red means delayed or at risk. Which is 3?');
    const offered = (text: string) => ({ verb: 'confirm', data: { planId: PLAN, text } });
    expect(buttons(replies[0])).toEqual({
      Delayed: offered('3 delayed because no applicants for the re-advert'),
      'At risk': offered('3 at risk: no applicants for the re-advert'),
      Neither: { verb: 'dismiss', data: { planId: PLAN, text: '' } },
    });
    await press(buttons(replies[0])['At risk'], 'priya.shah@council.example');
    expect((await stored('3')).latestUpdate?.text).toBe('no applicants for the re-advert');
  });
});

describe('one message, everything in it', () => {
  test('a status with evidence records both', async () => {
    await send(
      'AFI-2 complete - evidence: https://council.sharepoint.com/sites/CSC-QA/supervision-audit-Q3.pdf',
      'dan.okafor@council.example',
    );
    const action = await stored('AFI-2');
    expect(action.status).toBe('Complete');
    expect(action.evidence.map((e) => e.url)).toEqual([
      'https://council.sharepoint.com/sites/CSC-QA/supervision-audit-Q3.pdf',
    ]);
  });

  test('a reason with the status the action already has is its latest update', async () => {
    const [reply] = await send('IP-2 at risk: waiting for the laptops', 'lisa.moran@council.example');
    expect(readable(reply)).toContain('IP-2 is still at risk; your update is recorded.');
    expect((await stored('IP-2')).latestUpdate?.text).toBe('waiting for the laptops');
  });

  test('"needs another 2 weeks" asks two weeks from the current due date', async () => {
    await send('4(a) needs another 2 weeks - agency staff start late', 'priya.shah@council.example');
    expect((await stored('4(a)')).dateRequest).toMatchObject({ date: '2026-12-28', reason: 'agency staff start late' });
  });

  test('a delay with a new date mid-sentence and a reason', async () => {
    await send('ip2 delayed - laptops stuck at the supplier, new date w/c 11 Jan', 'lisa.moran@council.example');
    expect((await stored('IP-2')).dateRequest).toMatchObject({
      date: '2027-01-11',
      reason: 'laptops stuck at the supplier',
    });
  });
});

describe('help that teaches', () => {
  test('help shows the commands for the person’s role', async () => {
    const owner = readable((await send('help', 'jo.evans@council.example'))[0]);
    const chair = readable((await send('help', 'david.price@council.example'))[0]);
    // The examples are about the person's own actions (Jo's first open one is 5(a)), and a decision about one they
    // do not own, since nobody decides on their own.
    expect(owner).toContain('5(a) done');
    expect(owner).not.toContain('sign off');
    expect(chair).toContain('sign off 1a');
    expect(chair).not.toContain('use plan ofsted-2011 here');
  });

  test('a message it cannot read gets the closest commands', async () => {
    const [reply] = await send('gimme teh proof thingy', 'jo.evans@council.example');
    expect(readable(reply)).toContain('The closest commands: "evidence 5(a) https://…"');
  });

  test('a rambling question it cannot read is pointed at questions before changes', async () => {
    const [reply] = await send(
      'so where are we with all the safeguarding stuff, are we behind on the dates or what?',
      'jo.evans@council.example',
    );
    expect(readable(reply)).toContain('The closest commands: "what\'s overdue" or "show 5(a)" or "5(a) delayed to');
  });
});
