import { formatUkInstant } from '../domain/calendar';
import { Plan } from '../domain/types';
import { CliContext, requirePlan, UserError } from './context';

export interface SettingsOptions {
  plan: string;
  separationOfDuties?: string;
  by: string;
}

const SWITCH: Record<string, boolean> = { on: true, off: false };

function describe(plan: Plan): string {
  const { enforced, setBy, setAt } = plan.separationOfDuties;
  const who = setBy
    ? ` (set by ${setBy}${setAt ? `, ${formatUkInstant(setAt, plan.timeZone)}` : ''})`
    : ' (the default)';
  const meaning = enforced
    ? 'nobody signs off, cancels, or decides a new date for, an action they own'
    : 'a chair, executive or administrator may decide on their own actions; the history marks each time';
  return `Plan ${plan.id}: separation of duties is ${enforced ? 'on' : 'off'}${who}: ${meaning}.\n`;
}

/**
 * Shows a plan's settings, or changes them. Separation of duties is on unless
 * an administrator turns it off for a team too small to have anyone else;
 * who did, and when, is kept with the plan and named in the history of every
 * decision it lets through.
 */
export async function settingsCommand(ctx: CliContext, options: SettingsOptions): Promise<void> {
  const { plan } = await requirePlan(ctx, options.plan);
  if (options.separationOfDuties === undefined) return void ctx.out.write(describe(plan));
  const enforced = SWITCH[options.separationOfDuties.trim().toLowerCase()];
  if (enforced === undefined)
    throw new UserError(
      `"${options.separationOfDuties}" is not a setting for --separation-of-duties. Use on or off.`,
      2,
    );
  const changed: Plan = { ...plan, separationOfDuties: { enforced, setBy: options.by, setAt: ctx.now.toISOString() } };
  await ctx.storage.plans.save(changed);
  ctx.out.write(describe(changed));
}
