import { Owner } from './types';

const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export type OwnerResult = { ok: true; owner: Owner | null } | { ok: false; error: string };

/** Someone whose name and email we know (the people the bot has met, or a plan's named owners). */
export interface KnownPerson {
  email: string;
  name: string;
}

/**
 * Accepts `someone@council.gov.uk` or `Some One <someone@council.gov.uk>`; blank means unassigned. A name
 * alone is taken when exactly one person in `known` has it: plans often name their officers without an email.
 */
export function parseOwner(text: string, known: PeopleByName = new Map()): OwnerResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, owner: null };
  if (!/[@<]/.test(trimmed)) return ownerByName(trimmed, known);
  const named = /^(.*?)\s*<([^>]+)>$/.exec(trimmed);
  const email = (named ? named[2] : trimmed).trim();
  const displayName = named && named[1].trim() !== '' ? named[1].trim().replace(/^"|"$/g, '') : null;
  if (!EMAIL.test(email)) {
    return {
      ok: false,
      error: `the owner "${trimmed.slice(0, 60)}" is not an email address or user name like alex.wilber@council.gov.uk.`,
    };
  }
  return { ok: true, owner: { email: email.toLowerCase(), displayName, aadObjectId: null } };
}

const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** Each name (in any case and spacing) and the emails of the people who have it. */
export type PeopleByName = ReadonlyMap<string, readonly string[]>;

/** Built once, so that each of a plan's rows finds its owner's name without going through everyone. */
export function peopleByName(people: readonly KnownPerson[]): PeopleByName {
  const byName = new Map<string, Set<string>>();
  for (const { name, email } of people) {
    const key = nameKey(name);
    if (key !== '') (byName.get(key) ?? byName.set(key, new Set()).get(key)!).add(email.toLowerCase());
  }
  return new Map([...byName].map(([name, emails]) => [name, [...emails]]));
}

function ownerByName(name: string, known: PeopleByName): OwnerResult {
  const emails = known.get(nameKey(name)) ?? [];
  const shown = name.slice(0, 60);
  if (emails.length === 1) return { ok: true, owner: { email: emails[0], displayName: name, aadObjectId: null } };
  if (emails.length === 0)
    return {
      ok: false,
      error: `the owner "${shown}" is a name, and nobody of that name is known here (in Teams or in this plan); write their email address with it, like ${shown} <name@council.gov.uk>`,
    };
  return {
    ok: false,
    error: `the owner "${shown}" is a name that ${emails.length} people have (${emails.slice(0, 5).join(', ')}); write the one you mean with their email address, like ${shown} <${emails[0]}>`,
  };
}

/** The people a file names with an email ("Lynne Robbins <lynner@…>"), so that another row may give the name alone. */
export function namedOwners(cells: readonly string[]): KnownPerson[] {
  return cells.flatMap((text) => {
    const read = /[@<]/.test(text) ? parseOwner(text) : null;
    const owner = read?.ok ? read.owner : null;
    return owner?.displayName ? [{ email: owner.email, name: owner.displayName }] : [];
  });
}
