import { renderCard } from '../cards/render';
import { detailView } from '../cards/view-models';
import { todayIn } from '../domain/calendar';
import { ownerToldOfDecision } from '../domain/date-decisions';
import { reminderRunIdFor } from '../domain/reminders';
import { Plan } from '../domain/types';
import { Logger } from '../log';
import { decidersOf } from '../services/deciders';
import { withOwnerNames } from '../services/chat/owner-names';
import { ChangeNotifier, DateDecided } from '../services/notifier';
import { Storage } from '../store/open-storage';
import { Person } from '../store/people-store';
import { sendToPerson } from './destination';
import { Sender } from './sender';
import { drawDecisionsCard, drawReminderCard } from '../views/action-cards';

/**
 * Keeps other people up to date after a change: the plan's chairs and
 * executives get their decisions card when an owner asks for a new date, the
 * owner is told what was decided, and an owner's reminder card for the week
 * is redrawn in place (by the activity id the delivery ledger kept) when they
 * update an action in chat, so it never offers a stale choice.
 */
export class JobNotifier implements ChangeNotifier {
  constructor(
    private readonly storage: Storage,
    private readonly sender: () => Sender | null,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  dateRequested(planId: string, ref: string): Promise<void> {
    return this.safely('tell the deciders about a date request', () => this.tellDeciders(planId, ref));
  }

  dateDecided(decided: DateDecided): Promise<void> {
    return this.safely('tell an owner about a decision on their new date', () => this.tellOwner(decided));
  }

  actionChanged(planId: string, ownerEmail: string | null): Promise<void> {
    return this.safely('redraw a reminder card', async () => {
      const sender = this.sender();
      if (!sender || !ownerEmail) return;
      const [plan, owner] = await Promise.all([this.storage.plans.get(planId), this.storage.people.byEmail(ownerEmail)]);
      if (plan && owner) await this.redrawReminder(sender, plan, owner);
    });
  }

  /** Telling others comes after a change already saved: a failure is logged, never passed back to the person who made it. */
  private async safely(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.log.warn({ err: error }, `could not ${what}`);
    }
  }

  private async tellDeciders(planId: string, ref: string): Promise<void> {
    const sender = this.sender();
    const plan = await this.storage.plans.get(planId);
    if (!sender || !plan) return;
    const card = await drawDecisionsCard(this.storage, plan, todayIn(this.now(), plan.timeZone), { text: `New date asked for ${ref}.`, style: 'good' });
    const message = { card: renderCard(card.card, card.data), summary: `A new date was asked for ${ref}` };
    for (const decider of await decidersOf(this.storage, planId)) {
      const result = await sendToPerson(this.storage, sender, decider, message);
      if (result && !result.ok) this.log.warn({ planId, outcome: result.outcome }, 'could not tell a decider about a date request');
    }
  }

  private async tellOwner({ action, request, decision, by, comment }: DateDecided): Promise<void> {
    const sender = this.sender();
    const askedBy = request.by;
    if (!sender || askedBy === by.email) return;
    const [plan, asker] = await Promise.all([this.storage.plans.get(action.planId), this.storage.people.byEmail(askedBy)]);
    if (!plan || !asker) return;
    const told = ownerToldOfDecision(decision, request, action, by.name ?? by.email, comment);
    const [named] = await withOwnerNames(this.storage, [action]);
    const card = renderCard('action-detail', detailView(named, todayIn(this.now(), plan.timeZone), told));
    const result = await sendToPerson(this.storage, sender, asker, { card, summary: told });
    if (result && !result.ok) this.log.warn({ planId: plan.id, outcome: result.outcome }, 'could not tell an owner about a decision on their new date');
    await this.redrawReminder(sender, plan, asker);
  }

  /** Redraws this week's reminder card in the owner's chat, if one was sent (the ledger keeps its activity id). */
  private async redrawReminder(sender: Sender, plan: Plan, owner: Person): Promise<void> {
    if (!owner.personalChat) return;
    const today = todayIn(this.now(), plan.timeZone);
    // One card a week covers all of a person's plans: it is redrawn whole.
    const delivery = await this.storage.deliveries.get(reminderRunIdFor(today), owner.email);
    if (!delivery?.activityId) return;
    const card = await drawReminderCard(this.storage, owner.email, this.now(), null);
    const result = await sender.update(owner.personalChat, delivery.activityId, { card: renderCard(card.card, card.data), summary: 'Your actions this week' });
    if (!result.ok) this.log.warn({ planId: plan.id, outcome: result.outcome }, 'could not redraw a reminder card');
  }
}
