/**
 * A reminder run killed at many points, then run again: every owner ends up
 * with exactly one card. The process is killed with SIGKILL (no clean-up),
 * at each step of the delivery of one recipient: before claiming, after
 * claiming, and after recording the send.
 *
 * Not covered, by design: the instant between Teams accepting a message and
 * the ledger recording it. A crash there leads the next run to send that
 * recipient the card again (never to skip them); no connector API lets a
 * bot ask whether a message already arrived.
 */
import path from 'node:path';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { runChild } from '../support/child-run';

jest.setTimeout(180_000);

const CHILD = path.join(__dirname, 'remind-child.js');
const LEASE_MS = 1200;

let h: BotHarness;
let reachable: number;
beforeAll(async () => {
  h = await startBotHarness({ linkPeople: true });
  // A first run, left alone, shows how many owners can be reached.
  const untouched = await run({ NOW: new Date(Date.now() - 60_000).toISOString(), KILL_AT: '' });
  reachable = untouched.filter(([, outcome]) => outcome === 'sent').length;
  expect(reachable).toBeGreaterThanOrEqual(5);
});
afterAll(() => h.stop());

async function run(env: Record<string, string>): Promise<[string, string][]> {
  const settings = {
    TABLE_PREFIX: h.storage.tables.prefix,
    PLAN_ID: DEMO_PLAN_ID,
    LEASE_MS: String(LEASE_MS),
    CLAIMANT: `child-${Math.random()}`,
    ...env,
  };
  const result = await runChild(CHILD, settings, 'the reminder run');
  return result === 'killed' ? [] : (result as [string, string][]);
}

const KILL_POINTS = [
  'before-claim:1',
  'before-claim:3',
  'before-claim:5',
  'claimed:1',
  'claimed:2',
  'claimed:4',
  'claimed:5',
  'recorded:1',
  'recorded:2',
  'recorded:3',
  'recorded:5',
];

test.each(KILL_POINTS)('killed at %s, then run again: every owner has exactly one card', async (killAt) => {
  const now = new Date(Date.now() + KILL_POINTS.indexOf(killAt)).toISOString(); // one run id per scenario
  const start = h.connector.sent.length;
  const killed = await run({ NOW: now, KILL_AT: killAt });
  expect(killed).toEqual([]); // it really died
  const rerun = await run({ NOW: now, KILL_AT: '' });
  const sent = h.connector.sent.slice(start).map((s) => s.conversationId);
  const perConversation = new Map<string, number>();
  for (const id of sent) perConversation.set(id, (perConversation.get(id) ?? 0) + 1);
  expect(perConversation.size).toBe(reachable);
  expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
  expect(rerun.filter(([, outcome]) => outcome === 'failed')).toEqual([]);
});

test('two processes running the same job at the same moment send each card once', async () => {
  const now = new Date(Date.now() + 1000).toISOString();
  const start = h.connector.sent.length;
  const [first, second] = await Promise.all([run({ NOW: now, KILL_AT: '' }), run({ NOW: now, KILL_AT: '' })]);
  const sent = h.connector.sent.slice(start).map((s) => s.conversationId);
  expect(new Set(sent).size).toBe(reachable);
  expect(sent).toHaveLength(reachable);
  // Between them they account for every owner: one sent it, the other found it done.
  const outcomes = new Map(
    [...first, ...second].map(([key]) => [
      key,
      [...first, ...second]
        .filter(([k]) => k === key)
        .map(([, o]) => o)
        .sort(),
    ]),
  );
  for (const [, both] of outcomes)
    expect(both).toEqual(expect.arrayContaining([expect.stringMatching(/sent|unreachable/)]));
});
