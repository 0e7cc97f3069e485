/**
 * Teams gives every channel post a conversation id of its own, the channel's
 * id followed by `;messageid=<the post's first message>`; replies share it.
 * A plan is bound to the channel, so the part before `;messageid=` is where
 * bindings live. Other conversation ids come back unchanged.
 */
const POST_SUFFIX = /;messageid=.*$/is;

export function threadRootOf(conversationId: string): string {
  return conversationId.replace(POST_SUFFIX, '');
}

/** Whether a conversation id names one post (thread) of a channel rather than a whole conversation. */
export function isChannelPost(conversationId: string): boolean {
  return POST_SUFFIX.test(conversationId);
}

/** The prefix every post of a channel's conversation ids starts with, for finding bindings stored per post. */
export function postPrefixOf(channelId: string): string {
  return `${channelId};messageid=`;
}
