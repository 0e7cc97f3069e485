import { DeliveryDeps } from '../jobs/deliver';
import { ChangeNotifier, DateDecided } from '../services/notifier';
import { deliverOutbox } from './deliver-outbox';

/**
 * Delivers the outbox in this process: kicked right after a change is saved,
 * so people are told promptly, and by the scheduler every minute, so what a
 * connector outage or a restart left behind goes out when it can. One pass at
 * a time; a kick during a pass asks for one more pass after it.
 */
export class OutboxDeliverer implements ChangeNotifier {
  private running: Promise<void> | null = null;
  /** What the next pass covers: every plan, or only the plans changed since the last pass began. */
  private wanted: Set<string> | 'all' | null = null;

  constructor(
    private readonly deps: DeliveryDeps,
    private readonly leaseMs: number,
  ) {}

  dateRequested(planId: string): Promise<void> {
    return this.kick(planId);
  }

  dateDecided(decided: DateDecided): Promise<void> {
    return this.kick(decided.action.planId);
  }

  dateMoved(planId: string): Promise<void> {
    return this.kick(planId);
  }

  statusSet(planId: string): Promise<void> {
    return this.kick(planId);
  }

  actionChanged(planId: string): Promise<void> {
    return this.kick(planId);
  }

  /** Starts a pass over the changed plan without waiting for it: the person who made the change is not kept waiting for others' messages. */
  private kick(planId: string): Promise<void> {
    void this.deliver(planId);
    return Promise.resolve();
  }

  /**
   * Resolves when the outbox (of one plan, or of every plan) has been delivered,
   * including everything saved before this call. Never rejects.
   */
  deliver(planId?: string): Promise<void> {
    const wanted = this.wanted;
    this.wanted = planId === undefined || wanted === 'all' ? 'all' : new Set([...(wanted ?? []), planId]);
    if (!this.running) this.running = this.passes();
    return this.running;
  }

  /** Waits for a pass under way, if any (so a server can close without one writing to storage afterwards). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async passes(): Promise<void> {
    for (let wanted = this.wanted; wanted !== null; wanted = this.wanted) {
      this.wanted = null;
      const plans = wanted === 'all' ? [undefined] : [...wanted];
      for (const planId of plans) {
        try {
          await deliverOutbox(this.deps, { leaseMs: this.leaseMs, planId });
        } catch (error) {
          this.deps.log.error({ err: error }, 'delivering the outbox failed; it will be tried again in a minute');
        }
      }
    }
    // In the same step as the last look at `wanted`, so a call in between cannot be left without a pass.
    this.running = null;
  }
}
