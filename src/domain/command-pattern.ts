import { statusesAt } from './command-status';
import { trimNonWord, wordMatches, type Token } from './command-text';
import { LEAD_WORDS } from './ref-match';
import type { Status } from './types';

/**
 * A tiny pattern language for command phrasings, read word by word:
 *
 *   `history|changes`   one of these words (five letters or more forgive a typo)
 *   `of|for?`           optional word;  `$fill*` any number of words from a named set
 *   `{ref}`             a reference (SG-4, 10.3.1, "Rec 4b", "action 6(a)")   `{status}`  a status phrase ("at risk")
 *   `{plan}`            a plan id (ofsted-2011)          `{rest}` / `{rest?}`  the remaining words
 *   `{scope}`           optional "for <who>" / "in <theme>" at the end
 */
export interface Captures {
  ref?: string;
  status?: Status;
  plan?: string;
  /** Index of the first word of `{rest}`, when there was any. */
  rest?: number;
  scope?: { kind: 'for' | 'in'; from: number };
}

type Slot = 'ref' | 'status' | 'plan' | 'rest' | 'rest?' | 'scope';
const SLOTS: readonly Slot[] = ['ref', 'status', 'plan', 'rest', 'rest?', 'scope'];
const ENDING_SLOTS: readonly Slot[] = ['rest', 'rest?', 'scope'];

type Element =
  | {
      kind: 'words';
      exact: ReadonlySet<string>;
      fuzzy: readonly string[];
      optional: boolean;
      repeat: boolean;
      typos: Map<string, boolean>;
    }
  | { kind: 'slot'; slot: Slot };

export type Pattern = readonly Element[];

/** Words a plan id can never be ("use plan here"). */
const NOT_PLAN_IDS = new Set(['here', 'this', 'the', 'for', 'in', 'to', 'channel', 'chat', 'please', 'now', 'is']);

function compileElement(piece: string, sets: Readonly<Record<string, readonly string[]>>): Element {
  const slot = /^\{([a-z]+\??)\}$/.exec(piece)?.[1];
  if (slot !== undefined) {
    const known = SLOTS.find((s) => s === slot);
    if (!known) throw new Error(`Unknown slot {${slot}}`);
    return { kind: 'slot', slot: known };
  }
  const repeat = piece.endsWith('*');
  const optional = repeat || piece.endsWith('?');
  const body = optional ? piece.slice(0, -1) : piece;
  const words = body.split('|').flatMap((w) => {
    if (!w.startsWith('$')) return [w];
    const set = sets[w.slice(1)];
    if (!set) throw new Error(`Unknown word set ${w}`);
    return set;
  });
  return {
    kind: 'words',
    exact: new Set(words),
    fuzzy: words.filter((w) => w.length >= 5),
    optional,
    repeat,
    typos: new Map(),
  };
}

/** Compiles a pattern once, at load time; a malformed pattern is a programming error. */
export function compilePattern(pattern: string, sets: Readonly<Record<string, readonly string[]>> = {}): Pattern {
  const elements = pattern.split(' ').map((piece) => compileElement(piece, sets));
  elements.forEach((e, i) => {
    if (e.kind === 'slot' && ENDING_SLOTS.includes(e.slot) && i !== elements.length - 1) {
      throw new Error(`{${e.slot}} must end the pattern: ${pattern}`);
    }
  });
  return elements;
}

function wordIs(token: Token | undefined, e: Extract<Element, { kind: 'words' }>): boolean {
  if (token === undefined || token.word === '' || token.ref !== null) return false;
  if (e.exact.has(token.word)) return true;
  // Asked about the same words again and again: the answer is kept (bounded, so hostile text cannot grow it).
  const known = e.typos.get(token.word);
  if (known !== undefined) return known;
  if (e.typos.size >= MAX_TYPOS) e.typos.clear();
  const answer = e.fuzzy.some((w) => wordMatches(token.word, w));
  e.typos.set(token.word, answer);
  return answer;
}

