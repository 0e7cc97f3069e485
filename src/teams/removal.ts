import { Activity } from 'botbuilder';
import { Logger } from '../log';
import { Storage } from '../store/open-storage';
import { conversationScope } from './conversation-scope';

/**
 * The app was removed from a conversation: forget it, and with a team every channel of
 * the team (their plan bindings included), so no digest goes on to a team that
 * removed the app. Teams says so in three ways: `installationUpdate` with action
 * `remove` (or `remove-upgrade`), a `conversationUpdate` whose `membersRemoved`
 * names the bot, and `conversationUpdate` with `channelData.eventType` `teamDeleted`.
 */
export async function forgetRemoved(
  activity: Partial<Activity>,
  storage: Storage,
  log: Logger,
  why: string,
): Promise<void> {
  const scope = conversationScope(activity);
  const teamId = scope.teamId;
  if (teamId) {
    const channels = await storage.conversations.removeTeam(teamId);
    log.info({ teamId, channels, why }, 'app removed from a team: forgot its channels');
  }
  if (scope.bindingId) {
    await storage.conversations.remove(scope.bindingId);
    log.info({ conversationId: scope.bindingId, why }, 'app removed from a conversation');
  }
}

/** Whether the bot itself is among the members a `conversationUpdate` says were removed. */
export function botWasRemoved(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && (activity.membersRemoved ?? []).some((m) => m?.id === botId);
}
