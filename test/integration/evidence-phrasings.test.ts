import fs from 'node:fs';
import path from 'node:path';
import { todayIn } from '../../src/domain/calendar';
import { parseCommand } from '../../src/domain/command-grammar';
import { projectRoot } from '../../src/project-root';
import { evidenceInput } from '../../src/services/chat/evidence-replies';
import { FoundAction } from '../../src/services/chat/plan-scope';
import { seedDemo } from '../../src/services/demo-seed';
import { addEvidence } from '../../src/use-cases/add-evidence';
import { testStorage } from '../support/storage';

/**
 * Messages from the evidence corpus (test/fixtures/evidence-phrasings.txt), as the chat service reads them, through
 * the add-evidence use case into real Azurite: the evidence is stored linked to the demo's LAC-7 item the words
 * name, with its link, and its history entry; and the item then counts as given.
 */
const NOW = new Date('2026-11-30T10:00:00Z');
const PLAN = 'evidence-phrasings';
const ALEX = 'alexw@example.com'; // owns LAC-7 in the demo
const storage = testStorage();

beforeAll(() => seedDemo(storage, projectRoot(), new Date('2026-11-30T09:00:00Z'), PLAN));

/** The corpus line that starts with `start`: its message and the link its writer sent. */
function corpusLine(start: string): { message: string; url: string } {
  const text = fs.readFileSync(path.join(__dirname, '../fixtures/evidence-phrasings.txt'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(start));
  const url = line ? /url=(\S+)$/.exec(line)?.[1] : undefined;
  if (!line || !url) throw new Error(`No corpus line starts ${start}`);
  return { message: line.slice(0, line.lastIndexOf(' => ')), url };
}

async function found(ref: string): Promise<FoundAction> {
  const plan = (await storage.plans.get(PLAN))!;
  const current = (await storage.actions.get(PLAN, ref))!;
  const roles = await storage.roles.rolesOf(PLAN, ALEX);
  return { view: { plan, today: todayIn(NOW, plan.timeZone), actor: { email: ALEX, name: null, roles } }, current };
}

test.each([
  ['LAC-7 evidence: case file audit report', 'Case file audit report'],
  ['here is the case file audit for LAC-7', 'Case file audit report'],
  ['Training records LAC-7', 'Training attendance records'],
])('"%s…" is stored linked to %s, with its link and a history entry', async (start, item) => {
  const { message, url } = corpusLine(start);
  const command = parseCommand(message, todayIn(NOW));
  if (command.kind !== 'evidence') throw new Error(`Not read as evidence: ${JSON.stringify(command)}`);
  expect(command.ref).toBe('LAC-7');

  const before = await found('LAC-7');
  const outcome = await addEvidence(
    storage,
    before,
    { via: 'chat', at: NOW.toISOString() },
    {
      ...evidenceInput(before.current.value, command.text),
    },
  );
  expect(outcome.kind).toBe('done');

  const after = (await storage.actions.get(PLAN, 'LAC-7'))!.value;
  expect(after.evidence.at(-1)).toEqual({ url, note: url, item, addedBy: ALEX, addedAt: NOW.toISOString() });
  const [latest] = await storage.actions.history(PLAN, 'LAC-7');
  expect(latest).toMatchObject({ by: ALEX, via: 'chat', changes: [expect.objectContaining({ field: 'evidence' })] });
});

test('with both items given, LAC-7 lacks nothing for sign-off', async () => {
  const after = (await storage.actions.get(PLAN, 'LAC-7'))!.value;
  expect(new Set(after.evidence.map((e) => e.item))).toEqual(
    new Set(['Case file audit report', 'Training attendance records']),
  );
});
