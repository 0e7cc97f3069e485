import { CardName } from '../../cards/render';
import { threadRootOf } from '../../domain/conversation-id';
import { ConversationKind } from '../../store/conversation-store';

/** One message from a person, as the Teams layer hands it over. */
export interface Incoming {
  text: string;
  /**
   * `id` is where the message was typed (in a channel: the post, whose replies share it);
   * `bindingId` is where a plan is bound (in a channel: the channel itself, whichever post).
   */
  conversation: { id: string; kind: ConversationKind; bindingId?: string };
  user: { id: string; email: string | null; name: string | null };
  now: Date;
  /** The plan a pressed Yes button names (checked readable first): it stands in for the conversation's binding. */
  planId?: string;
}

/** What the bot says back: a card (with a plain-text summary for notifications) or text. */
export type Reply = { kind: 'text'; text: string } | { kind: 'card'; card: CardName; data: object; summary: string };

export const text = (value: string): Reply => ({ kind: 'text', text: value });
export const card = (name: CardName, data: object, summary: string): Reply => ({
  kind: 'card',
  card: name,
  data,
  summary,
});

/** Where a plan bound to the message's conversation is kept: the whole channel or chat, never one post. */
export const bindingIdOf = (incoming: Incoming): string =>
  incoming.conversation.bindingId ?? threadRootOf(incoming.conversation.id);
