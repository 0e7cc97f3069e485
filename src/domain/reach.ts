/**
 * How the bot can reach a person, and who a plan's owner is among the people
 * it has met. One rule for the reminder run, the digest's "owners I can't
 * reach" and the `reach` command, so they always agree.
 */

/** Why a person cannot be reached at all; stored on the person, so it lasts until they next install or write. */
export const PERSON_PROBLEMS = ['not-met', 'no-tenant', 'blocked', 'chat-gone'] as const;
export type PersonProblem = (typeof PERSON_PROBLEMS)[number];

/** Why one message was refused, although the person may be reachable: final for the run, not for the person. */
export const SEND_PROBLEMS = ['bad-request', 'unauthorised', 'too-large', 'refused', 'gave-up'] as const;
export type SendProblem = (typeof SEND_PROBLEMS)[number];

export type ReachProblem = PersonProblem | SendProblem;

export function isPersonProblem(value: unknown): value is PersonProblem {
  return (PERSON_PROBLEMS as readonly unknown[]).includes(value);
}

/**
 * Worked out before any send, from what the bot had not yet learnt about the
 * person: unlike a 403 (Teams told us), it lasts only until they can be
 * reached, so a later run of the same week tries them again.
 */
export function isNotYetMet(problem: unknown): boolean {
  return problem === 'not-met' || problem === 'no-tenant';
}

export function isReachProblem(value: unknown): value is ReachProblem {
  return isPersonProblem(value) || (SEND_PROBLEMS as readonly unknown[]).includes(value);
}

/** What the bot knows about a person, as far as reaching them goes. */
export interface ReachFacts {
  personalChat: unknown;
  teamsUserId: string | null;
  tenantId: string | null;
  serviceUrl: string | null;
  unreachable: PersonProblem | null;
}

export type Reach = { how: 'chat' } | { how: 'open' } | { how: 'cannot'; why: PersonProblem };

/**
 * A stored personal chat is used first (a 404 on it is reopened by the
 * sender). Without one, a chat can be opened only with the person's Teams id,
 * their tenant and the service where the bot met them: Teams refuses a new
 * chat without the tenant. A 403 or a chat that could not be reopened stands
 * until the person installs the app again or writes to the bot.
 */
export function reachOf(person: ReachFacts | null | undefined): Reach {
  if (!person) return { how: 'cannot', why: 'not-met' };
  if (person.unreachable === 'blocked' || person.unreachable === 'chat-gone')
    return { how: 'cannot', why: person.unreachable };
  if (person.personalChat) return { how: 'chat' };
  if (person.teamsUserId && person.tenantId && person.serviceUrl) return { how: 'open' };
  return { how: 'cannot', why: person.teamsUserId ? 'no-tenant' : 'not-met' };
}

/** An owner the bot cannot reach, as the digest lists them. */
export interface UnreachableOwner {
  name: string;
  email: string;
  /** Why the bot cannot reach them, by the one reach rule. */
  reason: PersonProblem;
  /** Notifications of their plan waiting in the outbox until the bot meets them (none when absent). */
  waiting?: number;
}

/** The addresses and ids by which a person the bot has met can be named in a plan. */
export interface PersonKeys {
  email: string;
  userPrincipalName: string | null;
  aadObjectId: string | null;
  /** Addresses they had before Teams told us a new one for the same Entra object id. */
  formerEmails: readonly string[];
}

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/**
 * A guest's user principal name is `name_domain#EXT#@host-tenant`; their mail
 * is `name@domain`. The last underscore is the @, since domains have none.
 */
export function guestMail(upn: string | null | undefined): string | null {
  const match = /^(.+)_([^_@#]+\.[^_@#]+)#ext#@/i.exec((upn ?? '').trim());
  return match ? `${match[1]}@${match[2]}`.toLowerCase() : null;
}

/** The address a person is filed under: their mail, else a guest's own address, else their user principal name. */
export function personKey(member: { email?: string | null; userPrincipalName?: string | null }): string | null {
  return lower(member.email) || guestMail(member.userPrincipalName) || lower(member.userPrincipalName) || null;
}

/**
 * Finds a plan's owner among the people the bot has met: by Entra object id
 * when the plan knows it, else by mail or user principal name
 * (case-insensitively), else by an address they used to have. A guest is
 * matched by their own mail, not by the `#EXT#` name.
 */
export function directory<P extends PersonKeys>(
  people: readonly P[],
): (owner: { email: string; aadObjectId?: string | null }) => P | undefined {
  const byAad = new Map<string, P>();
  const byAddress = new Map<string, P>();
  const byFormer = new Map<string, P>();
  for (const person of people) {
    if (person.aadObjectId) byAad.set(lower(person.aadObjectId), person);
    for (const address of [person.email, person.userPrincipalName, guestMail(person.userPrincipalName)]) {
      if (address && !byAddress.has(lower(address))) byAddress.set(lower(address), person);
    }
    for (const former of person.formerEmails) byFormer.set(lower(former), person);
  }
  return (owner) =>
    (owner.aadObjectId ? byAad.get(lower(owner.aadObjectId)) : undefined) ??
    byAddress.get(lower(owner.email)) ??
    byFormer.get(lower(owner.email)) ??
    (guestMail(owner.email) ? byAddress.get(guestMail(owner.email)!) : undefined);
}

/** What the failed HTTP status of a send says, once reopening a missing chat has been tried. */
export function problemOfStatus(status: number | null): ReachProblem {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthorised';
    case 403:
      return 'blocked';
    case 404:
      return 'chat-gone';
    case 413:
      return 'too-large';
    default:
      return status !== null && status >= 400 && status < 500 && status !== 408 && status !== 412 && status !== 429
        ? 'refused'
        : 'gave-up';
  }
}
