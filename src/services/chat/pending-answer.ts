import { Storage } from '../../store/open-storage';
import { Incoming } from './types';

/** How long the bot waits for the answer to a question it asked; after that the answer is read as a message of its own. */
const QUESTION_MINUTES = 30;

/** Keeps a question the bot asked (one per person per conversation), with what it needs to take the answer. */
export async function awaitAnswer(
  storage: Storage,
  incoming: Incoming,
  kind: string,
  data: Record<string, unknown>,
): Promise<void> {
  const expiresAt = new Date(incoming.now.getTime() + QUESTION_MINUTES * 60_000).toISOString();
  await storage.conversations.ask(incoming.conversation.id, incoming.user.id, { kind, data, expiresAt });
}
