import { TableClient } from '@azure/data-tables';
import { addDays, todayIn } from '../src/domain/calendar';
import { newPlan } from '../src/domain/plan';
import { runReminders } from '../src/jobs/remind';
import { Pacer } from '../src/jobs/pacer';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { connectionStringFactory, storesOver } from '../src/store/open-storage';
import { Tables } from '../src/store/tables';
import { TeamsSender } from '../src/teams/proactive-sender';
import { createAdapter } from '../src/teams/sender-factory';
import { FakeConnector } from '../test/support/fake-connector';
import { round } from './stats';
import { benchAction, writeImported } from './synthetic-plan';

export interface Fanout {
  owners: number;
  seconds: number;
  bound_seconds: number;
  ratio: number;
  duplicates: number;
  lost: number;
  throttled: number;
  injected_429: number;
}

/** Counts every request the storage client makes: the "transactions" Table Storage bills. */
function countingFactory(connectionString: string, counter: { requests: number }) {
  const plain = connectionStringFactory(connectionString);
  return (name: string): TableClient => {
    const client = plain(name);
    client.pipeline.addPolicy({ name: 'count', sendRequest: (request, next) => (counter.requests++, next(request)) });
    return client;
  };
}

/**
 * A reminder run to `owners` owners (one overdue action each) against a
 * connector that enforces Teams' limits and injects a 429 into one send in
 * `injectEvery`. The bound is what the per-app limit allows: owners ÷ 50 per second.
 */
export async function measureFanout(
  connectionString: string,
  owners: number,
  injectEvery: number,
  log: (s: string) => void,
): Promise<{ fanout: Fanout; storageRequests: number }> {
  const counter = { requests: 0 };
  const storage = storesOver(new Tables(countingFactory(connectionString, counter), `fan${Date.now() % 100000}`));
  const connector = new FakeConnector([], { enforceLimits: true });
  const url = await connector.start();
  const today = todayIn(new Date());
  const planId = 'fanout';
  await storage.plans.save(newPlan({ id: planId, title: 'Fan-out benchmark', baselineDate: addDays(today, -30) }));
  await writeImported(storage, planId, owners, (i) =>
    benchAction({
      planId,
      ref: `F-${i + 1}`,
      theme: 'Fan-out',
      title: `Action ${i + 1}`,
      originalDueDate: addDays(today, -7),
      owner: { email: `owner${i}@example.com`, displayName: null, aadObjectId: null },
    }),
  );
  await Promise.all(
    Array.from({ length: owners }, (_, i) =>
      storage.people.link({
        email: `owner${i}@example.com`,
        name: `Owner ${i}`,
        updatedAt: new Date().toISOString(),
        personalChat: {
          serviceUrl: url,
          channelId: 'msteams',
          bot: { id: '28:bot' },
          user: { id: `u${i}` },
          conversation: { id: `a:owner-${i}` },
        },
      }),
    ),
  );
  log(`  ${owners.toLocaleString('en-GB')} owners set up; sending…`);

  let sends = 0;
  let injected = 0;
  connector.fault = () => (++sends % injectEvery === 0 ? (injected++, { status: 429, retryAfterSeconds: 1 }) : null);
  const quiet = createLogger('silent');
  const sender = new TeamsSender(createAdapter(loadConfig({ NODE_ENV: 'test' })), '', new Pacer(), quiet);
  counter.requests = 0;
  const started = performance.now();
  const report = await runReminders(
    { storage, sender, claimant: 'bench', log: quiet },
    { planId, now: new Date() },
    { leaseMs: 300_000, concurrency: 32 },
  );
  const seconds = (performance.now() - started) / 1000;
  await connector.stop();

  const perConversation = new Map<string, number>();
  for (const s of connector.sent)
    perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
  const duplicates = [...perConversation.values()].reduce((n, c) => n + (c - 1), 0);
  const lost = owners - perConversation.size;
  if (report.recipients.length !== owners)
    throw new Error(`The run reported ${report.recipients.length} owners, not ${owners}.`);
  const bound = owners / 50;
  return {
    fanout: {
      owners,
      seconds: round(seconds, 2),
      bound_seconds: bound,
      ratio: round(seconds / bound, 3),
      duplicates,
      lost,
      throttled: connector.throttled,
      injected_429: injected,
    },
    storageRequests: counter.requests,
  };
}
