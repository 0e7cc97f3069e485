import fs from 'node:fs';
import os, { userInfo } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { formatUkDate } from '../../src/domain/calendar';
import { projectRoot } from '../../src/project-root';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { ChatService } from '../../src/services/chat/chat-service';
import { showActionDetail } from '../../src/use-cases/action-detail';
import { talkTo } from '../support/chat';
import { cliOverTestStorage } from '../support/cli';
import { exportTable } from '../support/export-round-trip';

/**
 * The fourth tester's shapes, over the demo as `npm start` seeds it: an import never moves the due date of an
 * action already in the register, whatever the file or the command says, and every problem is listed at once.
 */
const { cli, storage } = cliOverTestStorage('keepdates');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keep-dates-'));
/** The plan file the README's first example imports, as a newcomer's clone has it. */
const README_FILE = path.join(projectRoot(), 'demo', 'ofsted-2011-announced-plan.csv');

beforeAll(async () => {
  await seedDemo(storage, projectRoot(), new Date());
});

/** The demo exported as CSV, with some rows' cells replaced, written to a file of its own. */
async function editedExport(name: string, edits: Record<string, Record<string, string>>): Promise<string> {
  const table = await exportTable((await cli('export', '--plan', DEMO_PLAN_ID, '--format', 'csv')).bytes, 'csv');
  for (const [ref, cells] of Object.entries(edits)) {
    const row = table.find((r) => r[0] === ref)!;
    for (const [column, value] of Object.entries(cells)) row[table[0].indexOf(column)] = value;
  }
  const file = path.join(tmp, name);
  fs.writeFileSync(file, stringify(table));
  return file;
}

/** Everything the register keeps about the demo: its actions, the plan, and one action's history. */
const register = async () => ({
  actions: (await storage.actions.list(DEMO_PLAN_ID)).map((v) => v.value),
  plan: await storage.plans.get(DEMO_PLAN_ID),
  history: await storage.actions.history(DEMO_PLAN_ID, 'SG-5'),
});

test('an edited "Original due date" on an action already there (SG-5) is refused by row, naming the chat command; nothing changes', async () => {
  const before = await register();
  const was = before.actions.find((a) => a.ref === 'SG-5')!.originalDueDate!;
  const file = await editedExport('edited2.csv', {
    'SG-5': { 'Original due date': '31 Dec 2027', 'Current due date': '' },
  });
  const result = await cli('import', file, '--plan', DEMO_PLAN_ID);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(
    new RegExp(
      `Nothing was imported: the file has a problem\\.\\n {2}Row \\d+: SG-5 has the original due date ${formatUkDate(was)} in the register, and the file says 31 Dec 2027\\. ` +
        `An import does not move an action's due date: a new date needs a reason and is decided in Teams, where the owner is told ` +
        `\\(for example "SG-5 delayed to 31/12/2027 because …"\\)\\. Put back ${formatUkDate(was)}, or leave the cell blank\\.\\n$`,
    ),
  );
  expect(await register()).toEqual(before);
});

test('a bad status and an edited current due date in one file are both listed at once, in row order', async () => {
  const before = await register();
  const file = await editedExport('two-problems.csv', {
    'SG-6': { Status: 'Complet' },
    'SG-3': { 'Current due date': '31 Dec 2030' },
  });
  const result = await cli('import', file, '--plan', DEMO_PLAN_ID);
  expect(result.code).toBe(1);
  const problems = result.err.split('\n').filter((line) => line.startsWith('  Row '));
  expect(result.err).toMatch(/Nothing was imported: the file has 2 problems\./);
  expect(problems).toEqual([
    expect.stringMatching(/^ {2}Row \d+: SG-3 has the current due date .* and the file says 31 Dec 2030\./),
    expect.stringMatching(/^ {2}Row \d+: the status "Complet" is not a status we know/),
  ]);
  expect(await register()).toEqual(before);
});

