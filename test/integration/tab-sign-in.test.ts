import pino from 'pino';
import { loadConfig } from '../../src/config';
import { projectRoot } from '../../src/project-root';
import { DEMO_PEOPLE, DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { freePort } from '../../src/store/embedded-azurite';
import { RunningServer, startServer } from '../../src/teams/server';
import { SECTION_HEADINGS } from '../../src/reports/report-document';
import { REPORT_PATH } from '../../src/web/report-link';
import { tabSignIn } from '../../src/web/tab-sign-in';
import { readDocx } from '../support/docx-text';
import { newSigningKey, OpenIdIssuer, signJwt, unsignedJwt } from '../support/openid-issuer';
import { testStorage } from '../support/storage';

/**
 * Teams single sign-on tokens checked by the real server with authentication on. Entra's key
 * endpoint is stood in for by a local server publishing a JSON Web Key Set (`{ keys: [...] }`, as
 * https://login.microsoftonline.com/common/discovery/v2.0/keys does) of a key pair made here.
 */
const TENANT = '0b5c1c1e-4a5e-4f0e-9d6c-2b1f6c7d8e9f';
const OTHER_TENANT = '7d3e2f10-1111-4222-8333-944455566677';
const APP_ID = '5b6e2a70-3c1d-4e8f-9a0b-1c2d3e4f5a6b';
const DOMAIN = 'action-tracker.example.net';
const RESOURCE = `api://${DOMAIN}/${APP_ID}`;
const ALEX = DEMO_PEOPLE[0];

const trusted = newSigningKey('entra-key-1');
const forger = newSigningKey('entra-key-1'); // same key id, another key: what a forger would try
const entra = new OpenIdIssuer(`https://sts.windows.net/${TENANT}/`, [trusted]);
const storage = testStorage();
let server: RunningServer;
let base: string;

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** The claims of a v1 token as Teams' getAuthToken gives one. */
const v1Claims = (overrides: Record<string, unknown> = {}) => ({
  aud: RESOURCE,
  iss: `https://sts.windows.net/${TENANT}/`,
  tid: TENANT,
  iat: nowSeconds() - 60,
  nbf: nowSeconds() - 60,
  exp: nowSeconds() + 3600,
  ver: '1.0',
  upn: 'AlexW@example.com',
  name: 'Alex Wilber',
  oid: '9f0e8d7c-6b5a-4938-8271-605f4e3d2c1b',
  scp: 'access_as_user',
  ...overrides,
});

beforeAll(async () => {
  await entra.start();
  await seedDemo(storage, projectRoot(), new Date());
  const config = loadConfig({
    NODE_ENV: 'test',
    BOT_AUTH: 'on',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppTenantId: TENANT,
    ALLOWED_TENANTS: TENANT,
    BOT_DOMAIN: DOMAIN,
    TAB_SIGNIN_KEYS_URL: `${entra.url}/keys`,
    PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
    JOBS_IN_PROCESS: 'off',
  });
  server = await startServer(config, storage, pino({ level: 'silent' }), '127.0.0.1');
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await entra.stop();
});

interface Answer {
  status: number;
  body: { person?: { email: string }; plans?: { id: string }[]; error?: { code: string; message: string } };
}

async function me(token: string | null, query = ''): Promise<Answer> {
  const response = await fetch(`${base}/api/tab/me${query}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

describe('a Teams single sign-on token', () => {
  test('a good v1 token signs the person in by their address, lower-cased', async () => {
    const { status, body } = await me(signJwt(v1Claims(), trusted));
    expect(status).toBe(200);
    expect(body.person?.email).toBe(ALEX.email);
    expect(body.plans?.map((p) => p.id)).toEqual([DEMO_PLAN_ID]);
  });

  test('a good v2 token (issuer …/v2.0, audience the app id, preferred_username) is accepted too', async () => {
    const claims = v1Claims({
      aud: APP_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      ver: '2.0',
      upn: undefined,
      preferred_username: 'pattif@example.com',
    });
    const { status, body } = await me(signJwt(claims, trusted));
    expect(status).toBe(200);
    expect(body.person?.email).toBe('pattif@example.com');
  });

  test('someone chat already knows by their object id is the same person here, whatever their UPN', async () => {
    const claims = v1Claims({ upn: 'alex.wilber@contoso.onmicrosoft.com', oid: ALEX.aadObjectId });
    const { body } = await me(signJwt(claims, trusted));
    expect(body.person?.email).toBe(ALEX.email);
  });

  test.each<[string, () => string | null, number, string]>([
    ['missing', () => null, 401, 'not-signed-in'],
    [
      'expired',
      () => signJwt(v1Claims({ exp: nowSeconds() - 600, iat: nowSeconds() - 4200 }), trusted),
      401,
      'not-signed-in',
    ],
    [
      'for another audience',
      () => signJwt(v1Claims({ aud: 'api://elsewhere.example.net/' + APP_ID }), trusted),
      401,
      'not-signed-in',
    ],
    [
      'for another app',
      () => signJwt(v1Claims({ aud: '00000003-0000-0000-c000-000000000000' }), trusted),
      401,
      'not-signed-in',
    ],
    [
      'from a tenant not on the allow-list',
      () => signJwt(v1Claims({ tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` }), trusted),
      403,
      'tenant-not-allowed',
    ],
    [
      'whose issuer is not Entra for its tenant',
      () => signJwt(v1Claims({ iss: `https://sts.windows.net/${OTHER_TENANT}/` }), trusted),
      401,
      'not-signed-in',
    ],
    ['forged: signed by another key under the trusted key id', () => signJwt(v1Claims(), forger), 401, 'not-signed-in'],
    [
      'signed by a key Entra does not publish',
      () => signJwt(v1Claims(), newSigningKey('unknown-key')),
      401,
      'not-signed-in',
    ],
    ['unsigned (alg none)', () => unsignedJwt(v1Claims(), trusted.kid), 401, 'not-signed-in'],
    ['not a token at all', () => 'not.a.token', 401, 'not-signed-in'],
  ])('%s is refused', async (_what, token, status, code) => {
    const answer = await me(token());
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
    expect(answer.body.person).toBeUndefined();
  });

  test('outside Teams the answer says how to open the tab, and names nobody to open it as', async () => {
    const { error } = (await me(null)).body;
    expect(error?.message).toMatch(/Open Action Tracker from its tab in Microsoft Teams/);
    expect(error?.message).not.toMatch(/example\.com/);
    expect(error).not.toHaveProperty('people');
  });

  test('?as= is refused when authentication is on, even beside a good token', async () => {
    for (const token of [null, signJwt(v1Claims(), trusted)]) {
      const answer = await me(token, '?as=meganb%40example.com');
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe('bad-request');
      expect(answer.body.error?.message).toMatch(/only in local mode/);
    }
    // And the plan itself is not reachable that way.
    const plan = await fetch(`${base}/api/tab/plans/${DEMO_PLAN_ID}?as=meganb%40example.com`);
    expect(plan.status).toBe(400);
  });
});

