import { clipText } from '../../domain/card-budget';
import { OneAction } from '../../use-cases/find-one';
import { confirmReply } from './confirm-replies';
import { Reply, text } from './types';

type InSeveralPlans = Extract<OneAction, { kind: 'inSeveralPlans' }>;

/** The most a button's command may be (confirm-press reads no more), so a longer message is offered as words only. */
const LONGEST_COMMAND = 1200;

/**
 * A ref in several plans the person may read (and act on, for a change): nothing is changed and they are asked
 * which plan, one button per plan, named by its title. A button runs the message as typed, in the plan it names,
 * through the confirm path (confirm-press: the plan checked readable, the command parsed, permissions checked
 * as typing it there would), so the same answer is given as if the chat were bound to that plan. Only plans the
 * person may read are ever listed (`findOne`). The message can also be sent again with the plan's id before the ref.
 */
export function whichPlanReply(one: InSeveralPlans, typed: string | null): Reply {
  const plans = [...one.plans].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const [first] = plans;
  const example = typed && first ? withPlan(typed, one.ref, first.id) : `${first?.id ?? 'plan-id'}/${one.ref}`;
  const question = `${one.ref} is in ${plans.length} of your plans. Which plan do you mean?`;
  const detail = `Nothing is changed until you choose. You can also type the plan’s id before the ref, for example: ${example}`;
  const command = typed?.trim() ?? '';
  if (!command || command.length > LONGEST_COMMAND) {
    const listed = plans.map((p) => `${p.title} (${p.id}/${one.ref})`).join(', ');
    return text(
      `${one.ref} is in more than one of your plans: ${listed}. Send it again with the plan, for example: ${example}`,
    );
  }
  return confirmReply(first.id, question, detail, [
    ...plans.map((p) => ({ title: clipText(p.title, 60), text: command, planId: p.id })),
    { title: 'Cancel', text: null },
  ]);
}

/** The message with the plan's id put before the ref where it was typed ("R3 at risk" → "send-wsoa/R3 at risk"). */
function withPlan(typed: string, ref: string, planId: string): string {
  const at = typed.toLowerCase().indexOf(ref.toLowerCase());
  return at < 0 ? `${planId}/${ref}` : `${typed.slice(0, at)}${planId}/${typed.slice(at)}`;
}
