import { projectRoot } from '../../src/project-root';
import { SECTION_HEADINGS } from '../../src/reports/report-document';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { ReportLog } from '../../src/store/report-log';
import { RunningServer } from '../../src/teams/server';
import { REPORT_PATH } from '../../src/web/report-link';
import { readDocx } from '../support/docx-text';
import { startLocalServer } from '../support/local-server';
import { testStorage } from '../support/storage';

/**
 * "Download committee report" from the tab: the report itself (`/report`, a plain link in local
 * mode) and the short-lived signed link the tab opens in Teams (`/report-link`), on the bot's real
 * server over the run's Azurite, in local mode (`?as=`). Signed in with a Teams token: tab-sign-in.test.ts.
 */
const storage = testStorage();
const ALEX = 'alexw@example.com'; // chair of the demo plan
const PATTI = 'pattif@example.com'; // owns actions in the demo plan, no role
const NOBODY = 'nobody@example.com'; // no role, no actions
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let server: RunningServer;
let base: string;
let title: string;

beforeAll(async () => {
  await seedDemo(storage, projectRoot(), new Date());
  title = (await storage.plans.get(DEMO_PLAN_ID))?.title ?? '';
  server = await startLocalServer(storage);
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

const reportPath = (format: string | null, planId = DEMO_PLAN_ID, route = 'report') =>
  `/api/tab/plans/${planId}/${route}${format === null ? '' : `?format=${format}`}`;

function get(path: string, as: string): Promise<Response> {
  const url = new URL(path, base);
  url.searchParams.set('as', as);
  return fetch(url);
}

async function errorOf(response: Response) {
  return { status: response.status, ...((await response.json()) as { error: { code: string; message: string } }) };
}

const madeBy = async () => (await new ReportLog(storage.tables).list(DEMO_PLAN_ID)).map((r) => r.by);

describe('the report file: /api/tab/plans/:planId/report', () => {
  test('a chair downloads the Word report: an attachment that opens as the report, and it is remembered', async () => {
    const before = (await madeBy()).length;
    const response = await get(reportPath('docx'), ALEX);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="${DEMO_PLAN_ID}-report-\\d{4}-\\d\\d-\\d\\d\\.docx"$`),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const doc = await readDocx(Buffer.from(await response.arrayBuffer()));
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([...SECTION_HEADINGS]);
    expect(doc.paragraphs[0]).toEqual({ style: 'Title', text: `${title}: highlight report` });
    // Every action of the plan is in the appendix.
    const refs = (await storage.actions.list(DEMO_PLAN_ID)).map((v) => v.value.ref);
    for (const ref of refs) expect(doc.xml).toContain(`>${ref}</w:t>`);
    expect((await madeBy()).slice(before)).toEqual([ALEX]);
  });

  test('a chair opens the web page: the same report as HTML, shown in the browser rather than downloaded', async () => {
    const response = await get(reportPath('html'), ALEX);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="ofsted-2011-report-[\d-]+\.html"$/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = await response.text();
    for (const heading of SECTION_HEADINGS) expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).not.toMatch(/<script/i);
    // The demo's delayed and at-risk actions have no update, only the reason their dates moved: that is shown,
    // with who and when, and references and dates do not break over lines.
    const row = (ref: string) => new RegExp(`<tr><td class="ref">${ref}</td>(?:(?!</tr>).)*</tr>`, 'g');
    const date = '\\d{1,2}&nbsp;[A-Z][a-z]{2}&nbsp;\\d{4}';
    expect(html.match(row('LAC-3'))).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `Due date moved to ${date}: IT equipment roll-out slipped due to supplier problems \\([^,<]+, ${date}\\)`,
        ),
      ),
    );
    expect(html.match(row('SG-3'))).toContainEqual(
      expect.stringMatching(/Due date moved to .*: Waiting for the audit team to finish the case file review \(/),
    );
  });

  test('no format means Word; any other format is refused in plain English', async () => {
    const plain = await get(reportPath(null), ALEX);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe(DOCX);
    await plain.arrayBuffer();
    expect(await errorOf(await get(reportPath('pdf'), ALEX))).toEqual({
      status: 400,
      error: { code: 'bad-request', message: expect.stringMatching(/docx \(a Word document\) or html/) },
    });
  });

  test('an action owner with no role is refused with 403 and nothing is made', async () => {
    const before = await madeBy();
    for (const route of ['report', 'report-link']) {
      expect(await errorOf(await get(reportPath('docx', DEMO_PLAN_ID, route), PATTI))).toEqual({
        status: 403,
        error: {
          code: 'not-permitted',
          message: 'Only a chair, an executive or an administrator of this plan can make its committee report.',
        },
      });
    }
    expect(await madeBy()).toEqual(before);
  });

  test('a plan the person may not read answers exactly as one that does not exist', async () => {
    for (const route of ['report', 'report-link']) {
      const stranger = await errorOf(await get(reportPath('docx', DEMO_PLAN_ID, route), NOBODY));
      const missing = await errorOf(await get(reportPath('docx', 'no-such-plan', route), ALEX));
      expect(stranger).toEqual({ status: 404, error: { code: 'not-found', message: expect.any(String) } });
      expect(stranger).toEqual(missing);
      expect(JSON.stringify(stranger)).not.toContain(title);
    }
  });

  test('local mode still needs ?as= to say who is asking', async () => {
    const response = await fetch(new URL(reportPath('docx'), base));
    expect((await errorOf(response)).status).toBe(401);
  });
});

describe('the signed link for Teams: /api/tab/plans/:planId/report-link', () => {
  test('a chair gets a short-lived link, made for them, that downloads the report without the tab', async () => {
    const before = (await madeBy()).length;
    const response = await get(reportPath('docx', DEMO_PLAN_ID, 'report-link'), ALEX);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { url, minutes } = (await response.json()) as { url: string; minutes: number };
    expect(minutes).toBe(15);
    expect(url).toMatch(new RegExp(`^${base.replace(/\./g, '\\.')}${REPORT_PATH}\\?format=docx&token=`));
    // Making the link makes no report; opening it does (with no ?as= and no token of the tab's).
    expect(await madeBy()).toHaveLength(before);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(DOCX);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"$/);
    const doc = await readDocx(Buffer.from(await file.arrayBuffer()));
    expect(doc.paragraphs[0].text).toBe(`${title}: highlight report`);
    expect((await madeBy()).slice(before)).toEqual([ALEX]);

    const page = (await (await get(reportPath('html', DEMO_PLAN_ID, 'report-link'), ALEX)).json()) as { url: string };
    expect(page.url).toContain(`${REPORT_PATH}?format=html&token=`);
    const html = await fetch(page.url);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<h1>Key challenges and risks</h1>');
  });

  test('a tampered link is refused, and says so plainly', async () => {
    const { url } = (await (await get(reportPath('docx', DEMO_PLAN_ID, 'report-link'), ALEX)).json()) as {
      url: string;
    };
    const token = new URL(url).searchParams.get('token') ?? '';
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const refused = await fetch(`${base}${REPORT_PATH}?format=docx&token=${encodeURIComponent(tampered)}`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/This link is not valid/);
  });
});
