import { todayIn } from '../../src/domain/calendar';
import { PlanPage } from '../../src/domain/plan-on-a-page';
import { projectRoot } from '../../src/project-root';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { ALL_PLANS } from '../../src/store/role-store';
import { ACCESS_ROW } from '../../src/store/access-row';
import { VERSION_ROW } from '../../src/store/action-rows';
import { escapeKey } from '../../src/store/keys';
import { ACCESS_CHECKED_WITHIN_MS } from '../../src/store/plan-reader';
import { Storage, storesOver } from '../../src/store/open-storage';
import { RunningServer } from '../../src/teams/server';
import { FoundAction } from '../../src/use-cases/plan-view';
import { updateStatus } from '../../src/use-cases/update-status';
import { startLocalServer } from '../support/local-server';
import { testStorage } from '../support/storage';

/**
 * The tab's plan page is kept (by the server, and by the browser, which revalidates with If-None-Match),
 * yet every request sees what storage holds: a change made through this server, or through another
 * instance over the same tables, shows on the next request, and someone who loses their role is refused
 * on the next request, even if their browser holds the page.
 */
const storage = testStorage();
/** Another server over the same tables: stores of its own, so caches of its own. */
const other: Storage = storesOver(storage.tables);
const PATTI = 'pattif@example.com'; // owns SG-6, no role
const READER = 'reader@example.com'; // given a role in the tests, owns nothing
const EDITED = 'edited@example.com'; // given a role, then removed from the table by hand
const NOW = new Date();
let server: RunningServer;

beforeAll(async () => {
  await seedDemo(storage, projectRoot(), NOW);
  server = await startLocalServer(storage);
});
afterAll(() => server.close());

interface Answer {
  status: number;
  etag: string | null;
  cacheControl: string | null;
  text: string;
}

/** GET the demo plan's page as someone, as a browser with a copy (`etag`) would ask for it. */
async function page(as: string, etag: string | null = null): Promise<Answer> {
  const url = `http://127.0.0.1:${server.port}/api/tab/plans/${DEMO_PLAN_ID}?as=${encodeURIComponent(as)}`;
  const response = await fetch(url, etag ? { headers: { 'if-none-match': etag } } : {});
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
    text: await response.text(),
  };
}

const statusOf = (answer: Answer, ref: string) =>
  (JSON.parse(answer.text) as PlanPage).themes.flatMap((t) => t.actions).find((a) => a.ref === ref)?.status;

/** Patti reports a status on her own action, through the use case every front door calls, on `through`. */
async function report(through: Storage, status: 'At risk' | 'On track') {
  const plan = (await through.plans.get(DEMO_PLAN_ID))!;
  const found: FoundAction = {
    view: {
      plan,
      today: todayIn(new Date(), plan.timeZone),
      actor: { email: PATTI, name: null, roles: await through.roles.rolesOf(DEMO_PLAN_ID, PATTI) },
    },
    current: (await through.actions.get(DEMO_PLAN_ID, 'SG-6'))!,
  };
  const outcome = await updateStatus(
    through,
    found,
    { via: 'chat', at: new Date().toISOString() },
    {
      status,
      comment: 'checked the records',
      evidence: null,
    },
  );
  expect(outcome.kind).toBe('done');
}

test('the browser may keep the page but must ask each time; its copy is confirmed with 304 while nothing changed', async () => {
  const first = await page(PATTI);
  expect(first.status).toBe(200);
  expect(first.cacheControl).toBe('private, no-cache');
  expect(first.etag).toMatch(/^W\/".+"$/);
  const again = await page(PATTI, first.etag);
  expect(again).toMatchObject({ status: 304, etag: first.etag, text: '' });
  // Browsers may send several tags, with or without W/.
  const listed = await page(PATTI, `"something-else", ${first.etag!.slice(2)}`);
  expect(listed.status).toBe(304);
  expect((await page(PATTI, 'W/"something-else"')).status).toBe(200);
});

