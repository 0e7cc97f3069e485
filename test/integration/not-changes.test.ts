import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../../src/domain/command-grammar';
import { projectRoot } from '../../src/project-root';
import { ChatService } from '../../src/services/chat/chat-service';
import { importPlan } from '../../src/services/import-plan';
import type { Reply } from '../../src/services/chat/types';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import type { Storage } from '../../src/store/open-storage';
import { BY_FIRST_NAME, readable } from '../support/chat';
import { testStorage } from '../support/storage';

/**
 * test/fixtures/not-changes.txt, written before the grammar was read: plans, questions whether one may, hearsay,
 * part-done and expectations in the words of a change, and clear changes in the same words. Each message goes
 * through the chat service, as typed in Teams, into real storage (Azurite) seeded with the demo plan: a not-change
 * leaves every action and its history as it was and offers no change of status or decision; a clear change makes
 * the change its line names.
 */
const NOW = new Date('2026-11-30T10:00:00Z'); // a Monday
const PEOPLE = BY_FIRST_NAME;
const OUTCOMES = ['none', 'ask', 'Complete', 'On track', 'At risk', 'Delayed', 'Cancelled'] as const;
const DECISIONS = ['signed-off', 'approved', 'declined'] as const;
type Outcome = (typeof OUTCOMES)[number] | (typeof DECISIONS)[number];

interface Line {
  section: 'setup' | 'not changes' | 'changes';
  text: string;
  as: string;
  outcome: Outcome;
}

function readFixture(): Line[] {
  const lines: Line[] = [];
  let section: Line['section'] | null = null;
  for (const raw of readFileSync(join(__dirname, '..', 'fixtures', 'not-changes.txt'), 'utf8').split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const heading = /^\[(setup|not changes|changes)\]$/.exec(raw.trim());
    if (heading) {
      section = heading[1] as Line['section'];
      continue;
    }
    const said = / => as=(\w+) (.+)$/.exec(raw);
    const outcome = [...OUTCOMES, ...DECISIONS].find((o) => o === said?.[2]);
    if (!section || !said || !outcome || !PEOPLE[said[1]]) throw new Error(`Not a corpus line: ${raw}`);
    lines.push({ section, text: raw.slice(0, said.index), as: PEOPLE[said[1]], outcome });
  }
  return lines;
}

const lines = readFixture();
const setup = lines.filter((l) => l.section === 'setup');
const notChanges = lines.filter((l) => l.section === 'not changes');
const changes = lines.filter((l) => l.section === 'changes');

let conversations = 0;
async function send(chat: ChatService, line: Pick<Line, 'text' | 'as'>): Promise<Reply[]> {
  const person = DEMO_PEOPLE.find((p) => p.email === line.as);
  if (!person) throw new Error(`${line.as} is not one of the demo people`);
  return chat.handle({
    text: line.text,
    // A conversation each, so no question one message leaves open is answered by the next.
    conversation: { id: `not-changes-${++conversations}`, kind: 'personal' },
    user: { id: person.teamsUserId, email: person.email, name: person.name },
    now: NOW,
  });
}

/** The changes a reply offers as Yes/No buttons: each button's command, as it would be typed. */
function offered(replies: Reply[]): string[] {
  return replies.flatMap((r) => {
    if (r.kind !== 'card' || r.card !== 'confirm') return [];
    const { choices } = r.data as { choices: { verb: string; text: string }[] };
    return choices.filter((c) => c.verb === 'confirm').map((c) => c.text);
  });
}

/** An offer "none" allows: asking for a new date (nothing is decided or marked by it but the date). */
const asksForDate = (command: string) => parseCommand(command, '2026-11-30').kind === 'delay';

/** A plan numbered 3, 5, 6, 7 as another council's is: test/fixtures/tester3/audit*.csv, and plan.csv's "3". */
const numbered = (planId: string) => `${planId}-numbered`;
const tester3 = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'tester3', name), 'utf8').trim();
const NUMBERED_CSV = [
  tester3('audit.csv'),
  tester3('audit2.csv').split('\n').slice(1).join('\n'),
  '3,Transition to adulthood,Give every young person with an EHCP a preparing-for-adulthood review,pattif@example.com,20/11/2026,On track',
].join('\n');

async function seeded(storage: Storage, planId: string): Promise<ChatService> {
  await seedDemo(storage, projectRoot(), new Date('2026-11-30T09:00:00Z'), planId);
  const file = { name: 'numbered.csv', bytes: new TextEncoder().encode(NUMBERED_CSV) };
  const at = { by: 'admin@example.com', now: NOW, today: '2026-11-30', baseline: '2026-11-01' };
  expect((await importPlan(storage, { ...at, planId: numbered(planId), file })).errors).toEqual([]);
  await storage.roles.grant(numbered(planId), 'meganb@example.com', 'admin');
  const chat = new ChatService(storage, 'Europe/London');
  for (const line of setup) await send(chat, line);
  return chat;
}