const MAX_TYPOS = 5_000;

function planId(token: Token | undefined): string | null {
  if (token === undefined) return null;
  const id = token.raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').toLowerCase();
  return /^[a-z0-9][a-z0-9._-]{0,62}$/.test(id) && !NOT_PLAN_IDS.has(id) ? id : null;
}

/** One match attempt: the pattern, the words, and the (element, word) states already known to fail. */
interface Run {
  p: Pattern;
  tokens: readonly Token[];
  /** Whether a state can succeed depends only on where it is, never on what was captured before: so a failure is remembered. */
  failed: Set<number>;
}

function matchSlot(r: Run, at: number, t: number, caps: Captures, slot: Slot): Captures | null {
  const { tokens } = r;
  const token = tokens[t];
  switch (slot) {
    case 'ref': {
      if (token?.ref) return step(r, at + 1, t + 1, { ...caps, ref: token.ref });
      // "Rec 4b", "recommendation 4b", "item 2.1(ii)": the word is kept, as some plans write it into their refs.
      const next = tokens[t + 1];
      if (token === undefined || !LEAD_WORDS.has(token.word) || !next?.ref) return null;
      return step(r, at + 1, t + 2, { ...caps, ref: `${trimNonWord(token.raw)} ${next.ref}` });
    }
    case 'plan': {
      const plan = planId(token);
      return plan === null ? null : step(r, at + 1, t + 1, { ...caps, plan });
    }
    case 'status':
      for (const found of statusesAt(tokens, t)) {
        const result = step(r, at + 1, t + found.length, { ...caps, status: found.status });
        if (result) return result;
      }
      return null;
    case 'rest':
      return t < tokens.length ? { ...caps, rest: t } : null;
    case 'rest?':
      return t < tokens.length ? { ...caps, rest: t } : caps;
    case 'scope': {
      if (t === tokens.length) return caps;
      if (t === tokens.length - 1 && /^(?:for|in|within|from)$/.test(token?.word ?? '')) return caps; // "what's overdue for"
      const kind =
        token?.word === 'for' || token?.word === 'from'
          ? 'for'
          : token?.word === 'in' || token?.word === 'within'
            ? 'in'
            : null;
      return kind !== null && t + 1 < tokens.length ? { ...caps, scope: { kind, from: t + 1 } } : null;
    }
  }
}

/**
 * Matches element `at` onwards against words `t` onwards. Each (element, word) state is tried at most
 * once to failure, so a message of n words costs at most (elements × n) states whatever it repeats.
 */
function step(r: Run, at: number, t: number, caps: Captures): Captures | null {
  const key = at * (r.tokens.length + 1) + t;
  if (r.failed.has(key)) return null;
  const result = tryStep(r, at, t, caps);
  if (result === null) r.failed.add(key);
  return result;
}

function tryStep(r: Run, at: number, t: number, caps: Captures): Captures | null {
  const { p, tokens } = r;
  if (at === p.length) return t === tokens.length ? caps : null;
  const e = p[at];
  if (e.kind === 'slot') return matchSlot(r, at, t, caps, e.slot);
  if (e.repeat) {
    let end = t;
    while (wordIs(tokens[end], e)) end++;
    for (let k = end; k >= t; k--) {
      const result = step(r, at + 1, k, caps);
      if (result) return result;
    }
    return null;
  }
  if (wordIs(tokens[t], e)) {
    const result = step(r, at + 1, t + 1, caps);
    if (result) return result;
  }
  return e.optional ? step(r, at + 1, t, caps) : null;
}

/** What the pattern captured when it matches all of `tokens` (pure punctuation already removed), else null. */
export function matchPattern(pattern: Pattern, tokens: readonly Token[]): Captures | null {
  return step({ p: pattern, tokens, failed: new Set() }, 0, 0, {});
}
