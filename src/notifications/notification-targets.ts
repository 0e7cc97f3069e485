import { renderCard } from '../cards/render';
import { detailView } from '../cards/view-models';
import { todayIn } from '../domain/calendar';
import { ownerToldOfDecision, ownerToldOfMovedDate } from '../domain/date-decisions';
import { Notification } from '../domain/notifications';
import { ownerToldOfStatusSet } from '../domain/status-notices';
import { offeredDecisionOn } from '../domain/permissions';
import { isPersonProblem } from '../domain/reach';
import { reminderRunIdFor } from '../domain/reminders';
import { Action, IsoDate, Plan } from '../domain/types';
import { Target } from '../jobs/deliver';
import { destinationOf } from '../jobs/destination';
import { OutgoingCard } from '../jobs/sender';
import { planFact, PlanName, refInPlan } from '../domain/ref-in-plan';
import { planToName } from '../services/ref-elsewhere';
import { withOwnerNames } from '../services/chat/owner-names';
import { Storage } from '../store/open-storage';
import { Person } from '../store/people-store';
import { decidersOf } from '../services/deciders';
import { drawDecisionsCard, drawReminderCard } from '../views/action-cards';

/** A recipient of a notification; `person`: the address a message told to someone is filed under (see WaitingRecipient). */
export type Recipient = Target & { person?: string };

/**
 * Who a notification goes to, and what they are sent, drawn from the register
 * as it is when the notification is delivered: the plan's chairs and
 * executives get their decisions card when an owner asks for a new date; the
 * owner is told what was decided; an owner's reminder card for the week is
 * redrawn in place (by the activity id the delivery ledger kept), so it never
 * offers a stale choice.
 */
export class NotificationTargets {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** None when there is nobody left to tell (the plan, the action or the person is gone). */
  async of(notification: Notification): Promise<Recipient[]> {
    const plan = await this.storage.plans.get(notification.planId);
    if (!plan) return [];
    switch (notification.kind) {
      case 'date-requested':
        return this.deciders(plan, notification.ref);
      case 'date-decided':
        return this.owner(plan, notification);
      case 'date-moved':
        return this.ownerOf(plan, notification.ref, (named) => ownerToldOfMovedDate(notification, named));
      case 'status-set':
        return this.ownerOf(plan, notification.ref, (named) => ownerToldOfStatusSet(notification, named));
      case 'action-changed': {
        const owner = notification.ownerEmail ? await this.storage.people.byEmail(notification.ownerEmail) : null;
        return owner ? this.redraw(plan, owner) : [];
      }
    }
  }

  private async deciders(plan: Plan, ref: string): Promise<Recipient[]> {
    const action = (await this.storage.actions.get(plan.id, ref))?.value;
    if (!action) return [];
    const today = todayIn(this.now(), plan.timeZone);
    const targets: Recipient[] = [];
    for (const { who, person } of await decidersOf(this.storage, plan.id)) {
      const actor = { ...who, roles: await this.storage.roles.rolesOf(plan.id, who.email) };
      // Whoever asked, or owns the action (under separation of duties), is not asked to decide it; each decider's card leaves out their own.
      if (action.dateRequest?.by === who.email || !offeredDecisionOn(actor, action, plan)) continue;
      const named = refInPlan(ref, await planToName(this.storage, who.email, plan, ref));
      const card = await drawDecisionsCard(this.storage, plan, actor, today, {
        text: `New date asked for ${named}.`,
        style: 'good',
      });
      targets.push(
        this.tell(who, person, {
          card: renderCard(card.card, card.data),
          summary: `A new date was asked for ${named}`,
        }),
      );
    }
    return targets;
  }

  private async owner(plan: Plan, decided: Extract<Notification, { kind: 'date-decided' }>): Promise<Recipient[]> {
    const { ref, request, by } = decided;
    // A decider who asked for the date themselves needs no telling.
    if (request.by === by.email) return [];
    const [asker, current] = await Promise.all([
      this.storage.people.byEmail(request.by),
      this.storage.actions.get(plan.id, ref),
    ]);
    if (!current) return [];
    const today = todayIn(this.now(), plan.timeZone);
    const planNamed = await planToName(this.storage, request.by, plan, ref);
    const told = ownerToldOfDecision(decided, current.value, today, planNamed);
    const card = await this.noticeCard(current.value, today, told, planNamed);
    const who = asker ?? { email: request.by, name: null };
    return [this.tell(who, asker, { card, summary: told }), ...(asker ? await this.redraw(plan, asker) : [])];
  }

  /** The action as it is, under what the person is told; its plan among the facts when it needs naming. */
  private async noticeCard(action: Action, today: IsoDate, told: string, plan: PlanName | null) {
    const [named] = await withOwnerNames(this.storage, [action]);
    const view = detailView(named, today, told);
    return renderCard('action-detail', plan ? { ...view, facts: [planFact(plan), ...view.facts] } : view);
  }

  /**
   * The owner of an action someone else changed: `told` says who changed what (moved its date, signed it off…), and
   * the card under it shows the action as it is. The plan is named when the owner can read another with the same ref.
   */
  private async ownerOf(plan: Plan, ref: string, tell: (plan: PlanName | null) => string): Promise<Recipient[]> {
    const current = await this.storage.actions.get(plan.id, ref);
    const owner = current?.value.owner;
    if (!current || !owner) return [];
    const person = await this.storage.people.byEmail(owner.email);
    const planNamed = await planToName(this.storage, owner.email, plan, ref);
    const told = tell(planNamed);
    const card = await this.noticeCard(current.value, todayIn(this.now(), plan.timeZone), told, planNamed);
    const who = person ?? { email: owner.email, name: owner.displayName };
    return [this.tell(who, person, { card, summary: told }), ...(person ? await this.redraw(plan, person) : [])];
  }

  /**
   * A message to a person, by the one reach rule (someone the bot has never met, `person` null, is not met yet); what
   * Teams says about them is kept, as the weekly jobs keep it.
   */
  private tell(who: { email: string; name: string | null }, person: Person | null, message: OutgoingCard): Recipient {
    const email = who.email.toLowerCase();
    const link = (change: Parameters<Storage['people']['link']>[0]) => this.storage.people.link(change);
    return {
      key: `tell:${email}`,
      label: who.name ?? email,
      person: email,
      destination: destinationOf(person ?? undefined),
      message,
      onOpened: (chat) => link({ email, personalChat: chat, unreachable: null, updatedAt: this.now().toISOString() }),
      onUnreachable: async (reason) => {
        if (isPersonProblem(reason)) await link({ email, unreachable: reason, updatedAt: this.now().toISOString() });
      },
    };
  }

  /** This week's reminder card in the owner's chat, redrawn whole (one card covers all their plans), if one was sent. */
  private async redraw(plan: Plan, owner: Person): Promise<Target[]> {
    if (!owner.personalChat) return [];
    const delivery = await this.storage.deliveries.get(
      reminderRunIdFor(todayIn(this.now(), plan.timeZone)),
      owner.email,
    );
    if (!delivery?.activityId) return [];
    const card = await drawReminderCard(this.storage, owner.email, this.now(), null);
    const message = { card: renderCard(card.card, card.data), summary: 'Your actions this week' };
    // No onUnreachable: a card that cannot be redrawn says nothing about whether the person can be reached.
    return [
      {
        key: `redraw:${owner.email}`,
        label: owner.name ?? owner.email,
        destination: { kind: 'conversation', reference: owner.personalChat },
        replaces: delivery.activityId,
        message,
      },
    ];
  }
}