test('the corpus is read in full', () => {
  expect([setup.length, notChanges.length, changes.length]).toEqual([4, 103, 26]);
});

describe('a message that is not clearly a change changes nothing, and offers no change of status', () => {
  const storage = testStorage();
  let chat: ChatService;
  const snapshot = async () =>
    new Map(
      (await Promise.all(['not-changes', numbered('not-changes')].map((p) => storage.actions.list(p))))
        .flat()
        .map((v) => [`${v.value.planId}/${v.value.ref}`, v.etag] as const),
    );
  const left: string[] = [];
  /** Safe, but not understood: the person is told so, and shown the closest commands. */
  const understoodNot: string[] = [];

  beforeAll(async () => {
    chat = await seeded(storage, 'not-changes');
  });

  test('the setup left a sign-off and two new dates waiting', async () => {
    const stored = async (ref: string) => (await storage.actions.get('not-changes', ref))!.value;
    expect((await stored('SG-6')).status).toBe('Complete');
    expect((await stored('SG-13')).dateRequest?.date).toBe('2027-03-31');
    expect((await stored('SG-12')).dateRequest?.date).toBe('2027-03-31');
  });

  test.each(notChanges.map((l) => [l.text, l] as const))('%s', async (_, line) => {
    const before = await snapshot();
    const replies = await send(chat, line);
    expect(await snapshot()).toEqual(before);
    const offers = offered(replies);
    if (line.outcome === 'none') expect({ offers: offers.filter((o) => !asksForDate(o)) }).toEqual({ offers: [] });
    const said = replies.map(readable).join('\n');
    if (process.env.CORPUS_REPLIES) console.log(`${line.text}\n${said}`);
    expect(said).not.toMatch(/\bis now\b|\bis signed off\b|\bapproved\b|\bdeclined\b|\bcancelled\b/);
    left.push(line.text);
    if (/I didn’t understand/.test(said)) understoodNot.push(line.text);
  });

  // After them all: each was answered for what it is (a plan, a question, hearsay, part done), not "I didn't understand".
  test('every one of them is understood', () => {
    expect(understoodNot).toEqual([]);
  });

  afterAll(() =>
    console.log(
      `Not changes: ${left.length} of ${notChanges.length} changed nothing and offered no wrong change; ` +
        `${understoodNot.length} of them not understood:\n  ${understoodNot.join('\n  ')}`,
    ),
  );
});

/** The action after a clear change, as its line says it should be. */
async function expectChange(storage: Storage, planId: string, line: Line): Promise<void> {
  const ref = /\b(?:SG|LAC)-\d+\b/.exec(line.text)?.[0] ?? '';
  const action = (await storage.actions.get(planId, ref))!.value;
  switch (line.outcome) {
    case 'signed-off':
      return expect(action.status).toBe('Signed off');
    case 'approved':
      return expect([action.dateRequest, action.revisedDueDate]).toEqual([null, '2027-03-31']);
    case 'declined':
      return expect([action.dateRequest, action.revisedDueDate === '2027-03-31']).toEqual([null, false]);
    default:
      return expect(action.status).toBe(line.outcome);
  }
}

describe('a clear change in the same words still makes it', () => {
  const made: string[] = [];
  test.each(changes.map((l, i) => [l.text, l, i] as const))('%s', async (_, line, i) => {
    // Storage of its own, so the demo people are in one plan and each change starts from the same register.
    const storage = testStorage();
    const planId = `changes-${i}`;
    const chat = await seeded(storage, planId);
    const replies = await send(chat, line);
    if (process.env.CORPUS_REPLIES) console.log(line.text, replies.map(readable));
    await expectChange(storage, planId, line);
    made.push(line.text);
  });
  afterAll(() => console.log(`Clear changes: ${made.length} of ${changes.length} made as meant`));
});

