import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { diffActions, historyEntry } from '../../src/domain/history';
import { newPlan } from '../../src/domain/plan';
import { mondayOf } from '../../src/domain/rag-weeks';
import { addDays, todayIn } from '../../src/domain/calendar';
import { projectRoot } from '../../src/project-root';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { RunningServer } from '../../src/teams/server';
import { ActionDetail, ActionTile, PlanPage } from '../../src/domain/plan-on-a-page';
import { STATUSES } from '../../src/domain/types';
import { anAction } from '../support/builders';
import { startLocalServer } from '../support/local-server';
import { testStorage, writeImported } from '../support/storage';

/** The tab's JSON API on the bot's real server, over the run's Azurite, in local mode (`?as=`). */
const storage = testStorage();
const OTHER_PLAN = 'health-plan';
const ALEX = 'alexw@example.com'; // chair of the demo plan, owns SG-1
const PATTI = 'pattif@example.com'; // no role; owns actions in the demo plan only
const NOBODY = 'nobody@example.com'; // no role, no actions anywhere
const ZOE = 'zoe@example.com'; // owns one action in the other plan, nothing in the demo plan
let server: RunningServer;
let base: string;

beforeAll(async () => {
  await seedDemo(storage, projectRoot(), new Date());
  await storage.plans.save(newPlan({ id: OTHER_PLAN, title: 'Health partnership plan', baselineDate: '2026-01-05' }));
  const action = anAction({
    planId: OTHER_PLAN,
    ref: '6(a)',
    theme: 'Health',
    agency: 'Health',
    owner: { email: ZOE, displayName: 'Zoe Example', aadObjectId: null },
  });
  await writeImported(storage, OTHER_PLAN, [action], { by: 'admin@example.com', at: new Date().toISOString() });
  server = await startLocalServer(storage);
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

interface ErrorBody {
  error: { code: string; message: string };
}
interface Me {
  person: { email: string; displayName: string };
  plans: { id: string; title: string; roles: string[]; mayMakeReport: boolean }[];
}

/** GET as someone; `T` is the body the test expects (an error body where it expects a refusal). */
async function get<T = ErrorBody>(path: string, as?: string): Promise<{ status: number; body: T; headers: Headers }> {
  const url = new URL(path, base);
  if (as !== undefined) url.searchParams.set('as', as);
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

describe('who is asking: /api/tab/me', () => {
  test('a chair who owns actions sees the plan with both roles', async () => {
    const { status, body, headers } = await get<Me>('/api/tab/me', ALEX);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('private, no-cache');
    expect(body.person).toEqual({ email: ALEX, displayName: 'Alex Wilber' });
    expect(body.plans).toEqual([
      { id: DEMO_PLAN_ID, title: expect.any(String), roles: ['chair', 'owner'], mayMakeReport: true },
    ]);
  });

  test('an owner with no role sees only the plan their actions are in', async () => {
    expect((await get<Me>('/api/tab/me', PATTI)).body.plans).toEqual([
      { id: DEMO_PLAN_ID, title: expect.any(String), roles: ['owner'], mayMakeReport: false },
    ]);
    expect((await get<Me>('/api/tab/me', ZOE)).body.plans).toEqual([
      { id: OTHER_PLAN, title: 'Health partnership plan', roles: ['owner'], mayMakeReport: false },
    ]);
  });

  test('someone with no role and no actions sees no plan at all', async () => {
    const { status, body } = await get<Me>('/api/tab/me', NOBODY);
    expect(status).toBe(200);
    expect(body).toEqual({ person: { email: NOBODY, displayName: NOBODY }, plans: [] });
  });

  test('local mode needs ?as= with an email', async () => {
    const missing = await get('/api/tab/me');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toEqual({
      code: 'not-signed-in',
      message: expect.stringMatching(/\?as=.*The demo people: Alex Wilber \(alexw@example\.com\), Megan Bowen/),
      // The page links each demo person (local mode only: production never lists anyone to a stranger).
      people: expect.arrayContaining([
        { email: 'alexw@example.com', name: 'Alex Wilber' },
        { email: 'meganb@example.com', name: 'Megan Bowen' },
      ]),
    });
    const bad = await get('/api/tab/me', 'alex wilber');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad-request');
  });
});

describe('the plan on a page: /api/tab/plans/:planId', () => {
  test('an owner sees the whole plan: themes in order, tiles, counts, filters and weeks', async () => {
    const { status, body } = await get<PlanPage>(`/api/tab/plans/${DEMO_PLAN_ID}`, PATTI);
    expect(status).toBe(200);
    const all = (await storage.actions.list(DEMO_PLAN_ID)).map((v) => v.value);
    const tiles = body.themes.flatMap((t) => t.actions);
    expect(tiles).toHaveLength(all.length);
    expect(body.themes.map((t) => t.name)).toEqual([...new Set(tiles.map((t) => t.theme))]);
    // In the order of the plan's file (SG-1 first), not by reference: see test/integration/plan-order.test.ts.
    expect(body.themes.map((t) => t.name)).toEqual(['Safeguarding services', 'Looked after children']);
    const refs = body.themes[0].actions.map((t) => t.ref);
    expect(refs.slice(0, 3)).toEqual(['SG-1', 'SG-2', 'SG-3']);
    expect(refs.indexOf('SG-10')).toBe(refs.indexOf('SG-9') + 1);
    expect(body.plan).toEqual({ id: DEMO_PLAN_ID, title: expect.any(String), baselineDate: expect.any(String) });
    expect(body.today).toBe(todayIn(new Date()));
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(body.counts.byRag)).toBe(all.length);
    expect(sum(body.counts.byStatus)).toBe(all.length);
    // Every status, in the register's order, even those no action has.
    expect(Object.keys(body.counts.byStatus)).toEqual(STATUSES);
    expect(body.filters.agencies).toEqual(['Council', 'Health', 'Partnership']);
    expect(body.filters.owners).toContainEqual({ email: PATTI, displayName: 'Patti Fernandez' });
    // The demo is imported a week before its baseline day and changed over the weeks since: a week for each Monday
    // from the import's to this one, each counting every action, ending at today's counts. LAC-6 was completed and
    // SG-3 given a new date (amber, no longer overdue) since the baseline's week.
    const weeks = body.ragByWeek;
    expect(weeks.map((w) => w.weekStarting)).toEqual(
      Array.from({ length: 10 }, (_, i) => addDays(mondayOf(addDays(body.plan.baselineDate, -7)), 7 * i)),
    );
    expect(weeks.at(-1)).toEqual({ weekStarting: mondayOf(body.today), ...body.counts.byRag });
    for (const { weekStarting, ...counts } of weeks)
      expect([weekStarting, sum(counts)]).toEqual([weekStarting, all.length]);
    // The first week that ends after the baseline day: on a Sunday the baseline (eight weeks back) is a Sunday too, and
    // the first week is judged on the import day itself, when the actions due "Immediately" are due that day, not late.
    const firstAfterImport = weeks.find((w) => addDays(w.weekStarting, 6) > body.plan.baselineDate);
    expect(firstAfterImport).toMatchObject({
      amber: 0,
      complete: body.counts.byRag.complete - 1,
      red: body.counts.byRag.red + 1,
    });
    // The performance book, worst first: the demo's quantified measures, then those in words only.
    const sg1 = body.measures?.find((m) => m.ref === 'SG-1');
    expect(sg1).toMatchObject({ unit: '%', target: 95, status: 'off-target', trend: 'improving' });
    expect(sg1?.values).toHaveLength(3);
    expect(body.measures?.filter((m) => m.unit === null).every((m) => m.status === 'no-data')).toBe(true);
  });

  test('a slipped date shows beside the original; a completed action waits for sign-off', async () => {
    const { body } = await get<PlanPage>(`/api/tab/plans/${DEMO_PLAN_ID}`, ALEX);
    const tile = (ref: string): ActionTile | undefined =>
      body.themes.flatMap((t) => t.actions).find((a) => a.ref === ref);
    const delayed = tile('LAC-3');
    expect(delayed).toMatchObject({ status: 'Delayed', rag: 'red', slipped: true });
    expect(delayed?.dueDate).not.toBe(delayed?.originalDueDate);
    expect(tile('LAC-1')).toMatchObject({ status: 'Complete', rag: 'complete', awaitingSignOff: true, overdue: false });
    expect(tile('SG-1')).toMatchObject({ owner: { email: ALEX, displayName: 'Alex Wilber' }, agency: 'Council' });
  });

  test('a plan the person may not read answers exactly as one that does not exist', async () => {
    const unreadable = await get(`/api/tab/plans/${DEMO_PLAN_ID}`, NOBODY);
    const missing = await get('/api/tab/plans/no-such-plan', NOBODY);
    expect(unreadable.status).toBe(404);
    expect(unreadable.body).toEqual(missing.body);
    expect(missing.body.error.code).toBe('not-found');
    // An owner in one plan reads nothing of another.
    const other = await get(`/api/tab/plans/${OTHER_PLAN}`, PATTI);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect(JSON.stringify(other.body)).not.toMatch(/Health partnership/);
  });
});

describe('one action: /api/tab/plans/:planId/actions/:ref', () => {
  test('the detail has its history, newest first, in plain English, and its evidence', async () => {
    const { status, body } = await get<ActionDetail>(`/api/tab/plans/${DEMO_PLAN_ID}/actions/LAC-1`, PATTI);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ref: 'LAC-1', status: 'Complete', awaitingSignOff: true });
    // Its own measure only, in words with nothing to judge it by.
    expect(body.measures).toEqual([expect.objectContaining({ ref: 'LAC-1', unit: null, status: 'no-data' })]);
    expect(body.evidence).toEqual([
      // The link was all that was given, so there are no words to show beside it (the note is the link itself).
      expect.objectContaining({
        url: 'https://example.com/audit/pathway-plans',
        words: null,
        addedAt: expect.any(String),
      }),
    ]);
    expect(body.history.length).toBeGreaterThanOrEqual(2);
    expect(body.history.at(-1)?.lines[0]).toMatch(/^Imported: /);
    expect(body.history[0].lines).toContainEqual(expect.stringMatching(/^Evidence: /));
    expect(body.history.map((h) => h.at)).toEqual([...body.history.map((h) => h.at)].sort().reverse());
    expect(body).toHaveProperty('dateRequest', null);
    expect(body).toHaveProperty('revisionCount', 0);
  });

  test('a reference is matched however it is written, and URL-encoded brackets work', async () => {
    expect((await get<ActionDetail>(`/api/tab/plans/${DEMO_PLAN_ID}/actions/lac-3`, ALEX)).body).toMatchObject({
      ref: 'LAC-3',
      revisionCount: 1,
      revisionReason: 'IT equipment roll-out slipped due to supplier problems',
    });
    const encoded = await get<ActionDetail>(`/api/tab/plans/${OTHER_PLAN}/actions/${encodeURIComponent('6(a)')}`, ZOE);
    expect(encoded.status).toBe(200);
    expect(encoded.body.ref).toBe('6(a)');
  });

  test('an action in a plan the person may not read answers exactly as a missing one', async () => {
    const unreadable = await get(`/api/tab/plans/${OTHER_PLAN}/actions/${encodeURIComponent('6(a)')}`, PATTI);
    const missingRef = await get(`/api/tab/plans/${DEMO_PLAN_ID}/actions/NO-1`, PATTI);
    const missingPlan = await get('/api/tab/plans/no-such-plan/actions/SG-1', PATTI);
    expect([unreadable.status, missingRef.status, missingPlan.status]).toEqual([404, 404, 404]);
    expect(unreadable.body).toEqual(missingRef.body);
    expect(missingPlan.body).toEqual(missingRef.body);
  });

  test('a change made after the page was drawn shows at once', async () => {
    const before = await get<PlanPage>(`/api/tab/plans/${OTHER_PLAN}`, ZOE);
    expect(before.body.counts.byStatus['On track']).toBe(0);
    const current = (await storage.actions.get(OTHER_PLAN, '6(a)'))!;
    const after = { ...current.value, status: 'On track' as const };
    await storage.actions.write(OTHER_PLAN, [
      {
        action: after,
        current,
        history: historyEntry(after, diffActions(current.value, after), {
          by: ZOE,
          via: 'chat',
          at: new Date().toISOString(),
        }),
      },
    ]);
    const later = await get<PlanPage>(`/api/tab/plans/${OTHER_PLAN}`, ZOE);
    expect(later.body.counts.byStatus['On track']).toBe(1);
  });
});

test('a large page goes gzipped to a browser that accepts it, and as plain JSON to one that does not', async () => {
  const raw = (encoding: string | null) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers = encoding ? { 'accept-encoding': encoding } : {};
      http
        .get(`${base}/api/tab/plans/${DEMO_PLAN_ID}?as=${encodeURIComponent(ALEX)}`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  const zipped = await raw('gzip, deflate, br');
  const plain = await raw(null);
  expect(zipped.headers['content-encoding']).toBe('gzip');
  expect(zipped.headers.vary).toBe('Accept-Encoding');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
  expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
});

test('an address under the API that is not one of its own gets the same error shape', async () => {
  for (const address of ['/api/tab/nothing', `/api/tab/plans/${DEMO_PLAN_ID}/actions/SG-1/more`]) {
    const { status, body } = await get(address, ALEX);
    expect(status).toBe(404);
    expect(body.error.code).toBe('not-found');
  }
});
