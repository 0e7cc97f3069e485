import { TableClient } from '@azure/data-tables';
import { todayIn } from '../src/domain/calendar';
import { runReminders } from '../src/jobs/remind';
import { Pacer } from '../src/jobs/pacer';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { connectionStringFactory, storesOver } from '../src/store/open-storage';
import { Tables } from '../src/store/tables';
import { TeamsSender } from '../src/teams/proactive-sender';
import { createAdapter } from '../src/teams/sender-factory';
import { FakeConnector } from '../test/support/fake-connector';
import { ownerChat, ownerEmail, seedManyOwners } from '../test/support/many-owners';
import { round } from './stats';

export interface MultiPlan {
  owners: number;
  cards: number;
  seconds: number;
  bound_seconds: number;
  ratio: number;
  duplicates: number;
  lost: number;
  /** Owners with something due: `cards` must equal it. */
  due: number;
  throttled: number;
  injected_429: number;
}

export interface DryRun {
  owners: number;
  plans: number;
  seconds: number;
  storage_requests: number;
  /** Requests by kind of read, to show that plans, actions and people are each read once. */
  reads: Record<string, number>;
}

/** Counts every request the storage client makes, by table and by method: what Table Storage bills. */
function countingFactory(connectionString: string, counts: Map<string, number>) {
  const plain = connectionStringFactory(connectionString);
  return (name: string): TableClient => {
    const client = plain(name);
    client.pipeline.addPolicy({
      name: 'count',
      sendRequest: (request, next) => {
        const key = `${request.method} ${name}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return next(request);
      },
    });
    return client;
  };
}

const quiet = createLogger('silent');

/**
 * One reminder run for `owners` owners across `plans` plans, `inSeveral` of them in two plans,
 * against a connector enforcing Teams' limits that answers one send in `injectEvery` with 429.
 * Each person should get exactly one card; the bound is what the per-app limit allows: cards ÷ 50 per second.
 */
export async function measureMultiPlan(
  connectionString: string,
  layout: { owners: number; plans: number; inSeveral: number },
  injectEvery: number,
  log: (s: string) => void,
): Promise<MultiPlan> {
  const storage = storesOver(new Tables(connectionStringFactory(connectionString), `mp${Date.now() % 100000}`));
  const connector = new FakeConnector([], { enforceLimits: true });
  const url = await connector.start();
  const { due } = await seedManyOwners(storage, {
    ...layout,
    idleEvery: 10,
    serviceUrl: url,
    today: todayIn(new Date()),
  });
  log(
    `  ${layout.owners.toLocaleString('en-GB')} owners in ${layout.plans} plans set up (${due.size} with something due); sending…`,
  );
  let sends = 0;
  let injected = 0;
  connector.fault = () => (++sends % injectEvery === 0 ? (injected++, { status: 429, retryAfterSeconds: 1 }) : null);
  const sender = new TeamsSender(createAdapter(loadConfig({ NODE_ENV: 'test' })), '', new Pacer(), quiet);
  const started = performance.now();
  await runReminders(
    { storage, sender, claimant: 'bench', log: quiet },
    { now: new Date() },
    { leaseMs: 300_000, concurrency: 32 },
  );
  const seconds = (performance.now() - started) / 1000;
  await connector.stop();

  const perChat = new Map<string, number>();
  for (const s of connector.sent) perChat.set(s.conversationId, (perChat.get(s.conversationId) ?? 0) + 1);
  const duplicates = [...perChat.values()].reduce((n, c) => n + (c - 1), 0);
  const owed = Array.from({ length: layout.owners }, (_, i) => i).filter((i) => due.has(ownerEmail(i)));
  const lost = owed.filter((i) => !perChat.has(ownerChat(i))).length;
  const bound = perChat.size / 50;
  return {
    owners: layout.owners,
    cards: perChat.size,
    seconds: round(seconds, 2),
    bound_seconds: bound,
    ratio: round(seconds / bound, 3),
    duplicates,
    lost,
    due: due.size,
    throttled: connector.throttled,
    injected_429: injected,
  };
}

/** Planning (a dry run) of the weekly reminders for `owners` owners across `plans` plans: what it reads, and how long it takes. */
export async function measureDryRun(
  connectionString: string,
  owners: number,
  plans: number,
  log: (s: string) => void,
): Promise<DryRun> {
  const counts = new Map<string, number>();
  const prefix = `dr${Date.now() % 100000}`;
  const storage = storesOver(new Tables(countingFactory(connectionString, counts), prefix));
  await seedManyOwners(storage, {
    owners,
    plans,
    inSeveral: Math.floor(owners * 0.3),
    idleEvery: 10,
    serviceUrl: 'http://127.0.0.1:9/',
    today: todayIn(new Date()),
  });
  log(`  ${owners.toLocaleString('en-GB')} owners in ${plans} plans set up; planning…`);
  // A fresh process plans the run: nothing cached from the set-up.
  const fresh = storesOver(new Tables(countingFactory(connectionString, counts), prefix));
  counts.clear();
  const started = performance.now();
  const report = await runReminders(
    { storage: fresh, sender: { send: never, update: never }, claimant: 'bench', log: quiet },
    { now: new Date(), dryRun: true },
    { leaseMs: 300_000 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (report.recipients.length === 0) throw new Error('The dry run planned no reminders.');
  const reads = Object.fromEntries([...counts.entries()].map(([k, v]) => [k.replace(prefix, ''), v]));
  return {
    owners,
    plans,
    seconds: round(seconds, 2),
    storage_requests: [...counts.values()].reduce((a, b) => a + b, 0),
    reads,
  };
}

function never(): never {
  throw new Error('A dry run must not send.');
}
