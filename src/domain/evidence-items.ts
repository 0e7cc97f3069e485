import { evidenceWords, hasOtherLink, namedAs, namingPhrases, namingWords, tidyWords } from './evidence-words';
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

export type ItemMatch =
  | { kind: 'matched'; item: string }
  | { kind: 'ambiguous'; items: string[] }
  /** Some words name part of these items only ("the training sessions" for "Training records"): asked, not linked. */
  | { kind: 'partial'; items: string[] }
  | { kind: 'none' };

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'and',
  'to',
  'on',
  'in',
  'our',
  'some',
  'from',
  'at',
  'by',
  'with',
]);
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

/** The items whose words include every one of `typed`. */
const namedBy = (items: readonly string[], typed: readonly string[]): string[] =>
  typed.length === 0
    ? []
    : items.filter((item) => {
        const itemWords = words(item);
        return typed.every((t) => itemWords.some((w) => wordMatches(t, w)));
      });

/** Whether every word of the item is among the words typed. */
const covers = (typed: readonly string[], item: string): boolean =>
  words(item).every((w) => typed.some((t) => wordMatches(t, w)));

const found = (items: string[]): ItemMatch =>
  items.length === 1
    ? { kind: 'matched', item: items[0] }
    : items.length > 1
      ? { kind: 'ambiguous', items }
      : { kind: 'none' };

/**
 * Which required item a person meant by `typed`: the exact name, else the same name in any case, else the one
 * item whose words include every word typed ("audit" for "Annual audit report", "training record" for
 * "Training records"), greetings and "here is" aside. Failing that, a sentence names the one item that a phrase
 * of it names in full ("the attendance register, from the sessions" for "Attendance register"). Two or more such items are ambiguous, for the person
 * to choose; words naming only part of an item are `partial`, also for the person to choose. Never a guess.
 */
export function matchEvidenceItem(items: readonly string[], typed: string): ItemMatch {
  const trimmed = typed.trim();
  const exact = items.find((i) => i === trimmed) ?? items.find((i) => sameItem(i, trimmed));
  if (exact) return { kind: 'matched', item: exact };
  const typedWords = namingWords(trimmed).filter((w) => !STOP_WORDS.has(w));
  if (typedWords.length === 0) return { kind: 'none' };
  const whole = namedBy(items, typedWords);
  if (whole.length > 0) return found(whole);
  // In a sentence, a phrase names an item only in full both ways: "minutes of the practice week" is not "Board minutes".
  const phrases = namingPhrases(trimmed);
  const byPhrase = new Set(phrases.flatMap((phrase) => namedBy(items, phrase).filter((i) => covers(phrase, i))));
  if (byPhrase.size > 0) return found(items.filter((i) => byPhrase.has(i)));
  const some = items.filter((item) =>
    phrases.some((phrase) => phrase.some((t) => words(item).some((w) => wordMatches(t, w)))),
  );
  return some.length > 0 ? { kind: 'partial', items: some } : { kind: 'none' };
}

/** Evidence as typed, split into what it is and the item it is said to be for. */
export interface EvidenceSaid {
  /** The evidence itself: the link, or the note. */
  text: string;
  /** The words naming an item ("the audit report"), or null when none were given. */
  item: string | null;
  /** The evidence's web address, when it has one. */
  url: string | null;
}

const JOINER = /^(?:is\s+|are\s+)?(?:for|as|against|towards|covers|re)\b\s*:?\s*/i;

/**
 * "https://… for the audit report", "for the audit report: https://…", "https://… (audit report)", "case file audit
 * report https://…", "https://… signed copy": the link and the words that may name the item it is for (null when
 * they are only "here is", thanks and the like). A note, with no link, names no item here: only its last "for"
 * may (see resolveEvidence), since "for" is common in notes.
 */
export function splitEvidenceItem(text: string): EvidenceSaid {
  const trimmed = text.trim();
  const said = evidenceWords(trimmed);
  if (said.url === null) return { text: trimmed, item: null, url: null };
  const item = said.words === null ? null : tidyWords(said.words.replace(JOINER, ''));
  const naming = item !== null && namingWords(item).length > 0;
  return { text: said.url, item: naming ? item : null, url: said.url };
}

/**
 * What to do with evidence typed for an action. `add`: the evidence and the item it is linked to (null for
 * none). `ask`: the item named could be any of `items`, so the person chooses. `unknown`: a link was said to be
 * for an item the action does not require; it is added linked to nothing, and the person is told which items the
 * action requires. `badLink`: a link that is not a web address ("file://…"), never kept; nothing is added.
 */
export type EvidenceResolution =
  | { kind: 'add'; text: string; item: string | null; url: string | null }
  | { kind: 'ask'; text: string; items: string[] }
  | { kind: 'unknown'; text: string; url: string | null; named: string }
  | { kind: 'badLink'; text: string };

export function resolveEvidence(action: Action, typed: string): EvidenceResolution {
  const items = requiredItems(action);
  const trimmed = typed.trim();
  const said = splitEvidenceItem(trimmed);
  if (said.url === null && hasOtherLink(trimmed)) return { kind: 'badLink', text: trimmed };
  if (items.length === 0) return { kind: 'add', text: trimmed, item: null, url: said.url };
  if (said.item !== null) {
    const match = matchEvidenceItem(items, said.item);
    if (match.kind === 'matched') return { kind: 'add', text: said.text, item: match.item, url: said.url };
    if (match.kind !== 'none') return { kind: 'ask', text: said.text, items: match.items };
    return { kind: 'unknown', text: trimmed, url: said.url, named: namedAs(said.item) ?? said.item };
  }
  // A note: only its last "for …" can name an item, and only when it plainly does.
  const note = said.url === null ? /^(.+)[\s,;:–—-]+for\s+(.+)$/i.exec(trimmed) : null;
  if (note) {
    const match = matchEvidenceItem(items, note[2]);
    if (match.kind === 'matched') return { kind: 'add', text: note[1].trim(), item: match.item, url: null };
    if (match.kind === 'ambiguous') return { kind: 'ask', text: note[1].trim(), items: match.items };
  }
  return { kind: 'add', text: said.url ?? trimmed, item: null, url: said.url };
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
  return said ? `${SIGNED_OFF}${without}: ${said}` : null;
}

const SIGNED_OFF = 'Signed off';

/**
 * "without evidence for Audit report: the board saw it on 3 Nov": what an override's note (signOffNote) says after
 * "Signed off", for lines that already say when it was signed off; null for any other comment.
 */
export function overrideWords(comment: string): string | null {
  return comment.startsWith(`${SIGNED_OFF} without evidence`) ? comment.slice(SIGNED_OFF.length + 1) : null;
}

/** Evidence that is a bare web address is a link; anything else (a link with words after it, say) is a note. */
export function evidenceLink(text: string): string | null {
  return /^https?:\/\/\S+$/i.test(text) ? text : null;
}
