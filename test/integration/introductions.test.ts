import pino from 'pino';
import { directory } from '../../src/domain/reach';
import { reachOfPerson } from '../../src/jobs/destination';
import { BOT_ID, BotHarness, startBotHarness, TENANT } from '../support/bot-harness';
import { installationUpdate } from '../support/builders';
import { Member } from '../support/fake-connector';

/**
 * Who the bot records when it is installed or added somewhere, driven through
 * the real server and storage, with Teams' connector played by the stand-in.
 */
let h: BotHarness;
const logs: Record<string, unknown>[] = [];
const logged = (msg: string) => logs.filter((l) => typeof l.msg === 'string' && l.msg.includes(msg));

beforeAll(async () => {
  const log = pino(
    { level: 'debug' },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  h = await startBotHarness({ log });
});
afterAll(() => h.stop());

let counter = 0;
const member = (n: string, overrides: Partial<Member> = {}): Member => ({
  id: `29:${n}`,
  name: `Person ${n}`,
  aadObjectId: `aad-${n}`,
  email: `Person.${n}@Council.gov.uk`,
  userPrincipalName: `p${n}@council.onmicrosoft.com`,
  tenantId: TENANT,
  ...overrides,
});

/** `who` installs the app for themselves, in personal scope. */
function install(who: Member, options: { serviceUrl?: string; withAad?: boolean } = {}) {
  const from = { id: who.id, name: who.name, ...(options.withAad === false ? {} : { aadObjectId: who.aadObjectId }) };
  return installationUpdate(options.serviceUrl ?? h.connector.url, 'add', { kind: 'personal' }, from);
}

function addedToTeam(team: string, membersAdded = [{ id: BOT_ID }]) {
  return {
    type: 'conversationUpdate',
    id: `update-${++counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from: { id: '29:someone' },
    recipient: { id: BOT_ID, name: 'Action Tracker' },
    conversation: { id: `${team}`, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, team: { id: team }, channel: { id: team }, eventType: 'teamMemberAdded' },
    membersAdded,
  };
}

const welcome = (who: Member) =>
  h.connector.next((s) => s.conversationId === `a:personal-${who.id}` && String(s.activity.text).startsWith('Hello!'));

describe('installed in personal scope', () => {
  test('the person is looked up in that turn and recorded with everything needed to reach them', async () => {
    const jo = member('jo', { email: 'Jo.Bloggs@Council.gov.uk', userPrincipalName: 'JBloggs@council.gov.uk' });
    h.connector.members.push(jo);
    expect((await h.post(install(jo))).status).toBe(200);
    await welcome(jo);
    const person = await h.storage.people.byEmail('jo.bloggs@council.gov.uk');
    expect(person).toMatchObject({
      email: 'jo.bloggs@council.gov.uk',
      userPrincipalName: 'jbloggs@council.gov.uk',
      aadObjectId: 'aad-jo',
      teamsUserId: '29:jo',
      tenantId: TENANT,
      serviceUrl: h.connector.url,
      name: 'Person jo',
      unreachable: null,
    });
    expect(person?.personalChat).toMatchObject({
      conversation: { id: 'a:personal-29:jo' },
      serviceUrl: h.connector.url,
    });
    expect(reachOfPerson(person!)).toEqual({ how: 'chat' });
    // A plan may name them by either address.
    const find = directory(await h.storage.people.all());
    expect(find({ email: 'JBLOGGS@council.gov.uk' })?.email).toBe('jo.bloggs@council.gov.uk');
  });

  test('an install event without an Entra object id: looked up by their Teams id, and the gap is logged', async () => {
    const kim = member('kim');
    h.connector.members.push(kim);
    expect((await h.post(install(kim, { withAad: false }))).status).toBe(200);
    await welcome(kim);
    expect(await h.storage.people.byEmail('person.kim@council.gov.uk')).toMatchObject({
      aadObjectId: 'aad-kim',
      teamsUserId: '29:kim',
    });
    expect(logged('without an Entra object id')).toHaveLength(1);
  });

  test('a member look-up that fails still welcomes the person, records nobody, and says why in the log', async () => {
    const lee = member('lee');
    h.connector.members.push(lee);
    h.connector.memberFault = ({ memberId }) => (memberId === lee.id ? { status: 404 } : null);
    try {
      expect((await h.post(install(lee))).status).toBe(200);
      await welcome(lee);
    } finally {
      h.connector.memberFault = () => null;
    }
    expect(await h.storage.people.byEmail('person.lee@council.gov.uk')).toBeNull();
    expect(await h.storage.conversations.get('a:personal-29:lee')).not.toBeNull();
    expect(logged('could not look up who installed the app')[0]).toMatchObject({ status: 404, level: 40 });
  });

  test('a Teams service never seen before is recorded as where the person was met, and logged once', async () => {
    const sam = member('sam');
    h.connector.members.push(sam);
    const emea = `${h.connector.url}/emea/`;
    expect((await h.post(install(sam, { serviceUrl: emea }))).status).toBe(200);
    await welcome(sam);
    expect(await h.storage.people.byEmail('person.sam@council.gov.uk')).toMatchObject({ serviceUrl: emea });
    expect(h.connector.lookups).toContain('member:29:sam');
    const host = new URL(emea).host;
    expect(
      logged('first activity from this Teams service').filter((l) => l.serviceHost === host).length,
    ).toBeGreaterThanOrEqual(1);
    const before = logged('first activity from this Teams service').length;
    await h.post(install(member('sam'), { serviceUrl: emea }));
    await welcome(sam);
    expect(logged('first activity from this Teams service')).toHaveLength(before);
  });

  test('someone whose address changed in Teams is re-linked by their Entra object id, chat and all', async () => {
    const pat = member('pat', { email: 'pat.old@council.gov.uk' });
    h.connector.members.push(pat);
    await h.post(install(pat));
    await welcome(pat);
    pat.email = 'pat.new@council.gov.uk';
    await h.post(addedToTeam('19:pat-team@thread.tacv2'));
    const moved = await h.storage.people.byEmail('pat.new@council.gov.uk');
    expect(moved).toMatchObject({
      aadObjectId: 'aad-pat',
      teamsUserId: '29:pat',
      formerEmails: ['pat.old@council.gov.uk'],
    });
    expect(moved?.personalChat).toMatchObject({ conversation: { id: 'a:personal-29:pat' } });
    expect(await h.storage.people.byEmail('pat.old@council.gov.uk')).toBeNull();
    expect(await h.storage.people.emailOf('aad-pat')).toBe('pat.new@council.gov.uk');
    // A plan that still names the old address finds them.
    expect(directory(await h.storage.people.all())({ email: 'Pat.Old@council.gov.uk' })?.email).toBe(
      'pat.new@council.gov.uk',
    );
    expect(logged('re-linked by their Entra object id').length).toBeGreaterThanOrEqual(1);
  });
});

describe('added to a team', () => {
  const roster = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => member(`${prefix}${i}`));

  test('every member is read, page by page, and recorded so the bot can open a chat with them', async () => {
    const team = '19:big-team@thread.tacv2';
    h.connector.rosters.set(team, roster('big', 230));
    h.connector.members.push(...h.connector.rosters.get(team)!);
    const pagesBefore = h.connector.lookups.filter((l) => l.startsWith('page:')).length;
    expect((await h.post(addedToTeam(team))).status).toBe(200);
    expect(h.connector.lookups.filter((l) => l.startsWith('page:')).slice(pagesBefore)).toEqual([
      'page:1',
      'page:2',
      'page:3',
    ]);
    const people = await h.storage.people.all();
    const recorded = people.filter((p) => p.email.startsWith('person.big'));
    expect(recorded).toHaveLength(230);
    for (const p of recorded) {
      expect(p).toMatchObject({ tenantId: TENANT, serviceUrl: h.connector.url, personalChat: null });
      expect(reachOfPerson(p)).toEqual({ how: 'open' });
    }
    expect(await h.storage.conversations.get(team)).not.toBeNull();
  });

  test('a member list that stops half way keeps the pages read, and says so in the log', async () => {
    const team = '19:broken-team@thread.tacv2';
    h.connector.rosters.set(team, roster('half', 230));
    h.connector.memberFault = ({ conversationId, page }) =>
      conversationId === team && page === 2 ? { status: 404 } : null;
    try {
      expect((await h.post(addedToTeam(team))).status).toBe(200);
    } finally {
      h.connector.memberFault = () => null;
    }
    const recorded = (await h.storage.people.all()).filter((p) => p.email.startsWith('person.half'));
    expect(recorded).toHaveLength(100);
    expect(logged('reading the members stopped part way').at(-1)).toMatchObject({
      page: 2,
      recorded: 100,
      status: 404,
    });
  });

  test("added to a group chat, it reads that chat's members the same way", async () => {
    const chat = '19:board@thread.v2';
    h.connector.rosters.set(chat, roster('board', 3));
    h.connector.members.push(...h.connector.rosters.get(chat)!);
    const activity = addedToTeam(chat);
    const groupChat = {
      ...activity,
      conversation: { id: chat, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
      channelData: { tenant: { id: TENANT } },
    };
    expect((await h.post(groupChat)).status).toBe(200);
    const recorded = (await h.storage.people.all()).filter((p) => p.email.startsWith('person.board'));
    expect(recorded.map((p) => p.teamsUserId).sort()).toEqual(['29:board0', '29:board1', '29:board2']);
  });

  test('someone who joins a team the bot is in is looked up and recorded', async () => {
    const team = '19:joined-team@thread.tacv2';
    const ann = member('ann');
    h.connector.members.push(ann);
    h.connector.rosters.set(team, [...roster('joined', 2), ann]);
    expect((await h.post(addedToTeam(team, [{ id: ann.id }]))).status).toBe(200);
    expect(await h.storage.people.byEmail('person.ann@council.gov.uk')).toMatchObject({
      teamsUserId: '29:ann',
      tenantId: TENANT,
    });
  });

  test('logs never carry message text or secrets', () => {
    const all = JSON.stringify(logs);
    expect(all).not.toMatch(/Hello! I keep track/);
    expect(all).not.toMatch(/password|secret/i);
  });
});

describe('writing to the bot', () => {
  test('an address Teams confirmed over a week ago is checked again, and a changed one re-linked', async () => {
    const old = new Date(Date.now() - 8 * 24 * 60 * 60_000).toISOString();
    const rob = member('rob', { email: 'rob.new@council.gov.uk' });
    h.connector.members.push(rob);
    await h.storage.people.link({
      email: 'rob.old@council.gov.uk',
      aadObjectId: 'aad-rob',
      teamsUserId: '29:rob',
      updatedAt: old,
    });
    const said = await h.post({
      type: 'message',
      id: `msg-${++counter}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: h.connector.url,
      from: { id: rob.id, name: rob.name, aadObjectId: rob.aadObjectId },
      recipient: { id: BOT_ID, name: 'Action Tracker' },
      conversation: { id: `a:personal-${rob.id}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      text: 'help',
    });
    expect(said.status).toBe(200);
    await h.connector.next((s) => s.conversationId === `a:personal-${rob.id}`);
    expect(await h.storage.people.emailOf('aad-rob')).toBe('rob.new@council.gov.uk');
    expect(await h.storage.people.byEmail('rob.new@council.gov.uk')).toMatchObject({
      formerEmails: ['rob.old@council.gov.uk'],
      teamsUserId: '29:rob',
    });
    expect(await h.storage.people.byEmail('rob.old@council.gov.uk')).toBeNull();
  });
});
