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
  /** The first request after the plan was written: nothing kept yet (its history read and the page drawn). */
  first_ms: number;
  body_kb: number;
}

const SIZE = 1000;

/** Milliseconds for a GET until its whole body has arrived. */
async function timeGet(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { ms, bytes: body.byteLength };
}

/**
 * GET /api/tab/plans/:id for a plan of 1,000 actions, as an owner with no role (so the read rule
 * looks at the actions), against GET /healthz on the same server: requests alternate so both see
 * the same machine conditions.
 */
export async function measureTabApi(bot: BotProcess, iterations: number, log: (s: string) => void): Promise<TabApi> {
  const planId = `tab-${SIZE}`;
  await writeSyntheticPlan(bot.storage, planId, SIZE, todayIn(new Date()));
  log(`  wrote ${SIZE.toLocaleString('en-GB')} actions`);
  const page = `${bot.url}/api/tab/plans/${planId}?as=${encodeURIComponent(DEMO_PEOPLE[3].email)}`;
  const first = await timeGet(page);
  const api: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    const a = await timeGet(page);
    const h = await timeGet(`${bot.url}/healthz`);
    if (i >= 5) {
      api.push(a.ms);
      health.push(h.ms);
    }
  }
  const p95 = percentile(api, 95);
  const healthP95 = percentile(health, 95);
  return {
    actions: SIZE,
    api_p50_ms: round(percentile(api, 50)),
    api_p95_ms: round(p95),
    healthz_p95_ms: round(healthP95, 2),
    ratio: round(p95 / healthP95, 2),
    first_ms: round(first.ms),
    body_kb: round(first.bytes / 1024),
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
