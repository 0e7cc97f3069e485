import http from 'node:http';
import { todayIn } from '../src/domain/calendar';
import { DEMO_PEOPLE } from '../src/services/demo-seed';
import { startEmbeddedAzurite, freePort } from '../src/store/embedded-azurite';
import { BotProcess, startBotProcess } from './bot-process';
import { percentile, round } from './stats';
import { writeSyntheticPlan } from './synthetic-plan';

export interface TabApi {
  actions: number;
  api_p50_ms: number;
  api_p95_ms: number;
  healthz_p95_ms: number;
  /** api_p95_ms / healthz_p95_ms; goal ≤ 3. */
  ratio: number;
  /** The same GET from a browser with no copy of the page (the whole body every time), and its ratio. */
  full_p95_ms: number;
  full_ratio: number;
  /** The first request after the plan was written: nothing kept yet (its history read and the page drawn). */
  first_ms: number;
  body_kb: number;
  /** The same body as sent to a browser that accepts gzip. */
  gzip_kb: number;
}

const SIZE = 1000;

/**
 * What a browser keeps of an answer it may store (no `no-store`) that carries an ETag: it sends the tag
 * back as If-None-Match and, on 304, uses its copy. Node's fetch has no HTTP cache, so this is it.
 */
type Copies = Map<string, { etag: string; bytes: number }>;

/** Milliseconds for a GET until its whole body has arrived (or the 304 that says the browser's copy is current). */
async function timeGet(url: string, copies: Copies | null = null): Promise<{ ms: number; bytes: number }> {
  const copy = copies?.get(url);
  const started = performance.now();
  const response = await fetch(url, copy ? { headers: { 'if-none-match': copy.etag } } : {});
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (copy && response.status === 304) return { ms, bytes: copy.bytes };
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const etag = response.headers.get('etag');
  if (copies && etag && !/no-store/i.test(response.headers.get('cache-control') ?? ''))
    copies.set(url, { etag, bytes: body.byteLength });
  return { ms, bytes: body.byteLength };
}

/** The bytes on the wire for a GET that accepts gzip (fetch would unzip them before counting). */
function gzippedBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

/**
 * GET /api/tab/plans/:id for a plan of 1,000 actions, as an owner with no role (so the read rule
 * looks at the actions), against GET /healthz on the same server: requests alternate so all see
 * the same machine conditions. `api_*` is a browser that kept the page the first time (it revalidates:
 * the server still signs in, checks the read rule and the plan's version, then answers 304); `full_*`
 * is a browser with no copy.
 */
export async function measureTabApi(bot: BotProcess, iterations: number, log: (s: string) => void): Promise<TabApi> {
  const planId = `tab-${SIZE}`;
  await writeSyntheticPlan(bot.storage, planId, SIZE, todayIn(new Date()));
  log(`  wrote ${SIZE.toLocaleString('en-GB')} actions`);
  const page = `${bot.url}/api/tab/plans/${planId}?as=${encodeURIComponent(DEMO_PEOPLE[3].email)}`;
  const copies: Copies = new Map();
  const first = await timeGet(page, copies);
  const api: number[] = [];
  const full: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    const a = await timeGet(page, copies);
    const f = await timeGet(page);
    const h = await timeGet(`${bot.url}/healthz`);
    if (i >= 5) {
      api.push(a.ms);
      full.push(f.ms);
      health.push(h.ms);
    }
  }
  const p95 = percentile(api, 95);
  const fullP95 = percentile(full, 95);
  const healthP95 = percentile(health, 95);
  return {
    actions: SIZE,
    api_p50_ms: round(percentile(api, 50)),
    api_p95_ms: round(p95),
    healthz_p95_ms: round(healthP95, 2),
    ratio: round(p95 / healthP95, 2),
    full_p95_ms: round(fullP95),
    full_ratio: round(fullP95 / healthP95, 2),
    first_ms: round(first.ms),
    body_kb: round(first.bytes / 1024),
    gzip_kb: round((await gzippedBytes(page)) / 1024),
  };
}

/** On its own: `npx tsc -p bench/tsconfig.json && node build/bench/bench/tab-api.js` prints the `tab` figures. */
if (require.main === module) {
  void (async () => {
    const azurite = await startEmbeddedAzurite({ port: await freePort() });
    const bot = await startBotProcess(azurite.connectionString);
    try {
      const figures = await measureTabApi(bot, Number(process.env.BENCH_ITERATIONS ?? 200), (s) =>
        process.stderr.write(s + '\n'),
      );
      process.stdout.write(JSON.stringify({ tab: figures }) + '\n');
    } finally {
      await bot.stop();
      await azurite.stop();
    }
  })();
}
