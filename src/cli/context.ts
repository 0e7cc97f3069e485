import os from 'node:os';
import { loadConfig, Config } from '../config';
import { todayIn } from '../domain/calendar';
import { validatePlanId } from '../domain/plan';
import { Plan } from '../domain/types';
import { openStorage, Storage } from '../store/open-storage';

/** Raised for problems the user can fix; printed without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export interface CliContext {
  config: Config;
  storage: Storage;
  now: Date;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const defaultActor = () => `cli:${os.userInfo().username}`;

/** Opens storage for one command and always closes it, so an embedded emulator never outlives the command. */
export function withContext(io: CliIo) {
  return async <T>(run: (ctx: CliContext) => Promise<T>): Promise<T> => {
    const config = loadConfig(io.env, { serving: false });
    const storage = await openStorage(config.storage, config.tablePrefix);
    try {
      return await run({ config, storage, now: new Date(), out: io.out, err: io.err });
    } finally {
      await storage.close();
    }
  };
}

export async function requirePlan(ctx: CliContext, planId: string): Promise<{ plan: Plan; today: string }> {
  const idProblem = validatePlanId(planId);
  if (idProblem) throw new UserError(idProblem, 2);
  const plan = await ctx.storage.plans.get(planId);
  if (!plan) {
    const known = (await ctx.storage.plans.list()).map((p) => p.id);
    throw new UserError(
      `There is no plan "${planId}".` +
        (known.length ? ` Plans: ${known.join(', ')}.` : ' Import one first with "action-tracker import".'),
    );
  }
  return { plan, today: todayIn(ctx.now, plan.timeZone) };
}
