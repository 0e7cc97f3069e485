import { Actor, canBindConversation, canMoveConversation, canReadPlan } from '../../domain/permissions';
import { Role } from '../../domain/types';
import { mayReadPlan, readableViews } from '../plan-access';
import { plansFor } from './plan-scope';
import { Storage } from '../../store/open-storage';
import { bindingIdOf, Incoming, Reply, text } from './types';

/**
 * "use plan X here": binds the plan to the whole channel (whichever post it is typed in) or
 * chat. Moving a conversation from one plan to another needs an administrator of both.
 */
export async function bindReply(storage: Storage, incoming: Incoming, planId: string, email: string): Promise<Reply> {
  const where = bindingIdOf(incoming);
  const kind = incoming.conversation.kind;
  const actor = (roles: Set<Role>): Actor => ({ email, name: incoming.user.name, roles });
  const [plan, current] = await Promise.all([storage.plans.get(planId), storage.conversations.binding(where, kind)]);
  const asker = plan && actor(await storage.roles.rolesOf(plan.id, email));
  // A plan the person may not read is answered as if it did not exist, and only plans they may read are listed.
  if (!plan || !asker || !(await mayReadPlan(storage, plan.id, asker))) {
    const known = (await readableViews(storage, await plansFor(storage, incoming, email, null))).map((v) => v.plan.id);
    return text(`There is no plan "${planId}".${known.length ? ` Plans: ${known.join(', ')}.` : ''}`);
  }
  const permission = canBindConversation(asker);
  if (!permission.allowed) return text(permission.reason);
  const place = kind === 'channel' ? 'this channel' : 'this chat';
  if (current.planId === plan.id) {
    return text(`In ${place}, "what's overdue" already means ${plan.title} (${plan.id}), and its weekly digest comes here.`);
  }
  const previous = current.planId ? await storage.plans.get(current.planId) : null;
  if (previous) {
    const rolesThere = await storage.roles.rolesOf(previous.id, email);
    const move = canMoveConversation(actor(rolesThere));
    if (!move.allowed) {
      // Name the plan only to someone who may read it.
      const readable = canReadPlan(actor(rolesThere), (await storage.actions.snapshot(previous.id)).map((v) => v.value));
      const named = readable ? `${previous.title} (${previous.id})` : 'another plan';
      return text(`${capitalised(place)} already uses ${named}. ${move.reason}`);
    }
  }
  await storage.conversations.bindPlan(where, plan.id, { etag: current.etag, kind });
  const digest = kind === 'channel' ? 'Its weekly digest will come here too, as a new post.' : 'Its weekly digest will come here too.';
  const moved = previous ? ` It no longer means ${previous.title}.` : '';
  return text(`Done: in ${place}, "what's overdue" now means ${plan.title} (${plan.id}).${moved} ${digest}`);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
