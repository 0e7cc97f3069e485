import { Actor, canBindConversation, canMoveConversation, canReadPlan, Denial } from '../domain/permissions';
import { Plan, Role } from '../domain/types';
import { mayReadPlan } from '../services/plan-access';
import { ConversationKind } from '../store/conversation-store';
import { Storage } from '../store/open-storage';

export interface BindPlanInput {
  /** The whole channel or chat (never one post). */
  bindingId: string;
  kind: ConversationKind;
  planId: string;
}

/**
 * `noSuchPlan`: there is none the person may read by that id (a plan they may not read is answered as
 * if it did not exist). `notPermitted`: only an administrator binds. `cannotMove`: the conversation uses
 * another plan, which only its administrator can move away from; `previous` is named only if readable.
 */
export type BindPlanOutcome =
  | { kind: 'bound'; plan: Plan; previous: Plan | null }
  | { kind: 'already'; plan: Plan }
  | { kind: 'refused'; code: 'noSuchPlan' }
  | { kind: 'refused'; code: 'notPermitted'; denial: Denial }
  | { kind: 'refused'; code: 'cannotMove'; denial: Denial; previous: Plan | null };

/** Bind a plan to a conversation, so "what's overdue" there means that plan and its digest comes there. */
export async function bindPlan(
  storage: Storage,
  who: { email: string; name: string | null },
  input: BindPlanInput,
): Promise<BindPlanOutcome> {
  const actor = (roles: Set<Role>): Actor => ({ email: who.email, name: who.name, roles });
  const [plan, current] = await Promise.all([
    storage.plans.get(input.planId),
    storage.conversations.binding(input.bindingId, input.kind),
  ]);
  const asker = plan && actor(await storage.roles.rolesOf(plan.id, who.email));
  if (!plan || !asker || !(await mayReadPlan(storage, plan.id, asker))) return { kind: 'refused', code: 'noSuchPlan' };
  const permission = canBindConversation(asker);
  if (!permission.allowed) return { kind: 'refused', code: 'notPermitted', denial: permission.denial };
  if (current.planId === plan.id) return { kind: 'already', plan };
  const previous = current.planId ? await storage.plans.get(current.planId) : null;
  if (previous) {
    const there = actor(await storage.roles.rolesOf(previous.id, who.email));
    const move = canMoveConversation(there);
    if (!move.allowed) {
      const readable = canReadPlan(
        there,
        (await storage.actions.snapshot(previous.id)).map((v) => v.value),
      );
      return { kind: 'refused', code: 'cannotMove', denial: move.denial, previous: readable ? previous : null };
    }
  }
  await storage.conversations.bindPlan(input.bindingId, plan.id, { etag: current.etag, kind: input.kind });
  return { kind: 'bound', plan, previous };
}
