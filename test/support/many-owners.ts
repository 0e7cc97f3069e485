import { addDays } from '../../src/domain/calendar';
import { anAction } from './builders';
import { writeImported } from './storage';
import { newPlan } from '../../src/domain/plan';
import { Action, IsoDate } from '../../src/domain/types';
import { MAX_ACTIONS_PER_WRITE } from '../../src/store/action-store';
import { Storage } from '../../src/store/open-storage';

export interface OwnersLayout {
  plans: number;
  owners: number;
  /** The first this many owners have actions in two plans (their own and the next). */
  inSeveral: number;
  /** Every this-many-th owner has nothing due this week (one action due in two months), so gets no card. */
  idleEvery: number;
  /** Where the owners' personal chats are (the connector stand-in). */
  serviceUrl: string;
  today: IsoDate;
}

export const ownerEmail = (i: number) => `owner${i}@example.com`;
export const ownerChat = (i: number) => `a:owner-${i}`;

/**
 * A council with many plans and owners, written as imports would: owner i's
 * action is in plan i mod plans; the first `inSeveral` also have one due
 * soon in the next plan. Returns the plan ids and the owners with something due.
 */
export async function seedManyOwners(
  storage: Storage,
  layout: OwnersLayout,
): Promise<{ planIds: string[]; due: Set<string> }> {
  const planIds = Array.from({ length: layout.plans }, (_, p) => `plan-${p + 1}`);
  const perPlan = new Map<string, Action[]>(planIds.map((id) => [id, []]));
  const due = new Set<string>();
  const action = (planId: string, i: number, dueDate: IsoDate): Action =>
    anAction({
      planId,
      ref: `A-${i + 1}`,
      theme: 'Benchmark',
      title: `Action ${i + 1} for owner ${i}`,
      timescale: '',
      originalDueDate: dueDate,
      owner: { email: ownerEmail(i), displayName: null, aadObjectId: null },
      measures: [],
    });
  for (let i = 0; i < layout.owners; i++) {
    const idle = layout.idleEvery > 0 && i % layout.idleEvery === layout.idleEvery - 1;
    perPlan
      .get(planIds[i % layout.plans])!
      .push(action(planIds[i % layout.plans], i, addDays(layout.today, idle ? 60 : -7)));
    if (i < layout.inSeveral) {
      const second = planIds[(i + 1) % layout.plans];
      perPlan.get(second)!.push(action(second, i, addDays(layout.today, 3)));
    }
    if (!idle || i < layout.inSeveral) due.add(ownerEmail(i));
  }
  const at = new Date().toISOString();
  for (const planId of planIds) {
    await storage.plans.save(
      newPlan({ id: planId, title: `Plan ${planId}`, baselineDate: addDays(layout.today, -30) }),
    );
    const actions = perPlan.get(planId)!;
    for (let start = 0; start < actions.length; start += MAX_ACTIONS_PER_WRITE) {
      const batch = actions.slice(start, start + MAX_ACTIONS_PER_WRITE);
      await writeImported(storage, planId, batch, { by: 'seed', at });
    }
  }
  for (let start = 0; start < layout.owners; start += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, layout.owners - start) }, (_, k) => {
        const i = start + k;
        return storage.people.link({
          email: ownerEmail(i),
          name: `Owner ${i}`,
          updatedAt: at,
          personalChat: {
            serviceUrl: layout.serviceUrl,
            channelId: 'msteams',
            bot: { id: '28:bot' },
            user: { id: `u${i}` },
            conversation: { id: ownerChat(i) },
          },
        });
      }),
    );
  }
  return { planIds, due };
}
