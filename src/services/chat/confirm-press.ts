import { z } from 'zod';
import { todayIn } from '../../domain/calendar';
import { parseCommand } from '../../domain/command-grammar';
import { Storage } from '../../store/open-storage';
import { mayReadPlan } from '../plan-access';
import { planToName } from '../ref-elsewhere';
import { ChatService } from './chat-service';
import { Incoming, Reply, text } from './types';
import { forgetMeasureQuestion } from './which-measure-question';

/** The verbs of a Yes/No card's buttons (see confirm-replies). */
export const CONFIRM_VERBS: readonly string[] = ['confirm', 'dismiss'];

/**
 * What a Yes button offers to run (or a button choosing an item of evidence, the measure a value is for, or the
 * plan a ref is in): a command about one action, never a list, a binding or anything else.
 */
const OFFERED_KINDS: ReadonlySet<string> = new Set([
  'setStatus',
  'delay',
  'signOff',
  'evidence',
  'measureValue',
  'note',
  'approve',
  'decideDate',
  'askRed',
  'notChange',
  'show',
  'history',
]);

const ConfirmData = z.object({
  planId: z.string().trim().min(1).max(64),
  text: z.string().trim().min(1).max(1200),
});

const OLDER_CARD = 'That button belongs to an older card. Type "my actions" to see your actions.';
const NOT_YOURS =
  'That card is for a plan you have no actions or role in, or a plan that no longer exists; nothing was shown or changed.';

/** A Yes/No button pressed: everything about the message a typed command would carry, but its words. */
export interface ConfirmPress {
  verb: string;
  data: unknown;
  incoming: Omit<Incoming, 'text' | 'planId'>;
}

/**
 * "No" changes nothing. "Yes" runs the command the card offered through the chat service, as if the
 * presser had typed it in the plan the card named: their own permissions, checked against the register
 * as it is now. The card's data is not trusted: the plan must be one they may read, and the words must be
 * a change to an action, which the chat service then checks like any typed message.
 */
export async function answerConfirmPress(storage: Storage, chat: ChatService, press: ConfirmPress): Promise<Reply[]> {
  if (press.verb === 'dismiss') {
    await forgetMeasureQuestion(storage, press.incoming);
    return [text('OK, nothing changed.')];
  }
  const parsed = ConfirmData.safeParse(press.data);
  if (press.verb !== 'confirm' || !parsed.success) return [text(OLDER_CARD)];
  const email = press.incoming.user.email?.toLowerCase();
  if (!email) return [text('I can’t tell which account you are using, so nothing was changed.')];
  const plan = await storage.plans.get(parsed.data.planId);
  const actor = plan && { email, name: press.incoming.user.name, roles: await storage.roles.rolesOf(plan.id, email) };
  if (!plan || !actor || !(await mayReadPlan(storage, plan.id, actor))) return [text(NOT_YOURS)];
  const command = parseCommand(parsed.data.text, todayIn(press.incoming.now, plan.timeZone));
  if (!OFFERED_KINDS.has(command.kind)) return [text(OLDER_CARD)];
  const replies = await chat.handle({ ...press.incoming, text: parsed.data.text, planId: plan.id });
  // A plan chosen from "which plan?" is named in a reply in words too (a card names it among its facts).
  const named = 'ref' in command ? await planToName(storage, email, plan, command.ref) : null;
  return named ? replies.map((r) => (r.kind === 'text' ? text(`${named.title}: ${r.text}`) : r)) : replies;
}
