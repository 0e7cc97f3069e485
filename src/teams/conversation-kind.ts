import { Activity } from 'botbuilder';
import { ConversationKind } from '../store/conversation-store';

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}
