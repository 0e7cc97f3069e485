import { addDays } from '../src/domain/calendar';
import { historyEntry, diffActions } from '../src/domain/history';
import { newPlan } from '../src/domain/plan';
import { Action } from '../src/domain/types';
import { DEMO_PEOPLE } from '../src/services/demo-seed';
import { MAX_ACTIONS_PER_WRITE } from '../src/store/action-store';
import { Storage } from '../src/store/open-storage';

const THEMES = ['Safeguarding services', 'Looked after children', 'Leadership and management', 'Partnership working'];
const STATUSES = ['Not started', 'On track', 'At risk', 'Delayed', 'Complete'] as const;

/**
 * A plan of `size` actions with due dates spread from four months ago to
 * eight months ahead (about a third overdue), written as an import would.
 */
export async function writeSyntheticPlan(storage: Storage, planId: string, size: number, today: string): Promise<void> {
  await storage.plans.save(
    newPlan({ id: planId, title: `Benchmark plan of ${size} actions`, baselineDate: addDays(today, -120) }),
  );
  await writeImported(storage, planId, size, (i) => {
    const person = DEMO_PEOPLE[i % DEMO_PEOPLE.length];
    return benchAction({
      planId,
      ref: `B-${i + 1}`,
      theme: THEMES[i % THEMES.length],
      title: `Benchmark action ${i + 1}: make sure that the service does what the inspection asked of it`,
      originalDueDate: addDays(today, -120 + ((i * 37) % 360)),
      owner: { email: person.email, displayName: null, aadObjectId: null },
      agency: i % 5 === 0 ? 'Health' : 'Council',
      status: STATUSES[i % STATUSES.length],
      measures: [{ indicator: 'Percentage of audited cases rated good', target: '80%', latest: null }],
    });
  });
}

/** A benchmark action with nothing changed yet: its own fields over those every benchmark action shares. */
export function benchAction(
  fields: Pick<Action, 'planId' | 'ref' | 'theme' | 'title' | 'originalDueDate' | 'owner'> & Partial<Action>,
): Action {
  return {
    timescale: '',
    revisedDueDate: null,
    revisionReason: null,
    revisionCount: 0,
    agency: 'Council',
    status: 'Not started',
    measures: [],
    evidence: [],
    latestUpdate: null,
    dateRequest: null,
    ...fields,
  };
}

/** `count` actions written as an import would, each with its first history entry, as many to a write as the store takes. */
export async function writeImported(
  storage: Storage,
  planId: string,
  count: number,
  actionAt: (i: number) => Action,
): Promise<void> {
  const at = new Date().toISOString();
  for (let start = 0; start < count; start += MAX_ACTIONS_PER_WRITE) {
    const writes = [];
    for (let i = start; i < Math.min(count, start + MAX_ACTIONS_PER_WRITE); i++) {
      const action = actionAt(i);
      writes.push({
        action,
        history: historyEntry(action, diffActions(null, action), { by: 'bench', via: 'import', at }),
      });
    }
    await storage.actions.write(planId, writes);
  }
}
