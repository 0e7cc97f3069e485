import { Activity, CardFactory, MessageFactory } from 'botbuilder';
import { renderCard } from '../cards/render';
import { Reply } from '../services/chat/types';

export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(reply.card, reply.data)));
  activity.summary = reply.summary;
  return activity;
}
