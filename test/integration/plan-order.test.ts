/**
 * A council's plan is listed in the order its own file gives it ("Rec 4(ii)" before "A.2.1", "1.2b" with its theme),
 * not by ref: in the tab's plan on a page, the export and the committee report. Imported from the command line, read
 * through the tab's HTTP API on the bot's real server, over the run's Azurite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PlanPage } from '../../src/domain/plan-on-a-page';
import { projectRoot } from '../../src/project-root';
import { DEMO_PLAN_ID, demoPlanFile, seedDemo } from '../../src/services/demo-seed';
import { RunningServer } from '../../src/teams/server';
import { anAction } from '../support/builders';
import { cliOverTestStorage } from '../support/cli';
import { startLocalServer } from '../support/local-server';
import { writeImported } from '../support/storage';

const PLAN = 'send-plan';
const CHAIR = 'adelev@example.com';
const FILE = path.join(__dirname, '..', 'fixtures', 'another-council-plan.csv');
const { storage, cli } = cliOverTestStorage('order');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-order-'));
let server: RunningServer;

/** The refs in the file, in its order. */
const fileRefs = (text: string) => parse<Record<string, string>>(text, { columns: true }).map((r) => r.Ref ?? r.ref);

beforeAll(async () => {
  const imported = await cli('import', FILE, '--plan', PLAN, '--title', 'SEND', '--baseline', '2026-09-01');
  expect(imported.code).toBe(0);
  await storage.roles.grant(PLAN, CHAIR, 'chair');
  server = await startLocalServer(storage);
});
afterAll(() => server.close());

async function page(): Promise<PlanPage> {
  const url = new URL(`/api/tab/plans/${PLAN}`, `http://127.0.0.1:${server.port}`);
  url.searchParams.set('as', CHAIR);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as PlanPage;
}
const themesOf = (p: PlanPage) => p.themes.map((t) => [t.name, t.actions.map((a) => a.ref)]);

async function exported(): Promise<string[]> {
  const result = await cli('export', '--plan', PLAN, '--format', 'csv');
  expect(result.code).toBe(0);
  return fileRefs(result.out.replace(/^\uFEFF/, ''));
}

async function reportPlanOnAPage(): Promise<string> {
  const out = path.join(tmp, 'report.html');
  expect((await cli('report', '--plan', PLAN, '--format', 'html', '--out', out)).code).toBe(0);
  const html = fs.readFileSync(out, 'utf8');
  return html.slice(html.indexOf('<h1>Plan on a page</h1>'), html.indexOf('<h1>Performance book</h1>'));
}
/** The refs in `text`, in the order they first appear there. */
const orderIn = (text: string, refs: string[]) =>
  [...refs].sort((a, b) => text.indexOf(`>${a}<`) - text.indexOf(`>${b}<`));

test('the file as imported: themes in the order of their first action, actions in the file’s order', async () => {
  expect(fileRefs(fs.readFileSync(FILE, 'utf8'))).toEqual(['1.1', '1.2a', 'R3', 'Rec 4(ii)', 'A.2.1', '3', '1.2b']);
  expect(themesOf(await page())).toEqual([
    ['Leadership and governance', ['1.1', '1.2a', '1.2b']],
    ['Identification of need', ['R3', 'Rec 4(ii)']],
    ['Transition to adulthood', ['A.2.1', '3']],
  ]);
  expect(await exported()).toEqual(['1.1', '1.2a', 'R3', 'Rec 4(ii)', 'A.2.1', '3', '1.2b']);
  const report = await reportPlanOnAPage();
  expect(orderIn(report, ['3', 'R3', '1.2b', 'A.2.1', '1.1', 'Rec 4(ii)', '1.2a'])).toEqual([
    '1.1',
    '1.2a',
    '1.2b',
    'R3',
    'Rec 4(ii)',
    'A.2.1',
    '3',
  ]);
});

test('a later import puts the plan in the new file’s order, with nothing else said to have changed', async () => {
  const [header, ...rows] = fs.readFileSync(FILE, 'utf8').trimEnd().split('\n');
  const reordered = path.join(tmp, 'reordered.csv');
  fs.writeFileSync(reordered, [header, ...rows.reverse()].join('\n') + '\n');
  const historyBefore = (await storage.actions.history(PLAN, 'R3')).length;
  const source = (await storage.plans.get(PLAN))?.sourceDocument;
  expect(source).toBeTruthy();
  const again = await cli('import', reordered, '--plan', PLAN);
  expect(again.code).toBe(0);
  expect(again.out).toContain(`Imported 7 actions into plan ${PLAN}: 0 new, 0 changed, 7 unchanged.`);
  expect(themesOf(await page())).toEqual([
    ['Leadership and governance', ['1.2b', '1.2a', '1.1']],
    ['Transition to adulthood', ['3', 'A.2.1']],
    ['Identification of need', ['Rec 4(ii)', 'R3']],
  ]);
  expect(await exported()).toEqual(['1.2b', '3', 'A.2.1', 'Rec 4(ii)', 'R3', '1.2a', '1.1']);
  // Its place in the file is not something its history tells anyone.
  expect(await storage.actions.history(PLAN, 'R3')).toHaveLength(historyBefore);
  // Nor does a reordered file become where the plan comes from.
  expect((await storage.plans.get(PLAN))?.sourceDocument).toBe(source);
});

test('actions saved before the plan’s order was kept come after, in natural ref order', async () => {
  const saved = (ref: string) => anAction({ planId: PLAN, ref, theme: 'Older actions', owner: null });
  await writeImported(storage, PLAN, [saved('Z-10'), saved('Z-2')], { by: CHAIR, at: new Date().toISOString() });
  expect((await storage.actions.get(PLAN, 'Z-2'))?.value.position).toBeUndefined();
  expect(themesOf(await page()).at(-1)).toEqual(['Older actions', ['Z-2', 'Z-10']]);
  expect((await exported()).slice(-2)).toEqual(['Z-2', 'Z-10']);
});

test('the demo plan, seeded, keeps its file’s order too', async () => {
  await seedDemo(storage, projectRoot(), new Date());
  const placed = (await storage.actions.list(DEMO_PLAN_ID)).map((v) => v.value);
  const inOrder = [...placed].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((a) => a.ref);
  expect(inOrder).toEqual(fileRefs(fs.readFileSync(demoPlanFile(projectRoot()), 'utf8').replace(/^\uFEFF/, '')));
  expect(placed.every((a) => a.position !== undefined)).toBe(true);
});
