import { todayIn } from '../domain/calendar';
import { JobName, runIdFor } from '../domain/reminders';
import { latestDue } from '../domain/schedule';
import { Plan } from '../domain/types';
import { JobSettings } from '../config';
import { Logger } from '../log';
import { recordJobRun } from '../telemetry/record';
import { DeliveryDeps } from './deliver';
import { runDigest } from './digest';
import { JobError, runReminders } from './remind';

const TICK_MS = 60_000;

/**
 * Runs the weekly jobs inside the bot. Every minute it asks, for each plan
 * and job, whether a scheduled time has passed (within the catch-up window)
 * without a finished run for that week; if so it runs it. A process that was
 * down at 09:00 therefore catches up when it comes back, and two instances
 * doing the same are kept apart by the delivery ledger.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: DeliveryDeps,
    private readonly settings: JobSettings,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
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
        .catch((error: unknown) => this.log.error({ err: error }, 'the scheduler failed; it will try again in a minute'))
        .finally(() => (this.running = null));
    }
    return this.running;
  }

  private async runDue(): Promise<void> {
    const now = this.now();
    for (const plan of await this.deps.storage.plans.list()) {
      // The digest goes first, as its default time (08:30) is before the reminders'.
      for (const job of ['digest', 'remind'] as const) await this.runIfDue(plan, job, now);
    }
  }

  private async runIfDue(plan: Plan, job: JobName, now: Date): Promise<void> {
    const expression = (job === 'remind' ? plan.remindSchedule : plan.digestSchedule) ?? (job === 'remind' ? this.settings.remindSchedule : this.settings.digestSchedule);
    const due = latestDue(expression, plan.timeZone, now);
    if (!due) return;
    const runId = runIdFor(job, plan.id, todayIn(due, plan.timeZone));
    if (await this.deps.storage.deliveries.isComplete(runId)) return;
    if (job === 'digest' && (await this.deps.storage.conversations.boundTo(plan.id)).length === 0) return;
    this.log.info({ job, planId: plan.id, due: due.toISOString() }, 'running a scheduled job');
    try {
      const run = job === 'remind' ? runReminders : runDigest;
      // The run is dated by when it fell due, so a catch-up belongs to the week it was missed in.
      const report = await run(this.deps, { planId: plan.id, now: due }, { leaseMs: this.settings.leaseMs });
      this.log.info({ job, planId: plan.id, recipients: report.recipients.length }, 'scheduled job finished');
      recordJobRun(job, report.recipients);
    } catch (error) {
      if (error instanceof JobError) this.log.warn({ job, planId: plan.id, problem: error.message }, 'scheduled job could not run');
      else throw error;
    }
  }
}
