import { z } from 'zod';
import { Banner } from '../cards/reminder-view';
import { CardName } from '../cards/render';
import { denialWords } from '../cards/refusal-words';
import { todayIn } from '../domain/calendar';
import { Actor, canSeeDecisions, canSeeRemindersOf } from '../domain/permissions';
import { Storage } from '../store/open-storage';
import { drawDecisionsCard, drawReminderCard } from '../views/action-cards';
import { Notification } from '../domain/notifications';
import { CARD_VERBS, CardVerb } from './card-verbs';
import { mayReadPlan } from './plan-access';
import { conflictText, refusalText, tell, Teller } from './tell';

export interface CardActionRequest {
  verb: string;
  data: unknown;
  user: { id: string; email: string | null; name: string | null };
  now: Date;
}

/** The card to show in place of the one whose button was pressed, or a message when there is none. */
export type CardActionResult = { kind: 'card'; card: CardName; data: object } | { kind: 'message'; text: string };

const NOT_YOURS =
  'That card is for a plan you have no actions or role in, or a plan that no longer exists; nothing was shown or changed.';
const ok = (text: string): Banner => ({ text, style: 'good' });
const problem = (text: string): Banner => ({ text, style: 'attention' });

/** The fields every button's data may carry, read without trusting their types. */
const Envelope = z
  .object({
    planId: z.string().optional().catch(undefined),
    ref: z.string().optional().catch(undefined),
    owner: z.string().optional().catch(undefined),
    valueFor: z.string().optional().catch(undefined),
  })
  .passthrough();

/**
 * Universal Action buttons on reminder and decision cards: a front door that only translates. The verb
 * table (card-verbs.ts) parses the button's data and names the use case, which checks permissions
 * against the person pressing and the action named, whatever the card says; the answer is the card
 * redrawn from the register, so a card never offers a stale choice.
 */
export class CardActions {
  constructor(
    private readonly storage: Storage,
    private readonly notifier?: Teller,
  ) {}

  async handle(request: CardActionRequest): Promise<CardActionResult> {
    // Own keys only: `toString` or `__proto__` are not buttons.
    const verb: CardVerb | undefined = Object.hasOwn(CARD_VERBS, request.verb) ? CARD_VERBS[request.verb] : undefined;
    if (!verb)
      return { kind: 'message', text: 'That button belongs to an older card. Type "my actions" to see your actions.' };
    const email = request.user.email?.toLowerCase();
    if (!email) return { kind: 'message', text: 'I can’t tell which account you are using, so nothing was changed.' };
    const envelope = Envelope.safeParse(request.data);
    const fields = envelope.success ? envelope.data : {};
    // A reminder's action picker names the plan with the ref ("plan/ref"), as one card covers all of a person's plans.
    // The "Latest value" form names its measure's action itself ("plan/ref#2"), whatever action is chosen above.
    const valueFor = request.verb === 'recordValue' ? fields.valueFor?.replace(/#\d{1,2}$/, '') : undefined;
    const chosen = choiceOf(valueFor ?? fields.ref);
    const chosenPlan = chosen && (await this.storage.plans.get(chosen.planId));
    const body = chosenPlan && chosen ? { ...fields, planId: chosen.planId, ref: chosen.ref } : request.data;
    const plan = chosenPlan || (await this.storage.plans.get(fields.planId ?? ''));
    // Nothing is drawn until the presser is known to be allowed to see it; a plan they may not read
    // gets the same answer as one that does not exist, so a forged button learns nothing.
    const actor: Actor | null = plan && {
      email,
      name: request.user.name,
      roles: await this.storage.roles.rolesOf(plan.id, email),
    };
    if (!plan || !actor || !(await mayReadPlan(this.storage, plan.id, actor)))
      return { kind: 'message', text: NOT_YOURS };
    const owner = fields.owner?.includes('@') ? fields.owner.toLowerCase() : email;
    const seeing = verb.card === 'decisions' ? canSeeDecisions(actor) : canSeeRemindersOf(actor, owner);
    if (!seeing.allowed) return { kind: 'message', text: denialWords(seeing.denial) };
    const today = todayIn(request.now, plan.timeZone);
    // Someone else's card is drawn for the plan pressed only, never for every plan its owner is in.
    const redraw = async (banner: Banner | null): Promise<CardActionResult> => ({
      kind: 'card',
      ...(verb.card === 'decisions'
        ? await drawDecisionsCard(this.storage, plan, actor, today, banner)
        : await drawReminderCard(this.storage, owner, request.now, banner, owner === email ? null : plan)),
    });
    const pressed = verb.read(body);
    if (!pressed.ok) return redraw(problem(`Nothing was changed. ${pressed.problems}`));
    if (!pressed.change) return redraw(null);

    const { change } = pressed;
    const current = await this.storage.actions.get(plan.id, change.ref);
    if (!current) return redraw(problem(`There is no action ${change.ref} in this plan; nothing was changed.`));
    // The same notifications as from chat, but for the one card this answer already redraws, banner and
    // all: the presser's own reminder card. Redrawing it again a moment later would wipe the banner.
    const answered = (n: Notification) =>
      verb.card === 'reminder' && owner === email && n.kind === 'action-changed' && n.ownerEmail === email;
    const outcome = await change.run(
      this.storage,
      { view: { plan, actor, today }, current },
      { via: 'card', at: request.now.toISOString(), answered },
    );
    if (outcome.kind === 'conflict') return { kind: 'message', text: conflictText(outcome) };
    // A refusal by permission shows only the refusal; any other redraws the card with it.
    if (outcome.kind === 'refused' && outcome.code === 'notPermitted')
      return { kind: 'message', text: `Nothing was changed. ${refusalText(outcome)}` };
    if (outcome.kind === 'refused') return redraw(problem(`Nothing was changed. ${refusalText(outcome)}`));
    tell(this.notifier, outcome.found.current.value, outcome.notifications);
    return redraw(ok(change.confirm(outcome.found.current.value, outcome.before)));
  }
}

/** The plan and ref a reminder's action picker sent ("plan/ref"), if it did. */
function choiceOf(ref: string | undefined): { planId: string; ref: string } | null {
  const match = ref ? /^([a-z0-9][a-z0-9-]{0,62})\/(.+)$/s.exec(ref.trim()) : null;
  return match ? { planId: match[1], ref: match[2] } : null;
}
