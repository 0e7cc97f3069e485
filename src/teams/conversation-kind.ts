import { Activity } from 'botbuilder';
import { ConversationKind } from '../store/conversation-store';

/**
 * Personal chat, group chat (meeting chats included) or channel. Teams' own examples leave
 * `conversationType` out of some activities (a channel post, a meeting chat), so without it the kind is
 * worked out from what else Teams sent: taking a shared conversation for a personal chat would answer
 * there without an @mention and record it as someone's private chat, where their reminders then go.
 */
export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const conversation = activity.conversation;
  const type = conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  if (type === 'personal') return 'personal';
  const data: unknown = activity.channelData;
  const channel = isRecord(data) ? (isRecord(data.channel) ? data.channel.id : data.teamsChannelId) : undefined;
  if (typeof channel === 'string' && channel !== '') return 'channel';
  // Chats shared by several people have 19: ids (`19:…@thread.v2`); a personal chat's starts `a:`.
  const id = typeof conversation?.id === 'string' ? conversation.id : '';
  if (conversation?.isGroup === true || id.startsWith('19:')) return 'groupChat';
  return 'personal';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
