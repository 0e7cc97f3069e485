import { parseCommand } from '../../domain/command-grammar';
import { cleanCommandText } from '../../domain/command-text';
import { Command } from '../../domain/command';
import { mayDropPlanWords, mightNamePlan, planNamedIn, prefixed } from '../../domain/plan-named';
import { recogniseQuestion } from '../../domain/questions/intents';
import { IsoDate } from '../../domain/types';
import { Storage } from '../../store/open-storage';
import { readableViews } from '../plan-access';
import { PlanView } from './plan-scope';
import { Incoming } from './types';

/**
 * The plan a message names ("send-wsoa/R3 at risk", "what's overdue in the SEND plan?") among the plans the
 * person may read, and the message to read in it instead, as if typed in a chat bound to it; null when it names
 * none, or when the words may be part of what they want recorded, or when the message means nothing without them. A plan they may not read is never
 * matched, so naming one is answered as if the words were any others. Readability is checked only once the words
 * look like some plan's name, so ordinary messages cost a few string comparisons. In a chat bound to a plan, only
 * the plan's id before the ref names another ("show youth-justice/6.1"), as a ref found elsewhere is offered there
 * (elsewhere-reply); words such as "in the SEND plan" there stay part of the message.
 */
export async function namedPlan(
  storage: Storage,
  viewsOf: () => Promise<PlanView[]>,
  incoming: Incoming,
  today: IsoDate,
  bound = false,
): Promise<{ command: Command; asked: { incoming: Incoming; boundPlanId: string } } | null> {
  const typed = incoming.text;
  if (bound ? !typed.includes('/') : !mightNamePlan(typed)) return null;
  const find = bound ? prefixed : planNamedIn;
  const text = cleanCommandText(typed);
  // In a bound chat the plans are not read already: a date's slash ("30/09/2026") costs one list, not every role.
  if (bound && !(await storage.plans.list()).some((p) => find(text, [p]))) return null;
  const views = await viewsOf();
  if (!views.some((v) => find(text, [v.plan]))) return null;
  const readable = await readableViews(storage, views);
  const named = find(
    text,
    readable.map((v) => v.plan),
  );
  if (!named) return null;
  const command = parseCommand(named.text, today);
  // A plan's id before the ref names it beyond doubt, so even words not understood are answered in that plan.
  const understood =
    command.kind !== 'unknown' ||
    recogniseQuestion(named.text, today) !== null ||
    prefixed(
      text,
      readable.map((v) => v.plan),
    ) !== null;
  if (!understood || !mayDropPlanWords(named, command)) return null;
  return { command, asked: { incoming: { ...incoming, text: named.text }, boundPlanId: named.planId } };
}
