import { Activity, TeamsActivityHandler } from 'botbuilder';
import { threadRootOf } from '../domain/conversation-id';
import { Logger } from '../log';
import { Storage } from '../store/open-storage';
import { conversationScope } from './conversation-scope';

/**
 * Listens for the ways Teams says the bot can no longer post somewhere, and forgets those places (their
 * plan bindings included), so no digest or reminder goes on to them: the app uninstalled
 * (`installationUpdate` remove or remove-upgrade), the bot removed from the members, the team deleted or
 * archived (an archived team is read-only), and a channel deleted. A restored team or channel is bound
 * again by an administrator ("use plan … here"); nothing is guessed back.
 */
export function forgetWhenRemoved(bot: TeamsActivityHandler, storage: Storage, log: Logger): void {
  bot.onInstallationUpdateRemove(async (context, next) => {
    await forgetRemoved(context.activity, storage, log, 'uninstalled');
    await next();
  });
  bot.onMembersRemoved(async (context, next) => {
    if (botWasRemoved(context.activity)) await forgetRemoved(context.activity, storage, log, 'bot removed');
    await next();
  });
  bot.onTeamsTeamDeletedEvent(async (_team, context, next) => {
    await forgetRemoved(context.activity, storage, log, 'team deleted');
    await next();
  });
  bot.onTeamsTeamHardDeletedEvent(async (_team, context, next) => {
    await forgetRemoved(context.activity, storage, log, 'team deleted');
    await next();
  });
  bot.onTeamsTeamArchivedEvent(async (_team, context, next) => {
    await forgetRemoved(context.activity, storage, log, 'team archived');
    await next();
  });
  // Only the channel: the event's conversation is the team's General channel, which stays.
  bot.onTeamsChannelDeletedEvent(async (channel, _team, _context, next) => {
    if (typeof channel?.id === 'string' && channel.id !== '') {
      await storage.conversations.remove(threadRootOf(channel.id));
      log.info({ conversationId: threadRootOf(channel.id), why: 'channel deleted' }, 'forgot a deleted channel');
    }
    await next();
  });
}

/**
 * The app was removed from a conversation: forget it, and with a team every channel of
 * the team (their plan bindings included).
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