describe('the reply says why nothing changed and, to those who may, how to make the change', () => {
  const storage = testStorage();
  let chat: ChatService;
  beforeAll(async () => {
    chat = await seeded(storage, 'not-change-replies');
  });
  const reply = async (text: string, as: string) => (await send(chat, { text, as: PEOPLE[as] })).map(readable);

  test.each([
    [
      'SG-8 done by end of January',
      'alex',
      'If SG-8’s date should move to 31 Jan 2027, send: SG-8 delayed to 31/01/2027 because …',
    ],
    ['SG-9 done by 31/12', 'patti', 'That is before its due date (5 Jan 2027). When it’s done, send: SG-9 done'],
    ['SG-11 finished next week', 'patti', 'When it’s done, send: SG-11 done'],
    ['can I sign off SG-6?', 'alex', 'That reads as a question, so nothing was decided. You can: send sign off SG-6'],
    ['can I decline SG-12?', 'adele', 'You can: send decline SG-12 because …'],
    ['can I sign off SG-6?', 'patti', 'Only a chair, an executive or an administrator can sign off an action.'],
    ['can I sign off LAC-7?', 'alex', 'You own LAC-7, so another chair, executive or administrator must sign it off.'],
    ['can I approve SG-5?', 'alex', 'SG-5 has nothing waiting for a decision.'],
    ['can I mark SG-9 complete?', 'megan', 'You can: send SG-9 done'],
    [
      'can I mark SG-9 complete?',
      'isaiah',
      'Only the action’s owner (Patti Fernandez) or an administrator can change SG-9.',
    ],
    [
      'LAC-5 complete apart from the leaflet',
      'isaiah',
      'When all of it is done, send: LAC-5 done. To record progress now: note LAC-5 …',
    ],
    [
      'Lynne says SG-7 is complete',
      'megan',
      'what someone else said, so I’ve left SG-7 as it is. If you know it to be so, send: SG-7 done',
    ],
    [
      'Lynne says SG-7 is complete',
      'alex',
      'That reads as what someone else said, so I’ve left SG-7 as it is. Its owner can update it.',
    ],
    ['may I sign off SG-6?', 'alex', 'That reads as a question, so nothing was decided. You can: send sign off SG-6'],
    ['is it ok to cancel SG-5?', 'isaiah', 'Only a chair, an executive or an administrator can cancel an action.'],
    ['SG-9 nearly done', 'patti', 'That reads as partly done, so I’ve left SG-9 as it is.'],
    // TESTER-3 follow-up: a tally, a part, a month; each with the one message to send if the change was meant.
    [
      '5 done by the team',
      'patti',
      'I can read 5 there as a count of things done as well as action 5, so I’ve left action 5 as it is. If action 5 is done, send: 5 done',
    ],
    ['5 done by the team', 'alex', 'Only the action’s owner (Patti Fernandez) or an administrator can change 5.'],
    [
      'finished the protocol for SG-9 on 27/11',
      'patti',
      'That may be only part of SG-9, so I’ve left SG-9 as it is. If all of SG-9 is done, send: SG-9 done on 27/11/2026. To record progress: note SG-9 finished the protocol for it on 27/11',
    ],
    [
      'SG-9 done back in October',
      'patti',
      'A month is not the day it was done, so I’ve left SG-9 as it is. Send the day in October 2026 it was done, for example: SG-9 done on 31/10/2026',
    ],
    [
      'SG-9 done back in September',
      'patti',
      'September 2026 is before the plan began (5 Oct 2026), so no day in it can be recorded as the day SG-9 was done. If it is done, send: SG-9 done',
    ],
    [
      'SG-9 done back in October',
      'isaiah',
      'Only the action’s owner (Patti Fernandez) or an administrator can change SG-9.',
    ],
    [
      "SG-13 won't make its date, probably end of May",
      'lynne',
      'That sounds unsure, so I’ve left SG-13 and its date as they are. If SG-13 will be late, send its new date in one message: SG-13 delayed to 31/05/2027 because …',
    ],
  ])('%j from %s: %s', async (text, as, words) => {
    expect(await reply(text, as)).toEqual([expect.stringContaining(words)]);
  });

  // Hearsay before the change and after it: one reply for the same person, worded by what they may do about it.
  const saidOnly = 'That reads as what someone else said, so I’ve left SG-7 as it is.';
  test.each([
    ['megan', 'an administrator', `${saidOnly} If you know it to be so, send: SG-7 done`],
    ['lynne', 'its owner', `${saidOnly} If you know it to be so, send: SG-7 done`],
    ['alex', 'a chair', `${saidOnly} Its owner can update it.`],
    ['patti', 'another action’s owner', `${saidOnly} Its owner can update it.`],
  ])('hearsay from %s (%s) gets one reply however it is put', async (as, _role, words) => {
    for (const text of [
      'Lynne says SG-7 is complete',
      'SG-7 done, or so Lynne tells me',
      'SG-7 done according to Lynne',
    ])
      expect({ text, replies: await reply(text, as) }).toEqual({ text, replies: [words] });
  });

  test.each([
    [
      'SG-9 done by 31/12',
      'adele',
      'That reads as a plan, not news, so I’ve left SG-9 as it is. That is before its due date (5 Jan 2027).',
    ],
    ['LAC-5 complete apart from the leaflet', 'adele', 'That reads as partly done, so I’ve left LAC-5 as it is.'],
  ])('%j from %s, who may not make it, is given no command: %s', async (text, as, words) => {
    expect(await reply(text, as)).toEqual([words]);
  });
});
