import { BotHarness, message, startBotHarness } from '../support/bot-harness';
import { readDocx } from '../support/docx-text';
import { seedReportPlan } from '../support/report-plan';
import { testStorage } from '../support/storage';
import { SECTION_HEADINGS } from '../../src/reports/report-document';
import { REPORT_PATH, ReportLinks } from '../../src/web/report-link';
import { ReportLog } from '../../src/store/report-log';

/**
 * "report" in chat, and the signed link its card carries, against the real server and storage:
 * Alex Wilber chairs the plan; Megan Bowen owns actions in it and has no role; Adele Vance has
 * nothing to do with it.
 */
const SECRET = 'a-test-secret-for-report-links-32-chars+';
const ALEX = 0;
const MEGAN = 1;
const ADELE = 2;
let bot: BotHarness;
let links: ReportLinks;

beforeAll(async () => {
  const storage = testStorage();
  await seedReportPlan(storage, 'rp', { chair: 'alexw@example.com' });
  bot = await startBotHarness({ storage, seed: false, env: { REPORT_LINK_SECRET: SECRET } });
  links = new ReportLinks(SECRET, () => `http://127.0.0.1:${bot.server.port}`);
});
afterAll(() => bot.stop());

async function ask(text: string, user: number) {
  const incoming = message(bot.connector.url, text, { user });
  const reply = bot.connector.next((s) => s.replyToId === incoming.id);
  expect((await bot.post(incoming)).status).toBe(200);
  return (await reply).activity;
}

const cardOf = (activity: Record<string, unknown>) =>
  (activity.attachments as { content: { body: { text: string }[]; actions: { title: string; url: string }[] } }[])[0]
    .content;

describe('"report" in chat', () => {
  test('gives a chair a card whose links download the Word report and open the web page', async () => {
    const card = cardOf(await ask('committee report please', ALEX));
    expect(card.body[0].text).toBe('Committee report: Improvement plan 2026');
    expect(card.body[2].text).toBe('The links work for 15 minutes, and only for you.');
    const [docx, html] = card.actions;
    expect(docx.title).toBe('Download (Word)');
    expect(docx.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${bot.server.port}${REPORT_PATH}\\?format=docx&token=`),
    );

    const word = await fetch(docx.url);
    expect(word.status).toBe(200);
    expect(word.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(word.headers.get('content-disposition')).toMatch(/^attachment; filename="rp-report-\d{4}-\d\d-\d\d\.docx"$/);
    const doc = await readDocx(Buffer.from(await word.arrayBuffer()));
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([...SECTION_HEADINGS]);

    const page = await fetch(html.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(await page.text()).toContain('<h1>Key challenges and risks</h1>');
    // Downloading is making the report: the next one runs from today.
    expect((await new ReportLog(bot.storage.tables).list('rp')).map((r) => r.by)).toEqual([
      'alexw@example.com',
      'alexw@example.com',
    ]);
  });

  test('in a group chat, sends no links (whoever holds them can open the report) and says where to ask', async () => {
    const incoming = message(bot.connector.url, 'report', { user: ALEX, kind: 'groupChat', mention: true });
    const reply = bot.connector.next((s) => s.replyToId === incoming.id);
    expect((await bot.post(incoming)).status).toBe(200);
    const activity = (await reply).activity;
    expect(activity.text).toBe(
      'The committee report comes as links that open it for whoever has them, so I only send them in a one-to-one chat: message me "report" there.',
    );
    expect(JSON.stringify(activity)).not.toContain('token=');
  });

  test('refuses an owner with no role in plain words, and names no plan to someone who cannot read it', async () => {
    expect((await ask('report', MEGAN)).text).toBe(
      'Only a chair, an executive or an administrator can make the committee report.',
    );
    const adele = await ask('report', ADELE);
    expect(adele.text).toBe('Only a chair, an executive or an administrator can make the committee report.');
    const named = await ask('report rp', ADELE);
    expect(named.text).toBe('There is no plan "rp" that you can read. Type "my plans" to see yours.');
    expect(JSON.stringify([adele, named])).not.toContain('Improvement plan 2026');
  });
});

describe('the signed link', () => {
  const fetchReport = (token: string, format = 'docx') =>
    fetch(`http://127.0.0.1:${bot.server.port}${REPORT_PATH}?format=${format}&token=${encodeURIComponent(token)}`);

  test('works for the person it was made for, within 15 minutes', async () => {
    const made = new Date(Date.now() - 14 * 60_000);
    const response = await fetchReport(await links.token({ planId: 'rp', email: 'alexw@example.com' }, made));
    expect(response.status).toBe(200);
  });

  test('has expired after 15 minutes', async () => {
    const made = new Date(Date.now() - 16 * 60_000);
    const response = await fetchReport(await links.token({ planId: 'rp', email: 'alexw@example.com' }, made));
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/^This link has expired: links to the report work for 15 minutes\./);
  });

  test.each([
    [
      'its plan changed',
      (t: string) => {
        const [head, body, sig] = t.split('.');
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
        return [head, Buffer.from(JSON.stringify({ ...claims, plan: 'other' })).toString('base64url'), sig].join('.');
      },
    ],
    [
      'its person changed',
      (t: string) => {
        const [head, body, sig] = t.split('.');
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
        return [
          head,
          Buffer.from(JSON.stringify({ ...claims, sub: 'adelev@example.com' })).toString('base64url'),
          sig,
        ].join('.');
      },
    ],
    ['its signature cut off', (t: string) => t.split('.').slice(0, 2).join('.') + '.'],
    ['not a token at all', () => 'not-a-token'],
  ])('is refused with %s', async (_, tamper) => {
    const good = await links.token({ planId: 'rp', email: 'alexw@example.com' }, new Date());
    const response = await fetchReport(tamper(good));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('This link is not valid. Type "report" to the bot in Teams for a new one.');
  });

  test('signed with another secret is refused', async () => {
    const forged = new ReportLinks('another-secret-that-is-32-characters!!', () => '');
    const response = await fetchReport(await forged.token({ planId: 'rp', email: 'alexw@example.com' }, new Date()));
    expect(response.status).toBe(401);
  });

  test('made for someone who cannot read the plan, it shows nothing of it', async () => {
    const response = await fetchReport(await links.token({ planId: 'rp', email: 'adelev@example.com' }, new Date()));
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toBe('There is no plan "rp" that you can read.');
  });

  test('stops working once its person loses the role that let them read the plan', async () => {
    await bot.storage.roles.grant('rp', 'isaiah@example.com', 'executive');
    const token = await links.token({ planId: 'rp', email: 'isaiah@example.com' }, new Date());
    expect((await fetchReport(token, 'html')).status).toBe(200);
    await bot.storage.roles.revoke('rp', 'isaiah@example.com', 'executive');
    expect((await fetchReport(token, 'html')).status).toBe(404);
  });

  test('refuses a format it does not make', async () => {
    const token = await links.token({ planId: 'rp', email: 'alexw@example.com' }, new Date());
    const response = await fetchReport(token, 'pdf');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('The format must be docx or html.');
  });
});
