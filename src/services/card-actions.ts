import { z } from 'zod';
import { Banner } from '../cards/reminder-view';
import { CardName } from '../cards/render';
import { addEvidence, addNote, ChangeContext, ChangeResult, changeStatus, requestNewDate, reschedule, signOff } from '../domain/action-changes';
import { isValidIsoDate, todayIn } from '../domain/calendar';
import { decideDateRequest, decisionConfirmation } from '../domain/date-decisions';
import { Actor, canDecideDateRequest, canSeeDecisions, canSeeRemindersOf, canSignOff, canUpdate, decidesDates, DutyRules, Permission } from '../domain/permissions';
import { Action, Plan } from '../domain/types';
import { Storage } from '../store/open-storage';
import { changeAction } from './chat/change-action';
import { drawDecisionsCard, drawReminderCard } from '../views/action-cards';
import { ChangeNotifier } from './notifier';
import { mayReadPlan } from './plan-access';

export interface CardActionRequest {
  verb: string;
  data: unknown;
  user: { id: string; email: string | null; name: string | null };
  now: Date;
}

/** The card to show in place of the one whose button was pressed, or a message when there is none. */
export type CardActionResult = { kind: 'card'; card: CardName; data: object } | { kind: 'message'; text: string };

const text = (field: string, max = 1000) => z.string({ message: `${field} is missing.` }).trim().min(1, `${field} is missing.`).max(max, `${field} is too long (at most ${max} characters).`);
const isoDate = (field: string) => text(field, 10).refine(isValidIsoDate, `${field} is not a real date.`);

