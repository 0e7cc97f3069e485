import { formatUkInstant } from '../domain/calendar';
import { limboWeeksOf, MAX_LIMBO_WEEKS } from '../domain/limbo';
import { Plan } from '../domain/types';
import { CliContext, requirePlan, UserError } from './context';

export interface SettingsOptions {
  plan: string;
  separationOfDuties?: string;
  limboWeeks?: string;
  by?: string;
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
  const limbo = limboWeeksOf(plan);
  return (
    `Plan ${plan.id}: separation of duties is ${enforced ? 'on' : 'off'}${who}: ${meaning}.\n` +
    `Perpetual limbo: an action complete but not signed off for more than ${limbo} week${limbo === 1 ? '' : 's'}` +
    `${plan.limboWeeks === undefined ? ' (the default)' : ''} is escalated in the weekly digest.\n`
  );
}

function limboWeeks(text: string): number {
  const weeks = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || weeks < 1 || weeks > MAX_LIMBO_WEEKS)
    throw new UserError(
      `"${text}" is not a setting for --limbo-weeks. Give a whole number of weeks from 1 to ${MAX_LIMBO_WEEKS}, for example 4.`,
      2,
    );
  return weeks;
}

/**
 * The person who switched separation of duties, as an email address: it is kept with the plan and
 * named in the history of every decision it lets through, so the computer's user name will not do.
 */
function decidedBy(by: string | undefined): string {
  const email = by?.trim() ?? '';
  if (/^[^\s@<>]+@[^\s@<>]+$/.test(email)) return email.toLowerCase();
  throw new UserError(
    (email ? `"${email}" is not an email address. ` : '') +
      'Say who decided, by email: --by admin@council.gov.uk. It is kept with the plan and named in the history of ' +
      'every decision it lets through. Nothing was changed.',
    2,
  );
}

/**
 * Shows a plan's settings, or changes them. Separation of duties is on unless
 * an administrator turns it off for a team too small to have anyone else;
 * who did, and when, is kept with the plan and named in the history of every
 * decision it lets through.
 */
export async function settingsCommand(ctx: CliContext, options: SettingsOptions): Promise<void> {
  const { plan } = await requirePlan(ctx, options.plan);
  if (options.separationOfDuties === undefined && options.limboWeeks === undefined)
    return void ctx.out.write(describe(plan));
  // Both are checked before either is saved, so a mistake in one changes nothing.
  const limbo = options.limboWeeks === undefined ? plan.limboWeeks : limboWeeks(options.limboWeeks);
  if (options.separationOfDuties === undefined) {
    const changed: Plan = { ...plan, ...(limbo === undefined ? {} : { limboWeeks: limbo }) };
    await ctx.storage.plans.save(changed);
    return void ctx.out.write(describe(changed));
  }
  const enforced = SWITCH[options.separationOfDuties.trim().toLowerCase()];
  if (enforced === undefined)
    throw new UserError(
      `"${options.separationOfDuties}" is not a setting for --separation-of-duties. Use on or off.`,
      2,
    );
  const by = decidedBy(options.by);
  const changed: Plan = {
    ...plan,
    ...(limbo === undefined ? {} : { limboWeeks: limbo }),
    separationOfDuties: { enforced, setBy: by, setAt: ctx.now.toISOString() },
  };
  await ctx.storage.plans.save(changed);
  ctx.out.write(describe(changed));
}
