import { editDistance } from './ref';
import { Action, Evidence } from './types';

/**
 * The evidence a board expects before it signs an action off ("Audit report; Training records"), and
 * which of it has been given. Evidence is linked to an item by name; evidence linked to none still counts
 * towards an action with no items named, as it always has.
 */

/** The most items one action may name; a matrix row longer than this is a paragraph, not a list. */
export const MAX_EVIDENCE_ITEMS = 20;
export const MAX_EVIDENCE_ITEM_LENGTH = 200;

export const requiredItems = (action: Action): readonly string[] => action.evidenceRequired ?? [];

/** The comparison key of an item's name: case, punctuation, spacing and a leading article do not count. */
export function itemKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|a|an|our|some) /, '');
}

/** "Audit report; training records;" → the items, trimmed, in order, each once (by itemKey). */
export function parseEvidenceItems(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.split(/\s*(?:;|\r?\n)\s*/)) {
    const item = raw.trim().replace(/\s+/g, ' ');
    const key = itemKey(item);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/** What is wrong with a list of items from a file, or null. */
export function evidenceItemsProblem(items: readonly string[]): string | null {
  if (items.length > MAX_EVIDENCE_ITEMS)
    return `it names ${items.length} items of evidence required; the most is ${MAX_EVIDENCE_ITEMS}`;
  const long = items.find((i) => i.length > MAX_EVIDENCE_ITEM_LENGTH);
  return long
    ? `the item of evidence "${long.slice(0, 40)}…" is ${long.length} characters long; the most is ${MAX_EVIDENCE_ITEM_LENGTH}`
    : null;
}

const sameItem = (a: string, b: string) => itemKey(a) === itemKey(b);

export const evidenceFor = (action: Action, item: string): Evidence[] =>
  action.evidence.filter((e) => e.item != null && sameItem(e.item, item));

/** Each required item with whether evidence is linked to it, in the plan's order. */
export function evidenceChecklist(action: Action): { item: string; given: boolean }[] {
  return requiredItems(action).map((item) => ({ item, given: evidenceFor(action, item).length > 0 }));
}

/** The required items with no evidence linked to them yet. */
export function missingEvidence(action: Action): string[] {
  return evidenceChecklist(action)
    .filter((c) => !c.given)
    .map((c) => c.item);
}

export type ItemMatch = { kind: 'matched'; item: string } | { kind: 'ambiguous'; items: string[] } | { kind: 'none' };

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'to', 'on', 'in', 'our', 'some']);
const words = (text: string) =>
  itemKey(text)
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w));

/** A typed word stands for an item's word when it is the same, a plural or stem of it, or one slip away. */
function wordMatches(typed: string, word: string): boolean {
  if (typed === word) return true;
  const [short, long] = typed.length <= word.length ? [typed, word] : [word, typed];
  if (short.length >= 4 && long.startsWith(short)) return true;
  return short.length >= 5 && editDistance(typed, word) <= 1;
}

/**
 * Which required item a person meant by `typed`: the exact name, else the same name in any case, else the one
 * item whose words include every word typed ("audit" for "Annual audit report", "training record" for
 * "Training records"). Two or more such items are ambiguous, for the person to choose; never a guess.
 */
export function matchEvidenceItem(items: readonly string[], typed: string): ItemMatch {
  const trimmed = typed.trim();
  const exact = items.find((i) => i === trimmed) ?? items.find((i) => sameItem(i, trimmed));
  if (exact) return { kind: 'matched', item: exact };
  const typedWords = words(trimmed);
  if (typedWords.length === 0) return { kind: 'none' };
  const close = items.filter((item) => {
    const itemWords = words(item);
    return typedWords.every((t) => itemWords.some((w) => wordMatches(t, w)));
  });
  if (close.length === 1) return { kind: 'matched', item: close[0] };
  return close.length > 1 ? { kind: 'ambiguous', items: close } : { kind: 'none' };
}

/** Evidence as typed, split into what it is and the item it is said to be for. */
export interface EvidenceSaid {
  /** The evidence itself: the link, or the note. */
  text: string;
  /** The words naming an item ("the audit report"), or null when none were given. */
  item: string | null;
}

