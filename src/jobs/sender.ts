import { AdaptiveCard } from '../cards/render';
import { ReachProblem } from '../domain/reach';
import { StoredReference } from '../store/conversation-store';

/** All Teams needs to open a personal chat: the person's 29: id, their tenant, and the service where the bot met them. */
export interface NewChat {
  teamsUserId: string;
  tenantId: string;
  serviceUrl: string;
}

/**
 * Where a proactive message goes: an existing conversation (with how to open
 * a new personal chat if Teams says it is gone), a person we can open a
 * personal chat with, or a channel to start a new post in.
 */
export type Destination =
  | { kind: 'conversation'; reference: StoredReference; reopen?: NewChat | null }
  | ({ kind: 'person' } & NewChat)
  /** A new post in a Teams channel (never a reply in an old thread); `reference` is any stored post there, for its service URL, bot and tenant. */
  | { kind: 'channel'; channelId: string; tenantId?: string | null; reference: StoredReference };

export interface OutgoingCard {
  card: AdaptiveCard;
  summary: string;
}

export type SendResult =
  | { ok: true; activityId: string; conversationId: string; attempts: number; opened?: StoredReference }
  | { ok: false; outcome: 'unreachable' | 'refused' | 'failed'; reason: ReachProblem; attempts: number };

/** Sends proactive messages within Teams' limits, retrying what can be retried. */
export interface Sender {
  send(to: Destination, message: OutgoingCard): Promise<SendResult>;
  /** Replaces a card sent earlier, so an old reminder never offers a stale choice. */
  update(reference: StoredReference, activityId: string, message: OutgoingCard): Promise<SendResult>;
}
