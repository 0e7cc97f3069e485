import { todayIn } from '../src/domain/calendar';
import { message, replyText } from '../test/support/bot-harness';
import { BotProcess } from './bot-process';
import { DEMO_PEOPLE } from '../src/services/demo-seed';
import { percentile, round } from './stats';
import { writeSyntheticPlan } from './synthetic-plan';

export interface RoundTrip {
  p50: number;
  p95: number;
  ratio_p95: number;
  help_p50: number;
  help_p95: number;
}

/** Milliseconds from posting the activity until its reply reaches the connector; `expect` checks the reply is the one measured. */
async function timeOne(bot: BotProcess, activity: ReturnType<typeof message>, expect: RegExp): Promise<number> {
  const started = performance.now();
  const response = await bot.post(activity);
  if (response.status >= 300) throw new Error(`The bot answered ${response.status}`);
  const reply = await bot.connector.next((s) => s.replyToId === activity.id, 30_000);
  const elapsed = performance.now() - started;
  const said = replyText(reply.activity);
  if (!expect.test(said)) throw new Error(`Unexpected reply to "${activity.text}": ${said.slice(0, 200)}`);
  return elapsed;
}

/**
 * The round trip of "what's overdue" (POST to /api/messages until the reply
 * reaches the connector) against the same round trip of "help", in a channel
 * bound to a plan of `size` actions. Requests alternate so both see the same
 * machine conditions.
 */
export async function measureChat(
  bot: BotProcess,
  size: number,
  iterations: number,
  log: (s: string) => void,
): Promise<RoundTrip> {
  const planId = `bench-${size}`;
  const today = todayIn(new Date());
  const started = performance.now();
  await writeSyntheticPlan(bot.storage, planId, size, today);
  log(`  wrote ${size.toLocaleString('en-GB')} actions in ${round((performance.now() - started) / 1000)} s`);
  // Each size gets its own channel, bound to its plan by an administrator of that plan.
  const admin = 1;
  await bot.storage.roles.grant(planId, DEMO_PEOPLE[admin].email, 'admin');
  const channel = { kind: 'channel' as const, mention: true, user: 0, channel: `19:bench-${size}@thread.tacv2` };
  await timeOne(
    bot,
    message(bot.connector.url, `use plan ${planId} here`, { ...channel, user: admin }),
    /^Done: in this channel/,
  );

  const help: number[] = [];
  const overdue: number[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    const h = await timeOne(bot, message(bot.connector.url, 'help', channel), /What I can do/);
    const o = await timeOne(
      bot,
      message(bot.connector.url, "what's overdue", channel),
      new RegExp(`Overdue: Benchmark plan of ${size} actions`),
    );
    if (i >= 5) {
      help.push(h);
      overdue.push(o);
    }
  }
  const p95 = percentile(overdue, 95);
  const helpP95 = percentile(help, 95);
  return {
    p50: round(percentile(overdue, 50)),
    p95: round(p95),
    ratio_p95: round(p95 / helpP95, 2),
    help_p50: round(percentile(help, 50)),
    help_p95: round(helpP95),
  };
}