/**
 * "https://… for the audit report", "for the audit report: https://…", "https://… (audit report)": a link and the
 * item it is for. A note ("minutes of 3 May for training records") names an item only after its last "for", and
 * only if that names one (see resolveEvidence), since "for" is common in notes.
 */
export function splitEvidenceItem(text: string): EvidenceSaid {
  const trimmed = text.trim();
  const after =
    /^(https?:\/\/\S+?)[.,;:]?\s+(?:[-–—:]\s*)?(?:is\s+)?(?:for|as|against|towards|covers|re)\s*:?\s+(.+)$/i.exec(
      trimmed,
    );
  if (after) return { text: after[1], item: tidyItem(after[2]) };
  const bracket = /^(https?:\/\/\S+?)\s*\(([^()]+)\)$/.exec(trimmed);
  if (bracket) return { text: bracket[1], item: tidyItem(bracket[2]) };
  const before = /^(?:for|as)\s+(.+?)\s*[:\-–—]?\s+(https?:\/\/\S+)$/i.exec(trimmed);
  if (before) return { text: before[2], item: tidyItem(before[1]) };
  return { text: trimmed, item: null };
}

const tidyItem = (text: string): string | null => {
  const t = text.replace(/^[\s"'“‘]+|[\s"'”’.!,;:]+$/g, '');
  return t === '' ? null : t;
};

/**
 * What to do with evidence typed for an action. `add`: the evidence and the item it is linked to (null for
 * none). `ask`: the item named could be any of `items`, so the person chooses. `unknown`: a link was said to be
 * for an item the action does not require; it is added linked to nothing, and the person is told so.
 */
export type EvidenceResolution =
  | { kind: 'add'; text: string; item: string | null }
  | { kind: 'ask'; text: string; items: string[] }
  | { kind: 'unknown'; text: string; url: string | null; named: string };

export function resolveEvidence(action: Action, typed: string): EvidenceResolution {
  const items = requiredItems(action);
  const trimmed = typed.trim();
  if (items.length === 0) return { kind: 'add', text: trimmed, item: null };
  const said = splitEvidenceItem(trimmed);
  if (said.item !== null) {
    const match = matchEvidenceItem(items, said.item);
    if (match.kind === 'matched') return { kind: 'add', text: said.text, item: match.item };
    if (match.kind === 'ambiguous') return { kind: 'ask', text: said.text, items: match.items };
    return {
      kind: 'unknown',
      text: trimmed,
      url: /^https?:\/\//i.test(said.text) ? said.text : null,
      named: said.item,
    };
  }
  // A note: only its last "for …" can name an item, and only when it plainly does.
  const note = /^(.+)[\s,;:–—-]+for\s+(.+)$/i.exec(trimmed);
  if (note) {
    const match = matchEvidenceItem(items, note[2]);
    if (match.kind === 'matched') return { kind: 'add', text: note[1].trim(), item: match.item };
    if (match.kind === 'ambiguous') return { kind: 'ask', text: note[1].trim(), items: match.items };
  }
  return { kind: 'add', text: trimmed, item: null };
}

/** What a sign-off would go without: the required items with no evidence, or (none being named) any evidence at all. */
export function evidenceShortfall(action: Action): { missing: string[]; none: boolean } {
  return { missing: missingEvidence(action), none: action.evidence.length === 0 };
}

export const lacksEvidence = (action: Action): boolean => {
  const { missing, none } = evidenceShortfall(action);
  return missing.length > 0 || none;
};

/**
 * "Signed off without evidence for Audit report: the board saw it on 3 Nov": what a sign-off went without
 * and why, for the action's latest update and its history (the committee must be able to see it later).
 */
export function signOffNote(action: Action, said: string | null): string | null {
  const { missing, none } = evidenceShortfall(action);
  const without = missing.length ? ` without evidence for ${missing.join(', ')}` : none ? ' without evidence' : '';
  return said ? `Signed off${without}: ${said}` : null;
}
