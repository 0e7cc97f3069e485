import { Storage } from '../store/open-storage';
import { Person } from '../store/people-store';
import { ALL_PLANS } from '../store/role-store';

export interface Decider {
  who: { email: string; name: string | null };
  /** What the bot knows of them; null until it has met them (they are still a decider, to be waited for). */
  person: Person | null;
}

/** The chairs and executives of the plan (or of every plan), once each, by their roles. */
export async function decidersOf(storage: Storage, planId: string): Promise<Decider[]> {
  const holders = [...(await storage.roles.list(planId)), ...(await storage.roles.list(ALL_PLANS))];
  const named = new Map<string, string | null>();
  for (const h of holders)
    if (h.roles.some((r) => r === 'chair' || r === 'executive'))
      named.set(h.email, named.get(h.email) ?? h.displayName);
  return Promise.all(
    [...named].map(async ([email, displayName]) => {
      const person = await storage.people.byEmail(email);
      return { who: { email: person?.email ?? email, name: person?.name ?? displayName }, person };
    }),
  );
}
