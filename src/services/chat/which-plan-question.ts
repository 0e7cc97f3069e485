import { z } from 'zod';
import { clipText } from '../../domain/card-budget';
import { cleanCommandText } from '../../domain/command-text';
import { namesPlan } from '../../domain/plan-named';
import { measureNamedIn } from '../../domain/which-measure-answer';
import { PendingQuestion } from '../../store/conversation-store';
import { Storage } from '../../store/open-storage';
import { OneAction } from '../../use-cases/find-one';
import { confirmReply } from './confirm-replies';
import { awaitAnswer, waitingData } from './pending-answer';
import { Incoming, Reply, text } from './types';

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
  const plans = inOrder(one);
  const [first] = plans;
  const example = typed && first ? withPlan(typed, one.ref, first.id) : `${first?.id ?? 'plan-id'}/${one.ref}`;
  // A bare number reads as a count on its own ("5 is in 2 of your plans"), so it is called an action.
  const named = /^\d/.test(one.ref) ? `Action ${one.ref}` : one.ref;
  const question = `${named} is in ${plans.length} of your plans. Which plan do you mean?`;
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

const inOrder = (one: InSeveralPlans) =>
  [...one.plans].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));

export const PENDING_WHICH_PLAN = 'whichPlan';

/** What a typed answer may choose from, kept with the question; read back through this schema. */
const WhichPlanDraft = z.object({
  choices: z.array(z.object({ planId: z.string(), title: z.string(), text: z.string() })).min(2),
});

/**
 * Asks which plan, as `whichPlanReply`, and remembers the buttons for this person in this conversation, so that
 * typing the plan ("SEND", "the audit one", "the second") presses its button (see `typedPlanChoice`).
 */
export async function askWhichPlan(
  storage: Storage,
  incoming: Incoming,
  one: InSeveralPlans,
  typed: string,
): Promise<Reply> {
  const reply = whichPlanReply(one, typed);
  if (reply.kind === 'card') {
    const choices = inOrder(one).map((p) => ({ planId: p.id, title: p.title, text: typed.trim() }));
    await awaitAnswer(storage, incoming, PENDING_WHICH_PLAN, { choices });
  }
  return reply;
}

/** Words around a plan's name in an answer that say nothing about which ("the audit one please"). */
const AROUND = /\b(?:one|please|pls|in|i mean|it's|its|it is|thanks)\b/gi;

/**
 * The button a typed answer to the waiting "which plan?" presses: its plan and command, for the path a pressed
 * button takes (confirm-press, which checks the plan readable again), or null when nothing is waiting or the
 * words name none of the plans offered, or more than one; the message is then read as it always was.
 */
export function typedPlanChoice(
  pending: PendingQuestion | null,
  typed: string,
): { planId: string; text: string } | null {
  const choices = waitingData(pending, PENDING_WHICH_PLAN, WhichPlanDraft)?.choices;
  if (!choices) return null;
  const words = cleanCommandText(typed).trim();
  const byName = choices.filter((c) => namesPlan(words.replace(AROUND, ' '), { id: c.planId, title: c.title }));
  const numbered = measureNamedIn(words, choices.length);
  const choice = byName.length === 1 ? byName[0] : byName.length === 0 && numbered ? choices[numbered - 1] : null;
  return choice ? { planId: choice.planId, text: choice.text } : null;
}

/** The message with the plan's id put before the ref where it was typed ("R3 at risk" → "send-wsoa/R3 at risk"). */
export function withPlan(typed: string, ref: string, planId: string): string {
  const at = typed.toLowerCase().indexOf(ref.toLowerCase());
  return at < 0 ? `${planId}/${ref}` : `${typed.slice(0, at)}${planId}/${typed.slice(at)}`;
}
