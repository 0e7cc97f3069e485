import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatService } from '../../src/services/chat/chat-service';
import { importPlan } from '../../src/services/import-plan';
import type { Storage } from '../../src/store/open-storage';
import { talkTo } from '../support/chat';
import { testStorage } from '../support/storage';

/**
 * Another council's plans, as a tester wrote them (test/fixtures/tester3): refs "1.2a", "Rec 4(ii)", "A.2.1" and bare
 * numbers. Through the chat service into Azurite: counts in progress messages change nothing (TESTER-3 item 1), refs
 * typed with spaces name their action (item 9), and a suggestion only offers what the person may do.
 */
const NOW = new Date('2026-11-30T10:00:00Z');
const PATTI = 'pattif@example.com';
const ALEX = 'alexw@example.com';
const MEGAN = 'meganb@example.com';
const ISAIAH = 'isaiah@example.com';
const LYNNE = 'lynner@example.com';
const PLANS = ['send-plan', 'audit-plan'];

const fixture = (name: string) => ({ name, bytes: readFileSync(join(__dirname, '..', 'fixtures', 'tester3', name)) });
const csv = (name: string, rows: string[]) => ({
  name,
  bytes: new TextEncoder().encode(['ref,theme,action,owner,due,status', ...rows].join('\n')),
});
/** audit.csv and audit2.csv as one plan: refs 5 and 6 (Patti's), 7 (Alex's). */
const auditRows = ['audit.csv', 'audit2.csv'].flatMap((name) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'tester3', name), 'utf8')
    .trim()
    .split('\n')
    .slice(1),
);

const storage: Storage = testStorage();
const chat = new ChatService(storage, 'Europe/London');
const say = (text: string, email: string) => talkTo(chat, NOW)(text, email);
const stored = async (planId: string, ref: string) => (await storage.actions.get(planId, ref))!.value;
/** Every action's ETag in every plan, to show what a message wrote. */
async function etags(): Promise<Map<string, string>> {
  const all = await Promise.all(PLANS.map((p) => storage.actions.list(p)));
  return new Map(all.flat().map((v) => [`${v.value.planId}/${v.value.ref}`, v.etag]));
}

beforeAll(async () => {
  const imported = { by: 'admin@example.com', now: NOW, today: '2026-11-30', baseline: '2026-11-01' };
  const reports = await Promise.all([
    importPlan(storage, { ...imported, planId: 'send-plan', file: fixture('plan.csv') }),
    importPlan(storage, { ...imported, planId: 'audit-plan', file: csv('audit.csv', auditRows) }),
  ]);
  expect(reports.map((r) => r.errors)).toEqual([[], []]);
  await storage.roles.grant('send-plan', MEGAN, 'admin');
});

describe('a count in a progress message is not a reference, and changes nothing', () => {
  test.each([
    ['done 5 of the 8 case audits', PATTI, '5'],
    ['finished 6 audits so far', PATTI, '6'],
    ['finished 7 audits so far this quarter', ALEX, '7'],
    ['done 3 of 5 reviews', MEGAN, '3'],
  ])('%j from %s', async (text, email, n) => {
    const before = await etags();
    const replies = await say(text, email);
    expect(await etags()).toEqual(before);
    expect(replies).toEqual([
      `Nothing was changed: I read ${n} there as a number (a count or a date), not as action ${n}. If you meant action ${n}, name it as “action ${n}” and send it again.`,
    ]);
  });

  test('"done 3 today" may be the action: it asks, and changes nothing', async () => {
    const before = await etags();
    expect(await say('done 3 today', PATTI)).toEqual([
      'Did you mean action 3? Nothing was changed. If you did, name it as “action 3” and send it again.',
    ]);
    expect(await etags()).toEqual(before);
  });
});

describe('a bare number that plainly names an action still changes it', () => {
  test.each([
    ['action 6 on track', PATTI, 'audit-plan', '6', 'On track'],
    ['7 at risk: the audit tool is broken', ALEX, 'audit-plan', '7', 'At risk'],
    ['done 3', PATTI, 'send-plan', '3', 'Complete'],
  ])('%j from %s', async (text, email, planId, ref, status) => {
    await say(text, email);
    expect((await stored(planId, ref)).status).toBe(status);
  });
});

describe('a ref typed with spaces names its action, as the importer reads it', () => {
  test.each([
    ['rec 4 ii', ISAIAH, 'Train all SENCOs on the graduated approach'],
    ['show rec 4 ii', ISAIAH, 'Train all SENCOs on the graduated approach'],
    ['show 1.2 a', MEGAN, 'Publish a co-produced SEND strategy with parents and carers'],
    ['show A 2 1', LYNNE, 'Agree a joint transitions protocol with adult social care'],
  ])('%j from %s shows it', async (text, email, title) => {
    expect((await say(text, email)).join('\n')).toContain(title);
  });

  test('"rec 4 ii on track" from its owner marks Rec 4(ii) on track, and nothing else', async () => {
    const before = await etags();
    await say('rec 4 ii on track', ISAIAH);
    expect((await stored('send-plan', 'Rec 4(ii)')).status).toBe('On track');
    const after = await etags();
    expect([...after].filter(([key, etag]) => before.get(key) !== etag).map(([key]) => key)).toEqual([
      'send-plan/Rec 4(ii)',
    ]);
  });
});