describe('the committee report with authentication on', () => {
  const report = (route: string, token: string | null, query = '?format=docx') =>
    fetch(`${base}/api/tab/plans/${DEMO_PLAN_ID}/${route}${query}`, {
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });

  test("a chair's Teams token downloads the report, and gets a link signed for them on the public host", async () => {
    const file = await report('report', signJwt(v1Claims(), trusted));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"$/);
    const doc = await readDocx(Buffer.from(await file.arrayBuffer()));
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([...SECTION_HEADINGS]);

    const link = await report('report-link', signJwt(v1Claims(), trusted));
    const { url } = (await link.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^https://${DOMAIN.replace(/\./g, '\\.')}${REPORT_PATH}\\?format=docx&token=`));
    // The same address on this server (BOT_DOMAIN is the public name of this one) gives the file.
    const opened = await fetch(`${base}${REPORT_PATH}${new URL(url).search}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toMatch(/wordprocessingml/);
  });

  test('no token, or ?as= beside a good one, gets no report and no link', async () => {
    for (const route of ['report', 'report-link']) {
      expect((await report(route, null)).status).toBe(401);
      for (const token of [null, signJwt(v1Claims(), trusted)]) {
        const refused = await report(route, token, `?format=docx&as=${encodeURIComponent(ALEX.email)}`);
        expect(refused.status).toBe(400);
        expect(((await refused.json()) as Answer['body']).error?.message).toMatch(/only in local mode/);
      }
    }
  });

  test("an owner's token is refused the report", async () => {
    const owner = signJwt(v1Claims({ upn: 'pattif@example.com', oid: undefined }), trusted);
    const refused = await report('report', owner);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Answer['body']).error?.code).toBe('not-permitted');
  });
});

test("when Entra's keys cannot be read, sign-in says so rather than calling the token bad", async () => {
  const closed = `http://127.0.0.1:${await freePort()}/keys`;
  const signIn = tabSignIn({
    authEnabled: true,
    appId: APP_ID,
    domain: DOMAIN,
    allowedTenants: [TENANT],
    keysUrl: closed,
  });
  const result = await signIn({ authorization: `Bearer ${signJwt(v1Claims(), trusted)}`, as: undefined });
  expect(result).toMatchObject({ ok: false, code: 'keysUnavailable' });
});
