import { AdaptiveCard } from '../cards/render';
import { StoredReference } from '../store/conversation-store';

/**
 * Where a proactive message goes: an existing conversation, a person we
 * can open a personal chat with (their Teams user id and the service URL of
 * their tenant), or a channel to start a new post in.
 */
export type Destination =
  | { kind: 'conversation'; reference: StoredReference }
  | { kind: 'person'; teamsUserId: string; tenantId: string | null; serviceUrl: string }
  /** A new post in a Teams channel (never a reply in an old thread); `reference` is any stored post there, for its service URL, bot and tenant. */
  | { kind: 'channel'; channelId: string; tenantId?: string | null; reference: StoredReference };

export interface OutgoingCard {
  card: AdaptiveCard;
  summary: string;
}

export type SendResult =
  | { ok: true; activityId: string; conversationId: string; attempts: number }
  | { ok: false; outcome: 'unreachable' | 'failed'; reason: string; attempts: number };

/** Sends proactive messages within Teams' limits, retrying what can be retried. */
export interface Sender {
  send(to: Destination, message: OutgoingCard): Promise<SendResult>;
  /** Replaces a card sent earlier, so an old reminder never offers a stale choice. */
  update(reference: StoredReference, activityId: string, message: OutgoingCard): Promise<SendResult>;
}
