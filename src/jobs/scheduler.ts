import { todayIn } from '../domain/calendar';
import { isoWeek, reminderRunIdFor, runIdFor } from '../domain/reminders';
import { latestDue } from '../domain/schedule';
import { Plan } from '../domain/types';
import { JobSettings } from '../config';
import { Logger } from '../log';
import { recordJobRun } from '../telemetry/record';
import { DeliveryDeps } from './deliver';
import { peopleDirectory, reachOfPerson } from './destination';
import { runDigest } from './digest';
import { JobError, runReminders } from './remind';

const TICK_MS = 60_000;

/**
 * Runs the weekly jobs inside the bot, and delivers what is left in the
 * notification outbox. Every minute it asks, for each plan
 * and job, whether a scheduled time has passed (within the catch-up window)
 * without a finished run for that week; if so it runs it. A process that was
 * down at 09:00 therefore catches up when it comes back, and two instances
 * doing the same are kept apart by the delivery ledger.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Per week's run, the people met since it that a run has been started for, so someone no longer due is not looked for every minute. */
  private readonly retriedOnceMet = new Map<string, Set<string>>();

  constructor(
    private readonly deps: DeliveryDeps,
    private readonly settings: JobSettings,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    /** The notification outbox, delivered first at every tick (src/notifications/). */
    private readonly outbox?: { deliver(): Promise<void> },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One look at every plan; overlapping looks are skipped, not queued. */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.runDue()
        .catch((error: unknown) =>
          this.log.error({ err: error }, 'the scheduler failed; it will try again in a minute'),
        )
        .finally(() => (this.running = null));
    }
    return this.running;
  }

  private async runDue(): Promise<void> {
    await this.outbox?.deliver();
    const now = this.now();
    const plans = await this.deps.storage.plans.list();
    // The digest goes first, as its default time (08:30) is before the reminders'.
    for (const plan of plans) await this.digestIfDue(plan, now);
    await this.remindDue(plans, now);
  }

  /**
   * Reminders are one card per person across their plans: the plans whose time has come this week
   * run together, so a person in several gets their card at the earliest of those plans' times.
   */
  private async remindDue(plans: readonly Plan[], now: Date): Promise<void> {
    const byWeek = new Map<string, { planIds: string[]; done: string[]; due: Date; today: string }>();
    for (const plan of plans) {
      const due = latestDue(plan.remindSchedule ?? this.settings.remindSchedule, plan.timeZone, now);
      if (!due) continue;
      const today = todayIn(due, plan.timeZone);
      const week = isoWeek(today);
      const group = byWeek.get(week) ?? { planIds: [], done: [], due, today };
      const complete = await this.deps.storage.deliveries.isComplete(runIdFor('remind', plan.id, today));
      (complete ? group.done : group.planIds).push(plan.id);
      group.due = group.due < due ? group.due : due;
      byWeek.set(week, group);
    }
    for (const group of byWeek.values()) {
      const { due, today } = group;
      let planIds = group.planIds;
      if (planIds.length === 0) {
        // Every plan's run is done; someone it could not reach because the bot had not met them yet may have been met since.
        if (!(await this.someoneMetSince(reminderRunIdFor(today)))) continue;
        planIds = group.done;
      } else {
        // Left open by passing failures: looked at again after an hour, not every minute.
        const retryAt = await this.deps.storage.deliveries.retryAt(reminderRunIdFor(today));
        if (retryAt && retryAt.getTime() > now.getTime()) continue;
      }
      this.log.info({ job: 'remind', planIds, due: due.toISOString() }, 'running a scheduled job');
      try {
        // The run is dated by when it fell due, so a catch-up belongs to the week it was missed in.
        const report = await runReminders(
          this.deps,
          { planIds, now: due, drawnAt: now },
          { leaseMs: this.settings.leaseMs },
        );
        recordJobRun('remind', report.recipients);
        this.log.info({ job: 'remind', planIds, recipients: report.recipients.length }, 'scheduled job finished');
      } catch (error) {
        if (error instanceof JobError)
          this.log.warn({ job: 'remind', planIds, problem: error.message }, 'scheduled job could not run');
        else throw error;
      }
    }
  }

  /**
   * Whether anyone a finished run could not reach, only because the bot had not met them,
   * can be reached now (they installed the app or wrote to the bot). The people are read
   * only while such recipients are waiting.
   */
  private async someoneMetSince(runId: string): Promise<boolean> {
    const retried = this.retriedOnceMet.get(runId) ?? new Set<string>();
    const waiting = (await this.deps.storage.deliveries.notYetMet(runId)).filter((d) => !retried.has(d.recipient));
    if (waiting.length === 0) return false;
    const find = peopleDirectory(await this.deps.storage.people.all());
    const met = waiting.filter((d) => reachOfPerson(find({ email: d.recipient })).how !== 'cannot');
    for (const d of met) retried.add(d.recipient);
    this.retriedOnceMet.set(runId, retried);
    return met.length > 0;
  }

  private async digestIfDue(plan: Plan, now: Date): Promise<void> {
    const due = latestDue(plan.digestSchedule ?? this.settings.digestSchedule, plan.timeZone, now);
    if (!due) return;
    const runId = runIdFor('digest', plan.id, todayIn(due, plan.timeZone));
    if (await this.deps.storage.deliveries.isComplete(runId)) return;
    // Left open by passing failures: looked at again after an hour, not every minute.
    const retryAt = await this.deps.storage.deliveries.retryAt(runId);
    if (retryAt && retryAt.getTime() > now.getTime()) return;
    if ((await this.deps.storage.conversations.boundTo(plan.id)).length === 0) return;
    this.log.info({ job: 'digest', planId: plan.id, due: due.toISOString() }, 'running a scheduled job');
    try {
      // The run is dated by when it fell due, so a catch-up belongs to the week it was missed in.
      const report = await runDigest(this.deps, { planId: plan.id, now: due }, { leaseMs: this.settings.leaseMs });
      this.log.info({ job: 'digest', planId: plan.id, recipients: report.recipients.length }, 'scheduled job finished');
      recordJobRun('digest', report.recipients);
    } catch (error) {
      if (error instanceof JobError)
        this.log.warn({ job: 'digest', planId: plan.id, problem: error.message }, 'scheduled job could not run');
      else throw error;
    }
  }
}
