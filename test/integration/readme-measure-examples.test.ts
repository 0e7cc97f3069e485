import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/project-root';
import { useDemoChat } from '../support/chat';

/**
 * Every chat example for giving a measure's value in the README, typed as written by the Playground's user (Alex
 * Wilber, a chair) on the demo `npm start` seeds, records that value: none is refused because its action's measure
 * is in words only. The demo is seeded relative to the day the test runs, as `npm start` seeds it.
 */
const README = fs.readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
const codes = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\s+/g, ' '));

/** The command table's row for giving a value, and the "In chat" list of the Measures section, up to its notes. */
const row = README.split('\n').find((line) => line.includes('| give the latest value of the action') ?? false) ?? '';
const inChat = /- \*\*In chat\*\*: ([\s\S]*?)\(On the demo plan/.exec(README)?.[1] ?? '';
const EXAMPLES = [...new Set([...codes(row.split('|')[1] ?? ''), ...codes(inChat)])];

const now = new Date();
const demo = useDemoChat(now, now);

/** The values Alex Wilber gave the action in chat at the chat's clock, `now` (the demo's own are dated days before). */
async function givenNow(ref: string): Promise<unknown[]> {
  const action = await demo.storage.actions.get('ofsted-2011', ref);
  if (!action) throw new Error(`${ref} is not in the demo`);
  const values = await demo.storage.measures.values(action.value);
  return values
    .filter((v) => v.by === 'alexw@example.com' && v.via === 'chat' && v.at === now.toISOString())
    .map((v) => v.value);
}

test('the README has the measure examples this test runs', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
  for (const example of EXAMPLES) expect(example).toMatch(/\b(SG|LAC)-\d+\b/);
});

test.each(EXAMPLES)('"%s", typed on the demo as the README writes it, records the value', async (example) => {
  const ref = /\b(?:SG|LAC)-\d+\b/.exec(example)?.[0] ?? '';
  // The value is the example's first figure once its ref is set aside ("log 6 for SG-8" gives 6).
  const value = Number(/\d+/.exec(example.replace(ref, ''))?.[0]);
  const replies = await demo.say(example);
  expect(replies.join('\n')).not.toMatch(/Nothing was changed|didn't understand|in words only/i);
  expect(await givenNow(ref)).toEqual([value]);
});

test("the help card's measure example, typed by the Playground's user on the demo, records the value", async () => {
  const help = (await demo.say('help')).join('\n');
  const example = /\b((?:SG|LAC)-\d+) measure 76%/.exec(help);
  if (!example) throw new Error(`No measure example in the help card:\n${help}`);
  // It names what to type for an action with several measures without naming one that has only one.
  expect(help).toContain('"measure 2 40"');
  const replies = await demo.say(example[0]);
  expect(replies.join('\n')).not.toMatch(/Nothing was changed|in words only/i);
  expect(await givenNow(example[1])).toEqual([76]);
});
