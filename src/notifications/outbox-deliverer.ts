import { DeliveryDeps } from '../jobs/deliver';
import { ChangeNotifier } from '../services/notifier';
import { deliverOutbox } from './deliver-outbox';

/**
 * Delivers the outbox in this process: kicked right after a change is saved,
 * so people are told promptly, and by the scheduler every minute, so what a
 * connector outage or a restart left behind goes out when it can. One pass at
 * a time; a kick during a pass asks for one more pass after it.
 */
export class OutboxDeliverer implements ChangeNotifier {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly deps: DeliveryDeps,
    private readonly leaseMs: number,
  ) {}

  dateRequested(): Promise<void> {
    return this.kick();
  }

  dateDecided(): Promise<void> {
    return this.kick();
  }

  actionChanged(): Promise<void> {
    return this.kick();
  }

  /** Starts a pass without waiting for it: the person who made the change is not kept waiting for others' messages. */
  private kick(): Promise<void> {
    void this.deliver();
    return Promise.resolve();
  }

  /** Resolves when the outbox has been delivered, including everything saved before this call. Never rejects. */
  deliver(): Promise<void> {
    this.again = true;
    if (!this.running) this.running = this.passes();
    return this.running;
  }

  /** Waits for a pass under way, if any (so a server can close without one writing to storage afterwards). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async passes(): Promise<void> {
    while (this.again) {
      this.again = false;
      try {
        await deliverOutbox(this.deps, { leaseMs: this.leaseMs });
      } catch (error) {
        this.deps.log.error({ err: error }, 'delivering the outbox failed; it will be tried again in a minute');
      }
    }
    // In the same step as the last look at `again`, so a call in between cannot be left without a pass.
    this.running = null;
  }
}
