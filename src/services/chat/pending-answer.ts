import type { z } from 'zod';
import { PendingQuestion } from '../../store/conversation-store';
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

/** What the waiting question kept (see awaitAnswer), when it is the `kind` asked about and still reads as `shape`. */
export function waitingData<T>(pending: PendingQuestion | null, kind: string, shape: z.ZodType<T>): T | null {
  if (pending?.kind !== kind) return null;
  const data = shape.safeParse(pending.data);
  return data.success ? data.data : null;
}

/**
 * Said when another command took over from a question the bot asked: what was set aside (`what`, such as "new date"),
 * that nothing was recorded for it, and the change in one message (`whole`), so the person is not left thinking it was
 * made, nor left guessing how to make it.
 */
export function setAsideNotice(ref: string, what: string, whole: string): string {
  return `I’ve put ${ref}’s ${what} aside: nothing was recorded for it. When you’re ready, send it in one message, for example: ${whole}`;
}