describe('a suggestion offers only what the person may do', () => {
  // "rec 5 ii" is no ref: 5 is in a plan neither may read, so both are asked about 3, the closest they may read.
  test('Isaiah, who does not own 3, is offered no change of it', async () => {
    const said = (await say('rec 5 ii on track', ISAIAH)).join('\n');
    expect(said).toContain('Did you mean 3?');
    expect(said).not.toMatch(/"3 done"|"3 measure|"note 3|"move 3|"3 delayed/);
    expect(said).not.toMatch(/\b5\b.*audit/i);
  });

  test('Megan, an administrator of the plan, is offered the change', async () => {
    const said = (await say('rec 5 ii on track', MEGAN)).join('\n');
    expect(said).toContain('Did you mean 3?');
    expect(said).toContain('"3 done"');
  });
});

describe('a spaced ref that could be two actions asks which, naming only actions the person may read', () => {
  const own = testStorage();
  const ownChat = new ChatService(own, 'Europe/London');
  beforeAll(async () => {
    const imported = { by: 'admin@example.com', now: NOW, today: '2026-11-30', baseline: '2026-11-01' };
    const reports = await Promise.all([
      importPlan(own, {
        ...imported,
        planId: 'schools-plan',
        file: csv('schools.csv', [
          `Rec 4(ii),Schools,Train all SENCOs on the graduated approach,${ISAIAH},31/01/2027,Not started`,
          `Para 4(ii),Schools,Brief every head teacher,${ISAIAH},31/01/2027,On track`,
        ]),
      }),
      importPlan(own, {
        ...imported,
        planId: 'secret-plan',
        file: csv('secret.csv', [`Item 4(ii),Secret,An action Isaiah may not read,${ALEX},31/01/2027,On track`]),
      }),
    ]);
    expect(reports.map((r) => r.errors)).toEqual([[], []]);
  });

  test('"4 ii on track" from Isaiah', async () => {
    const before = (await own.actions.list('schools-plan')).map((v) => v.etag);
    const said = await talkTo(ownChat, NOW)('4 ii on track', ISAIAH);
    expect(said).toEqual([
      '4-ii could be Para 4(ii) or Rec 4(ii). Which do you mean? Send it again with the reference exactly as the plan writes it.',
    ]);
    expect((await own.actions.list('schools-plan')).map((v) => v.etag)).toEqual(before);
  });

  test('"rec 4 ii on track" names Rec 4(ii) alone', async () => {
    const para = (await own.actions.get('schools-plan', 'Para 4(ii)'))!.etag;
    await talkTo(ownChat, NOW)('rec 4 ii on track', ISAIAH);
    expect((await own.actions.get('schools-plan', 'Rec 4(ii)'))!.value.status).toBe('On track');
    expect((await own.actions.get('schools-plan', 'Para 4(ii)'))!.etag).toBe(para);
  });
});

describe('a suggested note keeps the words whole, and names the action once', () => {
  test.each([
    [
      'A.2.1 - protocol drafted, ASC legal reviewing it',
      LYNNE,
      '"note A.2.1 protocol drafted, ASC legal reviewing it"',
    ],
    ['Rec 4(ii) sencos booked, two sessions to go', ISAIAH, '"note Rec 4(ii) sencos booked, two sessions to go"'],
    ['rec 4 ii sencos booked', ISAIAH, '"note Rec 4(ii) sencos booked"'],
  ])('%j from %s is offered %s', async (text, email, example) => {
    const before = await etags();
    expect((await say(text, email)).join('\n')).toContain(example);
    expect(await etags()).toEqual(before);
  });
});

describe('TESTER-3 follow-up: a tally, a part of an action, and a garbled note, each changing nothing', () => {
  test.each([
    [
      '7 done by 3 staff',
      ALEX,
      'I can read 7 there as a count of things done as well as action 7, so I’ve left action 7 as it is. If action 7 is done, send: 7 done',
    ],
    [
      '3 completed by 2 auditors',
      PATTI,
      'I can read 3 there as a count of things done as well as action 3, so I’ve left action 3 as it is. If action 3 is done, send: 3 done',
    ],
    [
      'finished the protocol for A.2.1 on 27/11',
      LYNNE,
      'That may be only part of A.2.1, so I’ve left A.2.1 as it is. If all of A.2.1 is done, send: A.2.1 done on 27/11/2026. To record progress: note A.2.1 finished the protocol for it on 27/11',
    ],
    [
      'audit 5 done',
      PATTI,
      'I couldn’t tell what to change on 5. Nothing was changed. For example: "5 done" or "note 5 audit 5 done". Type "help" to see what I can do.',
    ],
  ])('%j from %s', async (text, email, reply) => {
    const before = await etags();
    expect(await say(text, email)).toEqual([reply]);
    expect(await etags()).toEqual(before);
  });

  test('"7 done", sent as the reply says, completes action 7', async () => {
    await say('7 done', ALEX);
    expect((await stored('audit-plan', '7')).status).toBe('Complete');
  });
});