test.each([
  ['this server', () => storage],
  ['another server over the same tables', () => other],
])('a change made through %s shows on the next request, not the kept copy', async (_where, through) => {
  const before = await page(PATTI);
  const status = statusOf(before, 'SG-6') === 'At risk' ? 'On track' : 'At risk';
  await report(through(), status);
  const after = await page(PATTI, before.etag);
  expect(after.status).toBe(200);
  expect(after.etag).not.toBe(before.etag);
  expect(statusOf(after, 'SG-6')).toBe(status);
});

test("a change to the plan's details made through another server shows on the next request", async () => {
  const before = await page(PATTI);
  const plan = (await other.plans.get(DEMO_PLAN_ID))!;
  await other.plans.save({ ...plan, title: 'Renamed by another server' });
  const after = await page(PATTI, before.etag);
  expect(after.status).toBe(200);
  expect((JSON.parse(after.text) as PlanPage).plan.title).toBe('Renamed by another server');
});

test.each([
  ['this server', () => storage, DEMO_PLAN_ID],
  ['another server', () => other, DEMO_PLAN_ID],
  ['another server, a role for every plan', () => other, ALL_PLANS],
])(
  'someone whose role is removed through %s is refused on the next request, copy or not',
  async (_where, through, planId) => {
    await through().roles.grant(planId, READER, 'executive');
    const allowed = await page(READER);
    expect(allowed.status).toBe(200);
    // Read once more so the role is certainly held by the server, not read for the first time.
    expect((await page(READER, allowed.etag)).status).toBe(304);
    await through().roles.revoke(planId, READER, 'executive');
    const refused = await page(READER, allowed.etag);
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.text)).toEqual({ error: expect.objectContaining({ code: 'not-found' }) });
  },
);

test('a role removed behind the stores’ back (a table edited by hand) is read again within the documented bound', async () => {
  const reader = storesOver(storage.tables).planReader;
  await storage.roles.grant(DEMO_PLAN_ID, EDITED, 'chair');
  const start = Date.now();
  expect([...(await reader.read(DEMO_PLAN_ID, EDITED, start)).roles]).toEqual(['chair']);
  const roles = await storage.tables.client('roles');
  await roles.deleteEntity(escapeKey(DEMO_PLAN_ID), escapeKey(EDITED));
  // The access row did not move, so the copy may be used for at most the bound, and not after it.
  expect([...(await reader.read(DEMO_PLAN_ID, EDITED, start + 1)).roles]).toEqual(['chair']);
  expect([...(await reader.read(DEMO_PLAN_ID, EDITED, start + ACCESS_CHECKED_WITHIN_MS)).roles]).toEqual([]);
});

test('a plan with no version row (saved by an earlier release, no action since) gets one on its first read, and its copies are kept only from then', async () => {
  const reader = storesOver(storage.tables).planReader;
  const planId = 'no-version-row';
  await storage.plans.save({ ...(await storage.plans.get(DEMO_PLAN_ID))!, id: planId, title: 'No actions yet' });
  await storage.roles.grant(planId, EDITED, 'executive');
  const actions = await storage.tables.client('actions');
  await actions.deleteEntity(escapeKey(planId), VERSION_ROW);
  const start = Date.now();
  expect([...(await reader.read(planId, EDITED, start)).roles]).toEqual(['executive']);
  await expect(actions.getEntity(escapeKey(planId), VERSION_ROW)).resolves.toMatchObject({ rowKey: VERSION_ROW });
  // What was read without the row was not kept: a role removed by hand straight after is seen at once.
  await (await storage.tables.client('roles')).deleteEntity(escapeKey(planId), escapeKey(EDITED));
  expect([...(await reader.read(planId, EDITED, start + 1)).roles]).toEqual([]);
});

test('a change to roles also moves the access row, which instances of the previous release check', async () => {
  const actions = await storage.tables.client('actions');
  const etags = async () =>
    Promise.all(
      [VERSION_ROW, ACCESS_ROW].map(async (row) => (await actions.getEntity(escapeKey(DEMO_PLAN_ID), row)).etag),
    );
  const before = await etags();
  await other.roles.grant(DEMO_PLAN_ID, READER, 'chair');
  const after = await etags();
  expect(after[0]).not.toBe(before[0]);
  expect(after[1]).not.toBe(before[1]);
});
