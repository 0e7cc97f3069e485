import { Owner } from './types';

const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export type OwnerResult = { ok: true; owner: Owner | null } | { ok: false; error: string };

/** Accepts `someone@council.gov.uk` or `Some One <someone@council.gov.uk>`; blank means unassigned. */
export function parseOwner(text: string): OwnerResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, owner: null };
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
