import { directory, isPersonProblem, PersonProblem, Reach, reachOf } from '../domain/reach';
import { Storage } from '../store/open-storage';
import { Person } from '../store/people-store';
import { Destination, NewChat, OutgoingCard, Sender, SendResult } from './sender';

/** Finds a plan's owners among the people the bot has met (see `directory`). */
export const peopleDirectory = (people: readonly Person[]) => directory(people);

/**
 * How to open a personal chat with someone: their 29: id, their tenant and the
 * service where the bot met them, falling back to what their last personal
 * chat says, since people who wrote to the bot before this was recorded have
 * only that.
 */
export function newChatOf(person: Person): NewChat | null {
  const chat = person.personalChat as { serviceUrl?: unknown; conversation?: { tenantId?: unknown } } | null;
  const tenantId =
    person.tenantId ?? (typeof chat?.conversation?.tenantId === 'string' ? chat.conversation.tenantId : null);
  const serviceUrl = person.serviceUrl ?? (typeof chat?.serviceUrl === 'string' ? chat.serviceUrl : null);
  return person.teamsUserId && tenantId && serviceUrl
    ? { teamsUserId: person.teamsUserId, tenantId, serviceUrl }
    : null;
}

/** The one reach rule (src/domain/reach.ts), applied to a person as stored. */
export function reachOfPerson(person: Person | undefined): Reach {
  return reachOf(person && { ...person, ...newChatOf(person) });
}

/** Where a message to a person goes, by the one reach rule, or why it cannot. */
export function destinationOf(person: Person | undefined): Destination | { unreachable: PersonProblem } {
  const reach = reachOfPerson(person);
  if (reach.how === 'cannot' || !person) return { unreachable: reach.how === 'cannot' ? reach.why : 'not-met' };
  const chat = newChatOf(person);
  if (reach.how === 'chat' && person.personalChat)
    return { kind: 'conversation', reference: person.personalChat, reopen: chat };
  return chat ? { kind: 'person', ...chat } : { unreachable: 'no-tenant' };
}

/**
 * Sends one message to a person outside a job run (a decision, a date
 * request), by the same rule: their chat, or a new one, which is then kept.
 */
export async function sendToPerson(
  storage: Storage,
  sender: Sender,
  person: Person,
  message: OutgoingCard,
): Promise<SendResult | null> {
  const to = destinationOf(person);
  if ('unreachable' in to) return null;
  const result = await sender.send(to, message);
  const at = new Date().toISOString();
  if (result.ok && result.opened)
    await storage.people.link({ email: person.email, personalChat: result.opened, unreachable: null, updatedAt: at });
  if (!result.ok && result.outcome === 'unreachable' && isPersonProblem(result.reason)) {
    await storage.people.link({ email: person.email, unreachable: result.reason, updatedAt: at });
  }
  return result;
}
