import { Activity, CardFactory, MessageFactory } from 'botbuilder';
import { AdaptiveCard, renderCard } from '../cards/render';
import { Reply } from '../services/chat/types';

export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(reply.card, reply.data)));
  activity.summary = reply.summary;
  return activity;
}

/** What replaces a card whose button was pressed: the reply's card, or its words in a card of their own (no buttons left). */
export function replacementCard(reply: Reply | undefined): AdaptiveCard {
  if (reply?.kind === 'card') return renderCard(reply.card, reply.data);
  return renderCard('confirm', { question: reply?.text ?? 'OK, nothing changed.', detail: null, choices: [] });
}
