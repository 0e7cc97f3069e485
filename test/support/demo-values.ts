import { projectRoot } from '../../src/project-root';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { Storage } from '../../src/store/open-storage';
import { talkTo } from './chat';
import { testStorage } from './storage';

/** The values of one of a demo action's measures (by number, from 1), oldest first, as [period, value]. */
export async function demoValues(storage: Storage, ref: string, measure = 1): Promise<[string, number | string][]> {
  const found = await storage.actions.get(DEMO_PLAN_ID, ref);
  if (!found) throw new Error(`no demo action ${ref}`);
  return (await storage.measures.values(found.value))
    .filter((v) => v.measure === measure)
    .map((v) => [v.period, v.value]);
}

/**
 * The chat service over the demo plan, seeded an hour before `now` (before the file's tests run), and `say` to
 * type to it at `now`: the demo's values are for the months before, as `npm start` seeds them.
 */
export function chatOverDemo(now: Date) {
  const storage = testStorage();
  const chat = new ChatService(storage, 'Europe/London');
  beforeAll(() => seedDemo(storage, projectRoot(), new Date(now.getTime() - 3_600_000)));
  return { storage, chat, say: talkTo(chat, now) };
}
