import { refIn, trimNonWord } from './command-text';
import { refKey } from './ref';
import { bareRefKey, LEAD_WORDS } from './ref-match';

/**
 * Refs typed with spaces between their parts: "rec 4 ii" for "Rec 4(ii)", "1.2 a" for "1.2a", "A 2 1" for "A.2.1".
 * Words alone cannot tell "1.2 a" from "1.2, a …", so a run of words is joined only when a plan the person may read
 * has a ref that reads the same by `refKey` (the one normaliser, the importer's too: it refuses "1.2 A" beside
 * "1.2a" for the same reason). Which action it then names is `resolveRef`'s to say, as for any typed ref.
 */
const MAX_PARTS = 4;
/** One part: letters or digits, maybe joined by . _ - ("1.2"). */
const PART = /^[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*$/u;
/** A part that is rarely a word on its own: a number, one letter, a roman numeral. */
const SMALL = /^(?:\d{1,3}|\p{L}|[ivx]{2,4})$/iu;

/** A whitespace-separated piece of the message, as typed ("SG 4" stays two, unlike the grammar's tokens). */
interface Piece {
  raw: string;
  start: number;
}

const core = (t: Piece) => trimNonWord(t.raw);
const lower = (t: Piece) => core(t).toLowerCase();

function piecesOf(text: string): Piece[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ raw: m[0], start: m.index ?? 0 }));
}

/** Whether the message has neighbouring parts that could be one ref typed with spaces: cheap, before any lookup. */
export function mayHoldSpacedRef(text: string): boolean {
  const tokens = piecesOf(text);
  return tokens.some((t, i) => {
    const next = tokens[i + 1];
    if (!next || !PART.test(core(t)) || !PART.test(core(next))) return false;
    return /\d/.test(core(t) + core(next)) && (SMALL.test(core(t)) || SMALL.test(core(next)));
  });
}

interface Index {
  byKey: Map<string, string[]>;
  byBareKey: Map<string, string[]>;
}

function indexOf(refs: readonly string[]): Index {
  const byKey = new Map<string, string[]>();
  const byBareKey = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, ref: string) => {
    const held = map.get(key) ?? [];
    if (!held.includes(ref)) map.set(key, [...held, ref]);
  };
  for (const ref of refs) {
    add(byKey, refKey(ref), ref);
    add(byBareKey, bareRefKey(ref), ref);
  }
  return { byKey, byBareKey };
}

/** The refs the words would name: by their key, else with a leading word ("rec", "action") set aside. */
function named(words: string, index: Index): string[] {
  return index.byKey.get(refKey(words)) ?? index.byBareKey.get(bareRefKey(words)) ?? [];
}

/**
 * The ref to write for a run of words that names `refs`: the plan's own ref as one word ("Rec-4(ii)") when there is
 * exactly one and it reads back the same; else the typed parts joined by "-", which names the same refs.
 */
function asOneWord(words: string, refs: readonly string[]): string {
  const joined = words.split(' ').join('-');
  const written = refs.length === 1 ? refs[0].trim().replace(/\s+/g, '-') : null;
  return written !== null && refIn(written) === written && refKey(written) === refKey(refs[0]) ? written : joined;
}

/** The run of tokens from `i` that is a spaced ref, longest first, with what to write for it; null when none is. */
function runAt(tokens: readonly Piece[], i: number, index: Index): { end: number; ref: string } | null {
  for (let n = Math.min(MAX_PARTS, tokens.length - i); n >= 2; n--) {
    const run = tokens.slice(i, i + n);
    // Punctuation may only close the run ("rec 4 ii?"): "1.2, a" is two things.
    if (run.some((t, k) => !PART.test(core(t)) || (k < n - 1 ? t.raw !== core(t) : !t.raw.startsWith(core(t)))))
      continue;
    if (!run.some((t) => /\d/.test(t.raw))) continue;
    // "action 3", "rec 4b": a leading word and one ref, which the grammar reads already.
    if (n === 2 && LEAD_WORDS.has(lower(run[0]))) continue;
    const words = run.map(core).join(' ');
    const refs = named(words, index);
    if (refs.length === 0) continue;
    // "1.2 a" where the plan has 1.2 as well as 1.2a: the words could name either, so they are left as typed.
    const shorter = Array.from({ length: n - 1 }, (_, k) =>
      run
        .slice(0, k + 1)
        .map(core)
        .join(' '),
    );
    if (shorter.some((w) => named(w, index).length > 0)) return null;
    return { end: i + n - 1, ref: asOneWord(words, refs) };
  }
  return null;
}

/** The message with each ref typed with spaces written as one word, so the grammar reads it as a ref. */
export function joinSpacedRefs(text: string, refs: readonly string[]): string {
  if (refs.length === 0) return text;
  const index = indexOf(refs);
  const tokens = piecesOf(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const run = runAt(tokens, i, index);
    if (!run) continue;
    const last = tokens[run.end];
    out += `${text.slice(from, tokens[i].start)}${run.ref}`;
    from = last.start + core(last).length;
    i = run.end;
  }
  return out + text.slice(from);
}