const PlanData = z.object({ planId: text('The plan', 64) });
const ReminderData = PlanData.extend({ owner: text('The owner', 320).optional(), ref: text('Which action') });
const SCHEMAS = {
  refreshReminder: PlanData.extend({ owner: text('The owner', 320) }),
  complete: ReminderData.extend({ evidence: text('Evidence') }),
  update: ReminderData.extend({
    status: z.enum(['On track', 'At risk', 'Delayed', 'Not started'], { message: 'Choose a status.' }),
    updateDate: z.string().trim().max(10).optional(),
    updateReason: z.string().trim().max(1000).optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  requestDate: ReminderData.extend({ requestDate: isoDate('The new date'), requestReason: text('The reason') }),
  refreshDecisions: PlanData,
  approveDate: PlanData.extend({ requestRef: text('Which request'), decisionComment: z.string().trim().max(1000).optional() }),
  declineDate: PlanData.extend({ requestRef: text('Which request'), decisionComment: z.string().trim().max(1000).optional() }),
  signOff: PlanData.extend({ signOffRef: text('Which action') }),
} as const;
type Verb = keyof typeof SCHEMAS;

const NOT_YOURS = 'That card is for a plan you have no actions or role in, or a plan that no longer exists; nothing was shown or changed.';
const ok = (text: string): Banner => ({ text, style: 'good' });
const problem = (text: string): Banner => ({ text, style: 'attention' });
/** Notifiers log their own failures (see ChangeNotifier); this only keeps one that did not from stopping the process. */
const ignored = (): void => undefined;

const guarded = (permission: Permission, apply: () => ChangeResult): ChangeResult =>
  permission.allowed ? apply() : { ok: false, reason: permission.reason };

/**
 * Universal Action buttons on reminder and decision cards. Every press is
 * checked again here, against the person pressing and the action named,
 * whatever the card says; the answer is the card redrawn from the register,
 * so a card never offers a stale choice.
 */
export class CardActions {
  constructor(
    private readonly storage: Storage,
    private readonly notifier?: Pick<ChangeNotifier, 'dateRequested' | 'dateDecided'>,
  ) {}

  async handle(request: CardActionRequest): Promise<CardActionResult> {
    // Own keys only: `toString` or `__proto__` are not buttons.
    if (!Object.hasOwn(SCHEMAS, request.verb)) return { kind: 'message', text: 'That button belongs to an older card. Type "my actions" to see your actions.' };
    const verb = request.verb as Verb;
    const email = request.user.email?.toLowerCase();
    if (!email) return { kind: 'message', text: 'I can’t tell which account you are using, so nothing was changed.' };
    // A reminder's action picker names the plan with the ref ("plan/ref"), as one card covers all of a person's plans.
    const chosen = choiceOf(request.data);
    const chosenPlan = chosen && (await this.storage.plans.get(chosen.planId));
    const body = chosenPlan && chosen ? { ...(request.data as object), planId: chosen.planId, ref: chosen.ref } : request.data;
    const plan = chosenPlan || (await this.storage.plans.get(String((body as { planId?: unknown } | null)?.planId ?? '')));
    // Nothing is drawn until the presser is known to be allowed to see it; a plan they may not read
    // gets the same answer as one that does not exist, so a forged button learns nothing.
    const actor: Actor | null = plan && { email, name: request.user.name, roles: await this.storage.roles.rolesOf(plan.id, email) };
    if (!plan || !actor || !(await mayReadPlan(this.storage, plan.id, actor))) return { kind: 'message', text: NOT_YOURS };
    const isDecision = verb === 'refreshDecisions' || verb === 'approveDate' || verb === 'declineDate' || verb === 'signOff';
    const owner = ownerOf(request.data, email);
    const seeing = maySee(verb, actor, owner);
    if (!seeing.allowed) return { kind: 'message', text: seeing.reason };
    const parsed = SCHEMAS[verb].safeParse(body);
    const today = todayIn(request.now, plan.timeZone);
    // Someone else's card is drawn for the plan pressed only, never for every plan its owner is in.
    const redraw = (banner: Banner | null) => (isDecision ? this.decisionsCard(plan, today, banner) : this.reminderCard(owner, request.now, banner, owner === email ? null : plan));
    if (!parsed.success) return redraw(problem(`Nothing was changed: ${parsed.error.issues.map((i) => i.message).join(' ')}`));
    const data = parsed.data as Record<string, string | undefined>;
    if (verb === 'refreshReminder' || verb === 'refreshDecisions') return redraw(null);

    const ref = (data.ref ?? data.requestRef ?? data.signOffRef)!;
    const current = await this.storage.actions.get(plan.id, ref);
    if (!current) return redraw(problem(`There is no action ${ref} in this plan; nothing was changed.`));
    // A refused button shows only the refusal (checked again, against what is stored, as the change is written).
    const permitted = permissionFor(verb, actor, current.value, plan);
    if (!permitted.allowed) return { kind: 'message', text: `Nothing was changed: ${permitted.reason}` };
    const ctx: ChangeContext = { by: email, at: request.now.toISOString(), today };
    const change = (action: Action, c: ChangeContext, who: Actor): ChangeResult => this.apply(verb, data, action, c, who, plan);
    const outcome = await changeAction(this.storage, { view: { plan, actor, today }, current }, change, { via: 'card', at: ctx.at, comment: data.updateReason ?? data.requestReason ?? data.decisionComment ?? null });
    if (!outcome.ok) return redraw(problem(`Nothing was changed: ${outcome.reason}`));
    const after = outcome.found.current.value;
    // Telling others goes on after the card is answered: Teams gives a card button only a few seconds, and
    // messages to other people are paced.
    const asked = outcome.before.dateRequest;
    if (after.dateRequest && !asked) void this.notifier?.dateRequested(plan.id, after.ref).catch(ignored);
    if (asked && !after.dateRequest && (verb === 'approveDate' || verb === 'declineDate')) {
      const decision = verb === 'approveDate' ? 'approve' : 'decline';
      void this.notifier?.dateDecided({ action: after, request: asked, decision, by: { email, name: actor.name }, comment: data.decisionComment ?? null }).catch(ignored);
    }
    return redraw(ok(confirmation(verb, after)));
  }

  private apply(verb: Verb, data: Record<string, string | undefined>, action: Action, ctx: ChangeContext, actor: Actor, rules: DutyRules): ChangeResult {
    const permission = permissionFor(verb, actor, action, rules);
    switch (verb) {
      case 'complete':
        return guarded(permission, () => {
          const withEvidence = addEvidence(action, data.evidence!, ctx);
          return withEvidence.ok ? changeStatus(withEvidence.action, 'Complete', null, ctx) : withEvidence;
        });
      case 'update':
        return guarded(permission, () => this.update(data, action, ctx, actor, rules));
      case 'requestDate':
        return guarded(permission, () =>
          decidesDates(actor, action, rules) ? reschedule(action, data.requestDate!, data.requestReason!, false, ctx) : requestNewDate(action, data.requestDate!, data.requestReason!, false, ctx),
        );
      case 'approveDate':
        return decideDateRequest('approve', null, action, ctx, actor, rules);
      case 'declineDate':
        return decideDateRequest('decline', data.decisionComment ?? null, action, ctx, actor, rules);
      case 'signOff':
        return guarded(permission, () => signOff(action, null, ctx));
      default:
        return { ok: false, reason: 'That button does nothing.' };
    }
  }

  private update(data: Record<string, string | undefined>, action: Action, ctx: ChangeContext, actor: Actor, rules: DutyRules): ChangeResult {
    const note = data.note || null;
    if (data.status === 'Delayed') {
      if (!data.updateDate || !isValidIsoDate(data.updateDate)) return { ok: false, reason: 'A delay needs the new date.' };
      if (!data.updateReason) return { ok: false, reason: 'A delay needs a reason.' };
      const moved = decidesDates(actor, action, rules)
        ? reschedule(action, data.updateDate, data.updateReason, true, ctx)
        : requestNewDate(action, data.updateDate, data.updateReason, true, ctx);
      return moved.ok && note ? addNote(moved.action, note, ctx) : moved;
    }
    const comment = [data.updateReason, note].filter(Boolean).join(' · ') || null;
    if (data.status === action.status) return comment ? addNote(action, comment, ctx) : { ok: false, reason: `${action.ref} is already ${action.status.toLowerCase()}.` };
    return changeStatus(action, data.status as Action['status'], comment, ctx);
  }

  /** The owner's reminder card as it stands: every plan they have something due in (or only `only`). */
  async reminderCard(ownerEmail: string, now: Date, banner: Banner | null, only: Plan | null = null): Promise<CardActionResult> {
    return { kind: 'card', ...(await drawReminderCard(this.storage, ownerEmail, now, banner, only)) };
  }

  async decisionsCard(plan: Plan, today: string, banner: Banner | null): Promise<CardActionResult> {
    return { kind: 'card', ...(await drawDecisionsCard(this.storage, plan, today, banner)) };
  }
}

/** Whether the presser may see the card the button redraws: their own reminders, or, for those who decide, anyone's and the decisions. */
function maySee(verb: Verb, actor: Actor, owner: string): Permission {
  switch (verb) {
    case 'refreshDecisions':
    case 'approveDate':
    case 'declineDate':
    case 'signOff':
      return canSeeDecisions(actor);
    default:
      return canSeeRemindersOf(actor, owner);
  }
}

/** Whether the presser may do what the button does to this action; the same rules as chat. */
function permissionFor(verb: Verb, actor: Actor, action: Action, rules: DutyRules): Permission {
  switch (verb) {
    case 'complete':
    case 'update':
    case 'requestDate':
      return canUpdate(actor, action);
    case 'approveDate':
    case 'declineDate':
      return canDecideDateRequest(actor, action, rules);
    case 'signOff':
      return canSignOff(actor, action, rules);
    default:
      return { allowed: false, reason: 'That button does nothing.' };
  }
}

/** The plan and ref a reminder's action picker sent ("plan/ref"), if it did. */
function choiceOf(data: unknown): { planId: string; ref: string } | null {
  const ref = (data as { ref?: unknown } | null)?.ref;
  const match = typeof ref === 'string' ? /^([a-z0-9][a-z0-9-]{0,62})\/(.+)$/s.exec(ref.trim()) : null;
  return match ? { planId: match[1], ref: match[2] } : null;
}

/** The owner whose reminder this is; checked by `canSeeRemindersOf`; it never changes what may be changed. */
function ownerOf(data: unknown, fallback: string): string {
  const owner = (data as { owner?: unknown } | null)?.owner;
  return typeof owner === 'string' && owner.includes('@') ? owner.toLowerCase() : fallback;
}

function confirmation(verb: Verb, action: Action): string {
  switch (verb) {
    case 'complete':
      return `${action.ref} is complete, with your evidence. A chair or an executive can now sign it off.`;
    case 'requestDate':
    case 'update':
      return action.dateRequest
        ? `Your new date for ${action.ref} has gone to the chairs and executives for approval; until then the current date stands.`
        : `${action.ref} is updated: ${action.status.toLowerCase()}.`;
    case 'approveDate':
      return decisionConfirmation('approve', action);
    case 'declineDate':
      return decisionConfirmation('decline', action);
    case 'signOff':
      return `${action.ref} is signed off.`;
    default:
      return 'Done.';
  }
}
