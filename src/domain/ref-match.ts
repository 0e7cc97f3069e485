import { compareRefs, refKey } from './ref';

/**
 * Words people put before a reference: "action 6(a)", "ref 10.3.1", "item 2.1(ii)",
 * "recommendation 4b". Some plans write one into the ref itself ("Rec 4b").
 */
export const LEAD_WORDS: ReadonlySet<string> = new Set([
  'action',
  'ref',
  'reference',
  'item',
  'recommendation',
  'rec',
  'para',
  'paragraph',
]);

/** What a typed reference names in one plan. */
export type RefMatch =
  | { kind: 'one'; ref: string }
  /** Several refs read the same once a leading word is set aside ("Rec 4b" and "4b"): ask which. */
  | { kind: 'several'; refs: string[] }
  | { kind: 'none' };

/** A plan's refs by the two forms they are matched on, built once per list of refs. */
export interface RefIndex {
  byKey: ReadonlyMap<string, string>;
  byBareKey: ReadonlyMap<string, readonly string[]>;
}

/** The key without a leading word such as "Rec" or "action", when a part with a digit follows it. */
export function bareRefKey(ref: string): string {
  return bareOf(refKey(ref));
}

function bareOf(key: string): string {
  const [first, ...rest] = key.split('-');
  return LEAD_WORDS.has(first) && rest.some((part) => /\d/.test(part)) ? rest.join('-') : key;
}

export function indexRefs(refs: readonly string[]): RefIndex {
  const byKey = new Map<string, string>();
  const byBareKey = new Map<string, string[]>();
  for (const ref of refs) {
    const key = refKey(ref);
    byKey.set(key, ref);
    const bare = bareOf(key);
    const same = byBareKey.get(bare);
    if (same) same.push(ref);
    else byBareKey.set(bare, [ref]);
  }
  return { byKey, byBareKey };
}

/**
 * The one rule for which action a typed reference names. Its key (case, spaces and
 * punctuation aside, so "6 (a)" = "6(a)" = "6a") must equal a ref's key; failing that,
 * the two must be equal once a leading word is set aside on either side ("recommendation
 * 4b" for "Rec 4b", "action 6(a)" for "6(a)"), and then only when exactly one ref is left.
 * Nothing else matches: "3 (a)" never names "3", and "Ä-1" never names "Ö-1" or "A-1".
 */
export function resolveRef(typed: string, refs: RefIndex | readonly string[]): RefMatch {
  const index = isIndex(refs) ? refs : indexRefs(refs);
  const key = refKey(typed);
  if (key === '') return { kind: 'none' };
  const exact = index.byKey.get(key);
  if (exact !== undefined) return { kind: 'one', ref: exact };
  const loose = index.byBareKey.get(bareOf(key)) ?? [];
  if (loose.length === 1) return { kind: 'one', ref: loose[0] };
  return loose.length > 1 ? { kind: 'several', refs: [...loose].sort(compareRefs) } : { kind: 'none' };
}

function isIndex(refs: RefIndex | readonly string[]): refs is RefIndex {
  return !Array.isArray(refs);
}
