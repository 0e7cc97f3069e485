/**
 * What goes to Application Insights: requests, storage and Bot Connector
 * calls, exceptions and job metrics, with no message text, no conversation
 * ids, no e-mail addresses or names, no storage keys and no query strings.
 * And with the connection string unset, nothing of it is even loaded.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';
import { demoConnector, message, TEST_SERVER_ENV } from '../support/bot-harness';
import { personalChat } from '../support/builders';
import { testStorage } from '../support/storage';

jest.setTimeout(120_000);

const CHILD = path.join(__dirname, 'telemetry-child.js');

interface Recorded {
  enabled: boolean;
  loaded?: string[];
  spans: {
    name: string;
    kind: number;
    status: number;
    attributes: Record<string, unknown>;
    events: { name: string; attributes?: Record<string, unknown> }[];
  }[];
  metrics: { name: string; points: { attributes: Record<string, unknown>; value: unknown }[] }[];
  envelopes: string[];
  outcomes: string[];
}

function run(env: Record<string, string>): Promise<Recorded> {
  return new Promise((resolve, reject) => {
    const { APPLICATIONINSIGHTS_CONNECTION_STRING: _unset, ...rest } = process.env;
    const child = spawn(process.execPath, [CHILD], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', () => clearTimeout(timer));
    child.on('exit', (code) =>
      code === 0
        ? resolve(
            JSON.parse(
              out
                .split('\n')
                .find((line) => line.startsWith('RESULT '))!
                .slice(7),
            ) as Recorded,
          )
        : reject(new Error(`the telemetry child failed: ${err}`)),
    );
  });
}

test('with APPLICATIONINSIGHTS_CONNECTION_STRING unset, telemetry is off and the Azure Monitor packages are never loaded', async () => {
  const recorded = await run({ MODE: 'off' });
  expect(recorded).toEqual({ enabled: false, loaded: [] });
});

describe('with a connection string', () => {
  let recorded: Recorded;
  const person = DEMO_PEOPLE[0];
  beforeAll(async () => {
    const storage = testStorage();
    await seedDemo(storage, projectRoot(), new Date());
    const connector = demoConnector();
    const url = await connector.start();
    for (const p of DEMO_PEOPLE.filter((d) => d.email !== 'lynner@example.com')) {
      await storage.people.link({
        email: p.email,
        personalChat: personalChat(url, p.teamsUserId),
        updatedAt: new Date().toISOString(),
      });
    }
    // A stand-in for the ingestion endpoint, which the exporter reaches only over https.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-'));
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    try {
      recorded = await run({
        MODE: 'on',
        SINK_KEY: key,
        SINK_CERT: cert,
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
        // Statsbeat reports the SDK's own use to Microsoft; this machine has no internet to send it to.
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING!,
        TABLE_PREFIX: storage.tables.prefix,
        SERVER_ENV: JSON.stringify(TEST_SERVER_ENV),
        ACTIVITY: JSON.stringify(message(url, 'my actions zqxmarker please')),
      });
    } finally {
      await connector.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const urls = () =>
    recorded.spans.map((s) =>
      text(
        s.attributes['url.full'] ?? s.attributes['http.url'] ?? s.attributes['url.path'] ?? s.attributes['http.target'],
      ),
    );

  test('the incoming request is recorded, by its path only', () => {
    const server = recorded.spans.filter(
      (s) => s.kind === 1 && /\/api\/messages$/.test(urls()[recorded.spans.indexOf(s)]),
    );
    expect(server.length).toBeGreaterThanOrEqual(1);
  });

  test('calls to the Bot Connector are recorded with the conversation id taken out of the URL', () => {
    const connector = urls().filter((u) => u.includes('/v3/conversations/'));
    expect(connector.length).toBeGreaterThanOrEqual(2);
    for (const u of connector)
      expect(u).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\/conversations\/…(\/activities(\/…)?)?$/);
    expect(connector.some((u) => u.endsWith('/activities/…'))).toBe(true);
  });

  test('calls to Table Storage are recorded, as Azure SDK operations and HTTP calls with the keys taken out', () => {
    expect(
      recorded.spans.some((s) => /^TableClient\./.test(s.name) || /Tables?/.test(text(s.attributes['az.namespace']))),
    ).toBe(true);
    const storage = urls().filter((u) => u.includes('/devstoreaccount1/'));
    expect(storage.length).toBeGreaterThan(5);
    expect(storage.some((u) => /\(…\)$/.test(u))).toBe(true);
  });

  test('an exception is recorded with its type and stack but not its message', () => {
    const failing = recorded.spans.find((s) => s.name === 'failing operation')!;
    expect(failing.status).toBe(2);
    expect(failing.events).toEqual([
      {
        name: 'exception',
        attributes: expect.objectContaining({ 'exception.type': 'Error', 'exception.message': '(removed)' }),
      },
    ]);
    expect(String(failing.events[0].attributes!['exception.stacktrace'])).toMatch(/^\s+at /);
  });

  test('each job run counts its recipients by outcome, and nothing else about them', () => {
    const recipients = recorded.metrics.find((m) => m.name === 'action_tracker.job.recipients')!;
    const count = (outcome: string) => recorded.outcomes.filter((o) => o === outcome).length;
    expect(count('sent')).toBeGreaterThanOrEqual(3);
    const outcomes = [...new Set(recorded.outcomes)].sort();
    expect(
      recipients.points.sort((a, b) => String(a.attributes.outcome).localeCompare(String(b.attributes.outcome))),
    ).toEqual(outcomes.map((outcome) => ({ attributes: { job: 'remind', outcome }, value: count(outcome) })));
    expect(recorded.metrics.find((m) => m.name === 'action_tracker.job.runs')!.points).toEqual([
      { attributes: { job: 'remind' }, value: 1 },
    ]);
  });

  test('what reaches Application Insights includes the requests and dependencies', () => {
    const sent = recorded.envelopes.join('\n');
    expect(sent).toMatch(/"RequestData"/);
    expect(sent).toMatch(/"RemoteDependencyData"/);
    expect(sent).toMatch(/action_tracker\.job\.recipients/);
  });

  test.each([
    ['the message text', 'zqxmarker'],
    ['a query string', 'zqxquery'],
    ['a conversation id', 'personal-'],
    ['an e-mail address', '@example.com'],
    ["a person's name", person.name],
    ['a storage key', "RowKey='"],
    ['a storage filter', 'PartitionKey eq'],
  ])('nothing recorded or sent contains %s', (_what, needle) => {
    const everything =
      JSON.stringify({ spans: recorded.spans, metrics: recorded.metrics }) + recorded.envelopes.join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(needle);
    expect(everything).not.toContain(encodeURIComponent(needle));
  });
});
