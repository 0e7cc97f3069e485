import { Command } from '../../domain/command';
import { cleanCommandText } from '../../domain/command-text';
import { Storage } from '../../store/open-storage';
import { readableViews } from '../plan-access';
import { findAction } from './find-action';
import { PlanView } from './plan-scope';
import { Incoming, Reply, text } from './types';
import { withPlan } from './which-plan-question';

/**
 * In a chat bound to one plan, a ref that is not in it but is in other plans the person may read: where it is, and
 * how to ask for it from here ("show youth-justice/6.1", read by `namedPlan`). Only plans they may read are looked
 * in (the one read rule), so nothing is revealed to anyone else; null when the bound plan has the ref, or no other
 * readable plan does, and the reply is then as it always was.
 */
export async function elsewhereReply(
  storage: Storage,
  incoming: Incoming,
  scope: readonly PlanView[],
  everyPlan: () => Promise<PlanView[]>,
  command: Command,
): Promise<Reply | null> {
  if (!('ref' in command) || typeof command.ref !== 'string' || scope.length !== 1) return null;
  const [bound] = scope;
  const here = await findAction(storage, await readableViews(storage, scope), command.ref);
  if (here.found.length > 0 || here.unsure.length > 0) return null;
  const others = (await everyPlan()).filter((v) => v.plan.id !== bound.plan.id);
  const { found } = await findAction(storage, await readableViews(storage, others), command.ref);
  if (found.length === 0) return null;
  const plans = [...found].sort((a, b) => a.view.plan.title.localeCompare(b.view.plan.title));
  const ref = plans[0].current.value.ref;
  const listed = plans.map((f) => `${f.view.plan.title} (${f.view.plan.id})`);
  const where = listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
  const example = withPlan(cleanCommandText(incoming.text), command.ref, plans[0].view.plan.id);
  return text(
    `${ref} isn’t in ${bound.plan.title}, the plan this chat uses. It is in ${where}. To ask for it here, put the plan’s id before the ref, for example: ${example}`,
  );
}
