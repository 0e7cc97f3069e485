import { Cron } from 'croner';

/** How late a missed weekly run may still be caught up: a reminder on Wednesday beats none. */
export const CATCH_UP_MS = 72 * 3600_000;

export type ScheduleCheck = { ok: true } | { ok: false; error: string };

export function checkSchedule(expression: string, timeZone: string): ScheduleCheck {
  try {
    new Cron(expression, { timezone: timeZone, paused: true });
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      error: `"${expression}" is not a schedule I can use (${error instanceof Error ? error.message : String(error)}). Use cron form, minute hour day month weekday: "0 9 * * 1" is Mondays at 09:00.`,
    };
  }
}

/**
 * The latest time the schedule fell due at or before `now`, in the plan's
 * time zone (so 09:00 stays 09:00 across the clock change), or null when it
 * is longer ago than the catch-up window.
 */
export function latestDue(expression: string, timeZone: string, now: Date, catchUpMs = CATCH_UP_MS): Date | null {
  const cron = new Cron(expression, { timezone: timeZone, paused: true });
  const [previous] = cron.previousRuns(1, new Date(now.getTime() + 1));
  if (!previous || now.getTime() - previous.getTime() > catchUpMs) return null;
  return previous;
}

export function nextDue(expression: string, timeZone: string, after: Date): Date | null {
  return new Cron(expression, { timezone: timeZone, paused: true }).nextRun(after);
}
