import { Actor, canBindConversation, canMoveConversation, canReadPlan } from '../../domain/permissions';
import { Plan, Role } from '../../domain/types';
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
  if (!plan) return text(`There is no plan "${planId}".${await plansToChooseFrom(storage, email)}`);
  const permission = canBindConversation(actor(await storage.roles.rolesOf(plan.id, email)));
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

/** The plans the person could bind (those they administer): never a plan they cannot read. */
async function plansToChooseFrom(storage: Storage, email: string): Promise<string> {
  const plans = await storage.plans.list();
  const mine: Plan[] = [];
  for (const plan of plans) if ((await storage.roles.rolesOf(plan.id, email)).has('admin')) mine.push(plan);
  return mine.length ? ` Plans: ${mine.map((p) => p.id).join(', ')}.` : '';
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
