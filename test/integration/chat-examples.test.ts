import { parseCommand } from '../../src/domain/command-grammar';
import { recogniseQuestion } from '../../src/domain/questions/intents';
import { ChatService } from '../../src/services/chat/chat-service';
import { Incoming } from '../../src/services/chat/types';
import { importPlan } from '../../src/services/import-plan';
import { anotherCouncilPlan } from '../support/another-council';
import { STRANGER, talkTo } from '../support/chat';
import { testStorage } from '../support/storage';

/**
 * The examples in help, greetings and replies to messages not understood, through the chat service into real storage
 * (Azurite), on another council's plan (refs "1.1", "R3", "Rec 4(ii)", "A.2.1", "3"…) beside a plan with an SG-4 and a
 * 0.5 that Patti owns and nobody else may read: each person's examples are about an action they may read, their own first.
 */
const storage = testStorage();
const chat = new ChatService(storage, 'Europe/London');
const NOW = new Date('2026-11-30T10:00:00Z');
const say = talkTo(chat, NOW);
const CHANNEL: Incoming['conversation'] = { id: '19:send@thread.tacv2', kind: 'channel' };

const PATTI = 'pattif@example.com';
const ADELE = 'adelev@example.com';
const LYNNE = 'lynner@example.com';

beforeAll(async () => {
  await anotherCouncilPlan(storage, 'send-plan', 'SEND improvement plan');
  const other = await importPlan(storage, {
    planId: 'other-plan',
    title: 'Another plan',
    file: {
      name: 'other.csv',
      bytes: Buffer.from(
        [
          'ref,theme,title,due,owner',
          'SG-4,Safeguarding,Audit case files,31/01/2027,pattif@example.com',
          '0.5,Safeguarding,Refresh the threshold document,31/01/2027,pattif@example.com',
        ].join('\n'),
      ),
    },
    by: 'meganb@example.com',
    now: new Date('2026-09-01T09:00:00Z'),
    today: '2026-09-01',
    baseline: '2026-09-01',
  });
  expect(other.errors).toEqual([]);
  await storage.conversations.bindPlan(CHANNEL.id, 'send-plan');
});

/** The examples a help card shows (the bold lines under its title), as the person reads them. */
const examplesIn = (card: string) =>
  card
    .split('\n')
    .slice(2)
    .filter((_, i) => i % 2 === 0);

describe('help', () => {
  test('an owner’s examples are about their own action, and each is understood as typed', async () => {
    const [help] = await say('help', PATTI, CHANNEL);
    expect(help.split('\n').slice(0, 2)).toEqual(['What I can do', 'Type any of these.']);
    const examples = examplesIn(help);
    expect(examples).toEqual(expect.arrayContaining(['show 3', 'history 3', '3 done', 'move 3 to end of next month']));
    expect(help).not.toMatch(/SG-4/);
    for (const example of examples.map((e) => e.replace('https://…', 'https://example.com/a.pdf'))) {
      const understood =
        parseCommand(example, '2026-11-30').kind !== 'unknown' || recogniseQuestion(example, '2026-11-30') !== null;
      expect({ example, understood }).toEqual({ example, understood: true });
    }
    // And the example works: "show 3" shows action 3.
    expect(await say('show 3', PATTI, CHANNEL)).toEqual([expect.stringMatching(/^3\nGive every young person/)]);
  });

  test('a chair who owns nothing gets the bound plan’s first action, never the SG-4 of a plan they cannot read', async () => {
    for (const where of [CHANNEL, undefined]) {
      const [help] = await say('help', ADELE, where);
      expect(examplesIn(help)).toEqual(expect.arrayContaining(['show 1.1', 'sign off 1.1', 'approve 1.1']));
      expect(help).not.toMatch(/SG-4/);
    }
  });

  test('an owner is not offered a decision on their own action', async () => {
    const [help] = await say('help', 'meganb@example.com', CHANNEL);
    expect(examplesIn(help)).toEqual(expect.arrayContaining(['1.2a done', 'sign off 1.1']));
    // "12a" would not read as 1.2a, so no simpler way of typing it is offered.
    expect(help.split('\n').slice(0, 2)).toEqual(['What I can do', 'Type any of these.']);
  });

  test('where the ref can be typed more simply, help says how, and that works too', async () => {
    const [help] = await say('help', 'isaiah@example.com', CHANNEL);
    expect(help.split('\n')[1]).toBe('Type any of these. References like Rec 4(ii) can be typed as rec4ii too.');
    expect(await say('show rec4ii', 'isaiah@example.com', CHANNEL)).toEqual([
      expect.stringMatching(/^Rec 4\(ii\)\nTrain all SENCOs/),
    ]);
  });
});

describe('greetings, cancel and messages not understood', () => {
  test.each<[string, string, string]>([
    [
      'hello',
      'isaiah@example.com',
      'Hello! Try "my actions", "what’s overdue" or "Rec 4(ii) done". Type "help" to see everything I can do.',
    ],
    [
      'blah blah',
      LYNNE,
      'I didn’t understand that. Try "my actions", "what\'s overdue", "show A.2.1" or "A.2.1 done". Type "help" to see everything I can do.',
    ],
    [
      'cancel',
      LYNNE,
      'There’s nothing waiting to cancel. A change I’ve already made stays made: I can’t undo it. To put an action back, send the status it should have, for example: A.2.1 not started. To see what it was before: history A.2.1.',
    ],
    ['show', 'meganb@example.com', 'Which action? For example: show 1.2a'],
    [
      'gimme teh proof thingy',
      LYNNE,
      'I didn’t understand that. The closest commands: "evidence A.2.1 https://…". Type "help" to see everything I can do.',
    ],
    [
      'hello',
      STRANGER.email,
      'Hello! Try "my actions", "what’s overdue" or "[ref] done". Type "help" to see everything I can do.',
    ],
  ])('%j from %s', async (text, email, reply) => {
    expect(await say(text, email, CHANNEL)).toEqual([reply]);
  });

  test('in a chat bound to the plan, an owner’s examples come from that plan, not their action in another', async () => {
    const [bound] = await say('hello', PATTI, CHANNEL);
    expect(bound).toContain('"3 done"');
    // In her personal chat, bound to no plan, her first action of all is in the other plan.
    const [anywhere] = await say('hello', PATTI);
    expect(anywhere).toContain('"0.5 done"');
  });
});
