import { REACH_WORDS } from '../../src/cards/reach-words';
import { personalChat, TENANT } from '../support/builders';
import { cliOverTestStorage, importDemoPlan } from '../support/cli';

const { storage, cli } = cliOverTestStorage('reach');
const SERVICE = 'https://smba.trafficmanager.net/emea/';

interface ReachRow {
  email: string;
  roles: string[];
  how: string;
  problem: string | null;
  why: string | null;
  todo: string | null;
}

beforeAll(async () => {
  const imported = await importDemoPlan(cli);
  expect(imported.code).toBe(0);
  const now = new Date().toISOString();
  // Alex wrote to the bot; Megan was met in a team; Adele blocked the bot; Isaiah is known but not where; the rest never met.
  await storage.people.link({
    email: 'alexw@example.com',
    name: 'Alex Wilber',
    teamsUserId: 'user-id-0',
    personalChat: personalChat(SERVICE, 'user-id-0'),
    updatedAt: now,
  });
  await storage.people.link({
    email: 'meganb@example.com',
    name: 'Megan Bowen',
    teamsUserId: 'user-id-1',
    tenantId: TENANT,
    serviceUrl: SERVICE,
    updatedAt: now,
  });
  await storage.people.link({
    email: 'adelev@example.com',
    name: 'Adele Vance',
    teamsUserId: 'user-id-2',
    personalChat: personalChat(SERVICE, 'user-id-2'),
    unreachable: 'blocked',
    updatedAt: now,
  });
  await storage.people.link({
    email: 'isaiah@example.com',
    name: 'Isaiah Langer',
    teamsUserId: 'user-id-3',
    updatedAt: now,
  });
  await storage.roles.grant('ofsted-2011', 'chair@example.com', 'chair', 'Chris Chair');
  await storage.roles.grant('*', 'exec@example.com', 'executive');
  await storage.conversations.saveReference({
    conversationId: '19:exec@thread.tacv2',
    kind: 'channel',
    tenantId: TENANT,
    reference: { serviceUrl: SERVICE },
    updatedAt: now,
  });
  await storage.conversations.bindPlan('19:exec@thread.tacv2', 'ofsted-2011');
});

test('reach lists every owner, chair and executive with how the bot can reach them, and what to do about those it cannot', async () => {
  const result = await cli('reach', '--plan', 'ofsted-2011');
  expect(result.code).toBe(0);
  const line = (who: string) => result.out.split('\n').find((l) => l.includes(who)) ?? '';
  expect(line('alexw@example.com')).toMatch(/owner.*personal chat/);
  expect(line('meganb@example.com')).toMatch(/can open a chat/);
  expect(line('adelev@example.com')).toMatch(/cannot reach/);
  expect(result.out).toContain(
    'Adele Vance <adelev@example.com>:\n  has blocked the bot or removed the app.\n  What to do: Ask them to unblock Action Tracker',
  );
  expect(result.out).toMatch(/Isaiah Langer <isaiah@example.com>:\n {2}is known, but not which organisation's Teams/);
  expect(line('isaiah@example.com')).toMatch(/cannot reach/);
  expect(line('Chris Chair <chair@example.com>  ')).toMatch(/chair\s+cannot reach/);
  expect(line('exec@example.com  ')).toMatch(/executive\s+cannot reach/);
  expect(result.out).toMatch(
    /Chris Chair <chair@example.com>, exec@example.com, [^\n]*:\n {2}has not been met in Teams[^\n]*\n {2}What to do: Install Action Tracker for them/,
  );
  expect(result.out).toMatch(/\d+ people: 1 by their personal chat, 1 can be sent a new chat, \d+ cannot be reached\./);
});

test('the digest lists exactly the owners the reach command says it cannot reach, in the same words', async () => {
  const rows = JSON.parse((await cli('reach', '--plan', 'ofsted-2011', '--json')).out) as ReachRow[];
  expect(rows.find((r) => r.email === 'isaiah@example.com')).toMatchObject({
    how: 'cannot',
    problem: 'no-tenant',
    why: REACH_WORDS['no-tenant'].why,
  });
  const cannot = rows.filter((r) => r.roles.includes('owner') && r.how === 'cannot');
  expect(cannot.length).toBeGreaterThanOrEqual(2);
  const digest = await cli('digest', '--plan', 'ofsted-2011', '--dry-run', '--json');
  expect(digest.code).toBe(0);
  const card = JSON.stringify((JSON.parse(digest.out) as { recipients: { card: unknown }[] }).recipients[0].card);
  const section = card.slice(card.indexOf("Owners I can't reach"));
  expect(section).toContain(`Owners I can't reach (${cannot.length})`);
  for (const row of cannot) {
    expect(section).toContain(row.email);
    expect(section).toContain(row.why!);
  }
  for (const row of rows.filter((r) => r.how !== 'cannot')) expect(section).not.toContain(row.email);
});

test('the reminder run reports the same reasons in the same words', async () => {
  const rows = JSON.parse((await cli('reach', '--plan', 'ofsted-2011', '--json')).out) as ReachRow[];
  const run = await cli('remind', '--plan', 'ofsted-2011', '--dry-run', '--json');
  const report = JSON.parse(run.out) as { recipients: { key: string; outcome: string; reason: string | null }[] };
  for (const r of report.recipients) {
    const row = rows.find((x) => x.email === r.key)!;
    expect(r.outcome === 'unreachable' ? r.reason : null).toBe(row.problem);
  }
  const words = await cli('remind', '--plan', 'ofsted-2011', '--dry-run');
  expect(words.out).toContain('has blocked the bot or removed the app');
});

test('reach shows every role a person has: an owner who administers is both', async () => {
  await storage.roles.grant('*', 'meganb@example.com', 'admin', 'Megan Bowen');
  const result = await cli('reach', '--plan', 'ofsted-2011');
  expect(result.out.split('\n').find((l) => l.includes('meganb@example.com'))).toMatch(
    /owner, admin\s+can open a chat/,
  );
  const rows = JSON.parse((await cli('reach', '--plan', 'ofsted-2011', '--json')).out) as ReachRow[];
  expect(rows.find((r) => r.email === 'meganb@example.com')?.roles).toEqual(['owner', 'admin']);
});

test('the remind dry run gives each reason and its advice in full, and the digest names a channel without its id', async () => {
  const words = await cli('remind', '--plan', 'ofsted-2011', '--dry-run');
  for (const problem of ['blocked', 'no-tenant', 'not-met'] as const) {
    expect(words.out).toContain(`  ${REACH_WORDS[problem].why}.\n  What to do: ${REACH_WORDS[problem].todo}\n`);
  }
  expect(words.out).not.toMatch(/…/);
  const digest = await cli('digest', '--plan', 'ofsted-2011', '--dry-run');
  expect(digest.out).toMatch(/a channel bound to the plan\s+would send/);
  expect(digest.out).not.toContain('19:exec@thread.tacv2');
});
