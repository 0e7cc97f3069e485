import { renderCard } from '../cards/render';
import { todayIn } from '../domain/calendar';
import { Logger } from '../log';
import { CardActions, decidersOf } from '../services/card-actions';
import { DateRequestNotifier } from '../services/chat/change-replies';
import { Storage } from '../store/open-storage';
import { Sender } from './sender';

/** Sends the plan's chairs and executives their decisions card when an owner asks for a new date. */
export class DecisionNotifier implements DateRequestNotifier {
  constructor(
    private readonly storage: Storage,
    private readonly sender: () => Sender | null,
    private readonly log: Logger,
  ) {}

  async dateRequested(planId: string, ref: string): Promise<void> {
    const sender = this.sender();
    const plan = await this.storage.plans.get(planId);
    if (!sender || !plan) return;
    const card = await new CardActions(this.storage).decisionsCard(plan, todayIn(new Date(), plan.timeZone), { text: `New date asked for ${ref}.`, style: 'good' });
    if (card.kind !== 'card') return;
    const message = { card: renderCard(card.card, card.data), summary: `A new date was asked for ${ref}` };
    for (const decider of await decidersOf(this.storage, planId)) {
      if (!decider.personalChat) continue;
      const result = await sender.send({ kind: 'conversation', reference: decider.personalChat }, message);
      if (!result.ok) this.log.warn({ planId, outcome: result.outcome }, 'could not tell a decider about a date request');
    }
  }
}
