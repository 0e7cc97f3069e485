import { Storage } from '../store/open-storage';

/** Chairs and executives of the plan (or of every plan) whom the bot can reach. */
export async function decidersOf(storage: Storage, planId: string) {
  const people = [...(await storage.roles.list(planId)), ...(await storage.roles.list('*'))].filter((p) =>
    p.roles.some((r) => r === 'chair' || r === 'executive'),
  );
  const emails = [...new Set(people.map((p) => p.email))];
  return (await Promise.all(emails.map((e) => storage.people.byEmail(e)))).filter(
    (p): p is NonNullable<typeof p> => p !== null,
  );
}
