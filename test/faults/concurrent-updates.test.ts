/**
 * 100 concurrent, conflicting updates to one action (SG-4, owned by Alex
 * Wilber) through the real server: chat messages ("SG-4 on track",
 * "SG-4 at risk: reason N", "note SG-4 note N") and Universal Action card
 * buttons (verb "update" with status and reason), all sent at once.
 *
 * Every request is tagged (except the plain "SG-4 on track" ones, which are
 * counted), so each accepted change can be found in SG-4's history.
 *
 * What must hold:
 *   - every request is answered: one chat reply at the connector, or an
 *     invoke response body;
 *   - every answer says either that the change was made or that nothing was
 *     changed (refused);
 *   - every accepted change is in the history exactly once, and nothing
 *     else is;
 *   - the history is a chain: each entry's `from` for a field is the
 *     previous entry's `to` (no update was applied to a state it was not
 *     checked against);
 *   - the stored action equals the last entry's result.
 */
import { DEMO_PEOPLE, DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { HistoryEntry } from '../../src/domain/types';
import { BotHarness, message, replyText, startBotHarness } from '../support/bot-harness';
import { cardPress } from '../support/builders';

jest.setTimeout(120_000);

const REF = 'SG-4';
const OWNER = DEMO_PEOPLE[0];
const REQUESTS = 100;

type Kind = 'chat on track (plain)' | 'chat on track' | 'chat at risk' | 'chat note' | 'card';
interface Request {
  kind: Kind;
  /** What the history entry of an accepted change carries: its comment, or the note's text. Null for plain "on track". */
  tag: string | null;
  activity: ReturnType<typeof message> & { name?: string };
}
interface Answer {
  request: Request;
  status: number;
  text: string;
  outcome: 'accepted' | 'refused' | 'unclear';
}

const ACCEPTED =
  /SG-4 is now (on track|at risk)\.|SG-4 is still (on track|at risk); your update is recorded\.|Note added to SG-4\.|SG-4 is updated: (on track|at risk)\./;
const REFUSED = /[Nn]othing was changed|SG-4 is already (on track|at risk)|changed by someone else/;

let bot: BotHarness;
let baseline: { history: HistoryEntry[]; status: string; latestUpdate: string | null; revision: number };
let answers: Answer[] = [];
let elapsedMs = 0;

function build(i: number, connectorUrl: string): Request {
  const chat = (kind: Kind, text: string, tag: string | null): Request => ({
    kind,
    tag,
    activity: message(connectorUrl, text, { user: 0 }),
  });
  switch (i % 5) {
    case 0:
      return chat('chat on track (plain)', `${REF} on track`, null);
    case 1:
      return chat('chat on track', `${REF} on track: chat ${i}`, `chat ${i}`);
    case 2:
      return chat('chat at risk', `${REF} at risk: reason ${i}`, `reason ${i}`);
    case 3:
      return chat('chat note', `note ${REF} note ${i}`, `note ${i}`);
    default: {
      const data = {
        planId: DEMO_PLAN_ID,
        owner: OWNER.email,
        ref: REF,
        status: i % 2 ? 'At risk' : 'On track',
        updateReason: `card ${i}`,
      };
      const activity = cardPress(connectorUrl, 'update', data, { user: 0 });
      return { kind: 'card', tag: `card ${i}`, activity };
    }
  }
}

async function send(request: Request): Promise<Answer> {
  const response = await bot.post(request.activity);
  let text: string;
  if (request.kind === 'card') {
    const body = (await response.json()) as { value?: unknown };
    text = typeof body.value === 'string' ? body.value : JSON.stringify(body.value);
  } else {
    await response.arrayBuffer();
    const reply = await bot.connector.next((s) => s.replyToId === request.activity.id, 20_000);
    text = replyText(reply.activity);
  }
  const accepted = ACCEPTED.test(text);
  const refused = REFUSED.test(text);
  return {
    request,
    status: response.status,
    text,
    outcome: accepted && !refused ? 'accepted' : refused && !accepted ? 'refused' : 'unclear',
  };
}

/** The token an entry carries: its comment, the note it added, or null for a plain status change. */
function tagOf(entry: HistoryEntry): string | null {
  if (entry.comment) return entry.comment;
  const note = entry.changes.find(
    (c) => c.field === 'latestUpdate' && !entry.changes.some((s) => s.field === 'status'),
  );
  return note?.to ?? null;
}

beforeAll(async () => {
  bot = await startBotHarness();
  // Alex has talked to the bot before, as every Teams user has by the time they update an action.
  const hello = message(bot.connector.url, 'help');
  await bot.post(hello);
  await bot.connector.next((s) => s.replyToId === hello.id);

  const current = (await bot.storage.actions.get(DEMO_PLAN_ID, REF))!;
  baseline = {
    history: await bot.storage.actions.history(DEMO_PLAN_ID, REF),
    status: current.value.status,
    latestUpdate: current.value.latestUpdate?.text ?? null,
    revision: current.revision,
  };
  const requests = Array.from({ length: REQUESTS }, (_, i) => build(i, bot.connector.url));
  const started = Date.now();
  answers = await Promise.all(requests.map(send));
  elapsedMs = Date.now() - started;
});

afterAll(async () => {
  const count = (kind: Kind, outcome: Answer['outcome']) =>
    answers.filter((a) => a.request.kind === kind && a.outcome === outcome).length;
  const kinds: Kind[] = ['chat on track (plain)', 'chat on track', 'chat at risk', 'chat note', 'card'];
  const reasons = new Map<string, number>();
  for (const a of answers.filter((x) => x.outcome === 'refused')) {
    // The sentence that says so, with the request's own number taken out.
    const reason = (a.text.match(/[^."]*(?:[Nn]othing was changed|already|someone else)[^."]*/)?.[0] ?? '?').trim();
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  console.log(
    `concurrent-updates: ${answers.length} concurrent updates to ${REF} in ${elapsedMs} ms\n` +
      kinds
        .map(
          (k) =>
            `  ${k.padEnd(22)} accepted ${count(k, 'accepted')}, refused ${count(k, 'refused')}, unclear ${count(k, 'unclear')}`,
        )
        .join('\n') +
      `\n  refusals by what they said:\n${[...reasons].map(([r, n]) => `    ${n} × "${r}"`).join('\n')}`,
  );
  await bot.stop();
});

test('every request was answered, and every answer says whether the change was made', () => {
  expect(answers).toHaveLength(REQUESTS);
  expect(answers.filter((a) => a.status !== 200).map((a) => `${a.request.kind}: ${a.status}`)).toEqual([]);
  expect(
    answers.filter((a) => a.outcome === 'unclear').map((a) => `${a.request.kind}: ${a.text.slice(0, 300)}`),
  ).toEqual([]);
  // Each chat message got exactly one reply.
  for (const a of answers.filter((x) => x.request.kind !== 'card')) {
    expect(bot.connector.sent.filter((s) => s.replyToId === a.request.activity.id)).toHaveLength(1);
  }
  // The contest was real: some changes won, some were refused.
  expect(answers.some((a) => a.outcome === 'accepted')).toBe(true);
  expect(answers.some((a) => a.outcome === 'refused')).toBe(true);
});

test('every accepted change is in the history exactly once, and nothing else is', async () => {
  const history = await bot.storage.actions.history(DEMO_PLAN_ID, REF);
  const added = history.slice(0, history.length - baseline.history.length);
  expect(history.slice(added.length)).toEqual(baseline.history);
  const accepted = answers.filter((a) => a.outcome === 'accepted');
  expect(added).toHaveLength(accepted.length);
  for (const entry of added) {
    expect(entry.by).toBe(OWNER.email);
    expect(['chat', 'card']).toContain(entry.via);
  }
  const tagsInHistory = added
    .map(tagOf)
    .filter((t): t is string => t !== null)
    .sort();
  const acceptedTags = accepted
    .map((a) => a.request.tag)
    .filter((t): t is string => t !== null)
    .sort();
  expect(tagsInHistory).toEqual(acceptedTags);
  expect(new Set(tagsInHistory).size).toBe(tagsInHistory.length);
  // Plain "SG-4 on track" carries no tag: count them instead.
  const plainEntries = added.filter((e) => tagOf(e) === null);
  expect(plainEntries).toHaveLength(accepted.filter((a) => a.request.tag === null).length);
  for (const e of plainEntries)
    expect(e.changes).toEqual([{ field: 'status', from: expect.any(String), to: 'On track' }]);
  // Refused requests left no trace.
  const refusedTags = new Set(answers.filter((a) => a.outcome === 'refused').map((a) => a.request.tag));
  expect(tagsInHistory.filter((t) => refusedTags.has(t))).toEqual([]);
});

test('history is one chain, and the stored action is its last link', async () => {
  const history = await bot.storage.actions.history(DEMO_PLAN_ID, REF);
  const added = history.slice(0, history.length - baseline.history.length).reverse(); // oldest first
  const running: Record<string, string | null> = { status: baseline.status, latestUpdate: baseline.latestUpdate };
  const breaks: string[] = [];
  added.forEach((entry, i) => {
    expect(entry.changes.length).toBeGreaterThan(0);
    for (const change of entry.changes) {
      expect(['status', 'latestUpdate']).toContain(change.field);
      if (change.from !== running[change.field])
        breaks.push(
          `entry ${i} (${entry.comment ?? ''}): ${change.field} from ${change.from}, but it was ${running[change.field]}`,
        );
      running[change.field] = change.to;
    }
  });
  expect(breaks).toEqual([]);
  const stored = (await bot.storage.actions.get(DEMO_PLAN_ID, REF))!;
  expect(stored.value.status).toBe(running.status);
  expect(stored.value.latestUpdate?.text ?? null).toBe(running.latestUpdate);
  expect(stored.revision).toBe(baseline.revision + added.length);
});