test('the README’s first example over the demo (another --baseline) is refused once, saying why and what to do; nothing changes', async () => {
  const before = await register();
  const result = await cli(
    'import',
    README_FILE,
    '--plan',
    DEMO_PLAN_ID,
    '--title',
    'Ofsted safeguarding and looked after children 2011',
    '--baseline',
    '2011-08-19',
  );
  expect(result.code).toBe(2);
  expect(result.err).toMatch(
    /Nothing was imported: Plan ofsted-2011 already exists, and its baseline is \d{1,2} \w{3} \d{4}\. Counted from 19 Aug 2011, the timescales in the file would move the due dates of 22 of its actions \(SG-1, SG-2, .* and 12 more\), and an import never moves the due date of an action already in the register\. To update this plan, leave out --baseline\. To import the file as a separate plan, give it a plan id of its own \(for example --plan ofsted-2011-2\)\. Add --dry-run to check an import without changing anything\./,
  );
  expect(await register()).toEqual(before);
  // --dry-run says the same, and a plan of its own takes the example as it is.
  expect((await cli('import', README_FILE, '--plan', DEMO_PLAN_ID, '--baseline', '2011-08-19', '--dry-run')).code).toBe(
    2,
  );
  const own = await cli('import', README_FILE, '--plan', 'ofsted-2011-announced', '--baseline', '2011-08-19');
  expect([own.code, own.out]).toEqual([
    0,
    expect.stringMatching(/^Imported 22 actions into plan ofsted-2011-announced: 22 new/),
  ]);
  expect((await storage.actions.get('ofsted-2011-announced', 'SG-5'))?.value.originalDueDate).toBe('2011-08-19');
});

test('a re-import with a new --title says so; its "not quantifiable" warning describes what the register keeps', async () => {
  await seedDemo(storage, projectRoot(), new Date(), 'titled');
  const sg1 = (await storage.actions.get('titled', 'SG-1'))!.value;
  // The demo gave SG-1 a unit and a target in chat; the plan file has the measure's words alone.
  expect(sg1.measures[0]).toMatchObject({ target: '95%', definition: { unit: '%' } });
  const dry = await cli('import', README_FILE, '--plan', 'titled', '--title', 'Ofsted 2011', '--dry-run');
  expect(dry.out).toMatch(
    /\nThe plan's title would be "Ofsted 2011" \(it was "Ofsted safeguarding and looked after children"\)\.\n/,
  );
  expect((await storage.plans.get('titled'))?.title).toBe('Ofsted safeguarding and looked after children');
  const result = await cli('import', README_FILE, '--plan', 'titled', '--title', 'Ofsted 2011');
  expect(result.code).toBe(0);
  expect(result.out).toMatch(
    /\nThe plan's title is now "Ofsted 2011" \(it was "Ofsted safeguarding and looked after children"\)\.\n/,
  );
  expect((await storage.plans.get('titled'))?.title).toBe('Ofsted 2011');
  const warning = result.err.split('\n').find((line) => line.startsWith('Warning: Not quantifiable'));
  expect(warning).toMatch(
    /^Warning: Not quantifiable: \d+ measures have no number, unit or target .*: SG-3 \(no unit, no target\)/,
  );
  expect(warning).not.toMatch(/SG-1[ ,(]/);
  expect((await storage.actions.get('titled', 'SG-1'))!.value.measures[0]).toEqual(sg1.measures[0]);
});

test('an import names who ran it (the --by default, cli:<account>) in the history on the command line, in chat and in the tab', async () => {
  const who = `cli:${userInfo().username}`;
  const file = await editedExport('retitled.csv', {
    'SG-2': { Action: 'Record every visit, and whether the child was seen alone' },
  });
  const imported = await cli('import', file, '--plan', DEMO_PLAN_ID);
  expect([imported.code, imported.out]).toEqual([0, expect.stringMatching(/1 changed.*\nChanged: SG-2\n/s)]);
  const help = (await cli('import', '--help')).out.replace(/\s+/g, ' ');
  expect(help).toContain(`--by <who> who to record in the history (an email is shown by name) (default: "${who}")`);

  const cliHistory = await cli('history', 'SG-2', '--plan', DEMO_PLAN_ID);
  expect(cliHistory.out.split('\n')[2]).toMatch(
    new RegExp(`^\\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d\\s+${who}\\s+import\\s+Action: `),
  );
  const [chatHistory] = await talkTo(
    new ChatService(storage, 'Europe/London'),
    new Date(),
  )(`history ${DEMO_PLAN_ID}/SG-2`);
  expect(chatHistory).toMatch(new RegExp(`\\nNewest first\\n.*, \\d\\d:\\d\\d · ${who} · import\\nAction: `));
  const tab = await showActionDetail(
    storage,
    { email: 'alexw@example.com', name: 'Alex Wilber' },
    DEMO_PLAN_ID,
    'SG-2',
    new Date(),
  );
  expect(tab.kind === 'found' && tab.detail.history[0]).toMatchObject({ by: who, via: 'import' });
});
