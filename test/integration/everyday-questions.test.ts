import { ChatService } from '../../src/services/chat/chat-service';
import { anotherCouncilPlan } from '../support/another-council';
import { BY_FIRST_NAME, talkTo } from '../support/chat';
import { everydayQuestions, type EverydayQuestion } from '../support/everyday-questions';
import { testStorage } from '../support/storage';

/**
 * test/fixtures/everyday-questions.txt through the chat service into real storage (Azurite), on another council's
 * plan (test/fixtures/another-council-plan.csv: refs "1.1", "1.2a", "R3", "Rec 4(ii)", "A.2.1", "3"): each question
 * changes nothing, and gets the answer its line names, drawn from what the asker may read.
 */
const storage = testStorage();
const chat = new ChatService(storage, 'Europe/London');
const NOW = new Date('2026-11-30T10:00:00Z'); // a Monday
const PLAN = 'send-plan';
const TITLE = 'SEND improvement plan';
const say = talkTo(chat, NOW);

const PEOPLE = BY_FIRST_NAME;

beforeAll(() => anotherCouncilPlan(storage, PLAN, TITLE));

/** Every action's version and the plan's history, to show that nothing was written. */
async function state(): Promise<unknown> {
  const actions = (await storage.actions.list(PLAN)).map((v) => [v.value.ref, v.etag]);
  return { actions, history: (await storage.actions.planHistory(PLAN)).length };
}

let conversations = 0;
const ask = (q: Pick<EverydayQuestion, 'text' | 'as'>) =>
  say(q.text, PEOPLE[q.as], { id: `everyday-${++conversations}`, kind: 'personal' });

/** The plan on 30 Nov 2026, worked out by hand from the CSV: each colour's actions in the order asked for. */
const RAG = {
  red: ['A.2.1', '1.1', 'R3', '3'], // delayed, then overdue: most overdue first
  amber: ['Rec 4(ii)'], // not started and due tomorrow
  green: ['1.2a', '1.2b'],
};
const OWN: Record<string, string[]> = {
  alex: ['1.1', '1.2b'],
  megan: ['1.2a'],
  patti: ['R3', '3'],
  isaiah: ['Rec 4(ii)'],
  lynne: ['A.2.1'],
};
/** A period alone, on Monday 30 Nov 2026: what is due in it and not finished, earliest first. */
const DUE: Record<string, { heading: string; refs: string[] }> = {
  'w/c 14 Dec': {
    heading: `Due the week commencing 14 Dec 2026 (14 Dec 2026 to 20 Dec 2026): ${TITLE}`,
    refs: ['1.2a'],
  },
  'week commencing 14/12': {
    heading: `Due the week commencing 14 Dec 2026 (14 Dec 2026 to 20 Dec 2026): ${TITLE}`,
    refs: ['1.2a'],
  },
  'next week': { heading: `Due next week (7 Dec 2026 to 13 Dec 2026): ${TITLE}`, refs: [] },
  'this month': { heading: `Due this month (1 Nov 2026 to 30 Nov 2026): ${TITLE}`, refs: ['R3', '3'] },
};
const COLOUR_NAMES = { red: 'Red', amber: 'Amber', green: 'Green' };

/** The heading and the refs listed, in order, that the line's answer should show. */
function expected(q: EverydayQuestion): { heading: string; refs: string[] } {
  const { answer } = q;
  if (answer.kind === 'due') return DUE[q.text];
  if (answer.kind === 'overdue') return { heading: `Overdue: ${TITLE}`, refs: [...RAG.red].sort() };
  if (answer.kind === 'myActions') return { heading: 'Your actions', refs: OWN[q.as] };
  const mine = /\bmy\b/.test(q.text);
  const refs = answer.colours.flatMap((c) => RAG[c]).filter((ref) => !mine || OWN[q.as].includes(ref));
  const named = answer.colours.map((c) => COLOUR_NAMES[c]).join(' or ');
  return { heading: `${named}: ${mine ? `your actions in ${TITLE}` : TITLE}`, refs };
}

test.each(everydayQuestions().map((q) => [q.text, q.as, q] as const))(
  '%j from %s changes nothing and gets its answer',
  async (_, __, q) => {
    const before = await state();
    const replies = await ask(q);
    expect(await state()).toEqual(before);
    expect(replies).toHaveLength(1);
    const [heading] = replies[0].split('\n');
    const refs = [...replies[0].matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]);
    const want = expected(q);
    expect({ heading, refs: q.answer.kind === 'overdue' ? refs.sort() : refs }).toEqual(want);
  },
);

test('an owner asking what is red in the plan sees the plan, since owning an action lets them read it', async () => {
  const [reply] = await say('which actions are red?', PEOPLE.lynne);
  expect(reply.split('\n')[0]).toBe(`Red: ${TITLE}`);
});

test('a stranger to the plan is told there is nothing to show, and no action of it', async () => {
  const replies = await say('which actions are red?', 'stranger@example.com');
  expect(replies).toEqual([expect.stringMatching(/^You have no actions and no role in any plan here/)]);
});
