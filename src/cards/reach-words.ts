import { Reach, ReachProblem } from '../domain/reach';

/**
 * The reach rule's codes in plain English, for everyone who shows them: the
 * digest's "owners I can't reach", the reminder run's report and the `reach`
 * command use these same words.
 */
export const REACH_WORDS: Record<ReachProblem, { why: string; todo: string }> = {
  'not-met': {
    why: 'has not been met in Teams: the app is not installed for them and they are in no team or chat with the bot',
    todo: 'Install Action Tracker for them (Teams admin centre, app setup policy), or add the bot to a team they are in.',
  },
  'no-tenant': {
    why: "is known, but not which organisation's Teams they are in, so the bot cannot open a chat with them",
    todo: 'Ask them to open Action Tracker in Teams once, or add the bot to a team they are in.',
  },
  blocked: {
    why: 'has blocked the bot or removed the app',
    todo: 'Ask them to unblock Action Tracker, or to add it again in Teams.',
  },
  'chat-gone': {
    why: 'has no chat with the bot any more, and Teams would not open a new one (they may have left)',
    todo: 'Check they still work here; if not, give their actions to someone else.',
  },
  'bad-request': {
    why: 'Teams refused the message as incomplete (HTTP 400)',
    todo: 'Tell whoever runs the bot; it is not sent again this week.',
  },
  unauthorised: {
    why: "Teams did not accept the bot's sign-in (HTTP 401)",
    todo: "Check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId in the bot's settings.",
  },
  'too-large': {
    why: 'the card was too large for Teams (HTTP 413)',
    todo: 'Tell whoever runs the bot; it is not sent again this week.',
  },
  refused: {
    why: 'Teams refused the message',
    todo: 'Tell whoever runs the bot; it is not sent again this week.',
  },
  'gave-up': {
    why: 'Teams was busy or could not be reached, even after several tries',
    todo: 'Nothing: the bot tries again an hour later.',
  },
};

/** How the bot can reach someone, in a few words. */
export function reachHow(reach: Reach): string {
  return reach.how === 'chat' ? 'personal chat' : reach.how === 'open' ? 'can open a chat' : 'cannot reach';
}
