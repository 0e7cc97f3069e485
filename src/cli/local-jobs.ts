import { JobSettings } from '../config';
import { Logger } from '../log';
import { DeliveryDeps } from '../jobs/deliver';
import { reachOfPerson } from '../jobs/destination';
import { Scheduler } from '../jobs/scheduler';

export interface LocalJobs {
  stop(): Promise<void>;
}

/**
 * The weekly jobs for `npm start`. The demo usually starts after Monday's
 * 09:00, so the scheduler's first look is a catch-up run; made before the
 * Playground has introduced anyone, it would find nobody to send to. So the
 * scheduler starts only once the bot can reach someone (the Playground sends
 * the install event when its page opens). Anyone met later is sent their card
 * by the scheduler's next look (see `Scheduler`).
 */
export function startJobsOnceSomeoneIsMet(
  deps: DeliveryDeps,
  settings: JobSettings,
  log: Logger,
  options: { pollMs?: number; now?: () => Date } = {},
): LocalJobs {
  let scheduler: Scheduler | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const look = async () => {
    timer = null;
    try {
      const people = await deps.storage.people.all();
      if (stopped) return;
      if (people.some((p) => reachOfPerson(p).how !== 'cannot')) {
        log.info('the Playground has introduced someone: starting the weekly jobs');
        scheduler = new Scheduler(deps, settings, log, options.now);
        scheduler.start();
        return;
      }
    } catch (error) {
      log.warn({ err: error }, 'could not look for people the bot can reach; trying again');
    }
    if (!stopped) timer = setTimeout(() => void look(), options.pollMs ?? 2000);
  };
  void look();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await scheduler?.stop();
    },
  };
}
