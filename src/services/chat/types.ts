import { CardName } from '../../cards/render';
import { ConversationKind } from '../../store/conversation-store';

/** One message from a person, as the Teams layer hands it over. */
export interface Incoming {
  text: string;
  conversation: { id: string; kind: ConversationKind };
  user: { id: string; email: string | null; name: string | null };
  now: Date;
}

/** What the bot says back: a card (with a plain-text summary for notifications) or text. */
export type Reply = { kind: 'text'; text: string } | { kind: 'card'; card: CardName; data: object; summary: string };

export const text = (value: string): Reply => ({ kind: 'text', text: value });
export const card = (name: CardName, data: object, summary: string): Reply => ({ kind: 'card', card: name, data, summary });
