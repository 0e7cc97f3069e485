import { Activity } from 'botbuilder';
import { threadRootOf } from '../domain/conversation-id';
import { ConversationKind } from '../store/conversation-store';
import { conversationKind } from './conversation-kind';

/**
 * Where a message sits, as far as plans are concerned. In a channel every post
 * is its own conversation, but a plan is bound to the whole channel, so
 * `bindingId` is the channel's id (`channelData.channel.id`); in a chat it is
 * the conversation id.
 */
export interface ConversationScope {
  kind: ConversationKind;
  /** The conversation the activity came from (in a channel: the post). */
  conversationId: string;
  /** Where a bound plan is stored and looked up. */
  bindingId: string;
  /** The team a channel belongs to, so that removing the app from the team can forget its bindings. */
  teamId: string | null;
  /** Set when a channel activity did not say which channel it is, and `bindingId` had to be worked out. */
  problem: 'no-channel-id' | null;
}

export function conversationScope(activity: Partial<Activity>): ConversationScope {
  const kind = conversationKind(activity);
  const conversationId = typeof activity.conversation?.id === 'string' ? activity.conversation.id : '';
  const data = objectOrEmpty(activity.channelData);
  const teamId = idIn(data.team) ?? textOrNull(data.teamsTeamId);
  if (kind !== 'channel') return { kind, conversationId, bindingId: conversationId, teamId, problem: null };
  const channelId = idIn(data.channel) ?? textOrNull(data.teamsChannelId);
  if (channelId) return { kind, conversationId, bindingId: threadRootOf(channelId), teamId, problem: null };
  // Teams always sends the channel; if it is missing, the conversation id without its post part is the same thing.
  return { kind, conversationId, bindingId: threadRootOf(conversationId), teamId, problem: 'no-channel-id' };
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function idIn(value: unknown): string | null {
  return textOrNull(objectOrEmpty(value).id);
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
