import { Activity, TurnContext } from 'botbuilder';
import { StoredReference } from '../store/conversation-store';

/** How to reach the conversation an activity belongs to, as the store keeps it. */
export function storedReference(activity: Partial<Activity>): StoredReference {
  return { ...TurnContext.getConversationReference(activity) };
}
