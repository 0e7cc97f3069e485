import { isBareNumber, readNumber } from './command-counts';
import { editDistance, MAX_REF_LENGTH, validateRef } from './ref';

/** Beyond this many characters (HTML included) a message is not even cleaned: a quick guard before the limit below. */
export const MAX_RAW_LENGTH = 20_000;
/** The one limit on a message: the longest, after cleaning, that the bot reads (long notes included). */
export const MAX_COMMAND_LENGTH = 2_000;

/** The message as plain text, or null when it is over the one limit and is not read at all. */
export function readableText(raw: string): string | null {
  if (raw.length > MAX_RAW_LENGTH) return null;
  const text = cleanCommandText(raw);
  return text.length > MAX_COMMAND_LENGTH ? null : text;
}

/** One whitespace-separated piece of the cleaned text. */
export interface Token {
  /** As typed. */
  raw: string;
  /** Lower case, apostrophes removed, punctuation trimmed from both ends; '' for pure punctuation. */
  word: string;
  /** The reference this token names, as typed without surrounding punctuation, or null. */
  ref: string | null;
  /** A bare number not taken as a reference (see command-counts.ts): it counts, or it may be either. */
  setAside?: 'count' | 'unsure';
  start: number;
  end: number;
}

const HTML_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'code',
  'div',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'iframe',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'script',
  'small',
  'span',
  'strike',
  'strong',
  'style',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
]);
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'code',
  'em',
  'font',
  'i',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'u',
]);

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: '-',
  mdash: '-',
  hellip: '...',
  middot: '·',
};

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[body.toLowerCase()] ?? entity;
}

/** A link keeps its address: `<a href="u">label</a>` reads as "label u" (or just "u"). */
function linkText(href: string, label: string): string {
  const l = label.trim();
  return l === '' || l === href ? ` ${href} ` : ` ${l} ${href} `;
}

/**
 * Teams text made plain: @mentions dropped, HTML tags and entities undone,
 * smart quotes, odd dashes, zero-width and control characters tidied, spaces
 * collapsed. Every pattern is bounded, so even hostile text is cheap.
 */
export function cleanCommandText(raw: string): string {
  return raw
    .slice(0, MAX_RAW_LENGTH)
    .replace(/<at\b[^<>]{0,300}>[^<]{0,300}<\/at\s*>/gi, ' ')
    .replace(
      /<a\s[^<>]{0,300}?href\s*=\s*["']([^"'<>]{1,2000})["'][^<>]{0,300}>([^<]{0,2000})<\/a\s*>/gi,
      (_, href: string, label: string) => linkText(href, label),
    )
    .replace(/<\/?([a-z][a-z0-9]{0,15})\b[^<>]{0,500}>/gi, (tag, name: string) => {
      const lower = name.toLowerCase();
      if (!HTML_TAGS.has(lower)) return tag;
      return INLINE_TAGS.has(lower) ? '' : ' ';
    })
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, decodeEntity)
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Cc}\p{Z}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^@ ?action ?[-_]?tracker\b[ ,:;.!-]*/i, '')
    .trim();
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Drops punctuation and symbols from both ends (by hand: no regex backtracking on long runs). */
export function trimNonWord(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && !isWordChar(chars[start])) start++;
  while (end > start && !isWordChar(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** "1st", "30th", "10am": words in dates and times, not references. */
const ORDINAL_OR_TIME = /^\d+(?:st|nd|rd|th|am|pm)$/i;
/** Letters and digits joined by . _ - or followed by a bracketed part: SG-4, 10.3.1, 6(a), 2.1(ii), Ä-1. */
const REF_SHAPE = /^[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+|\([\p{L}\p{N}]{1,6}\))*$/u;
const TRAILING = `)"'*?!.,:;`;
/** A bracketed part typed apart from its number: the "(a)" of "6 (a)", the "(ii)" of "2.1 (ii)". */
const BRACKETED_PART = /^\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)[)"'*?!.,:;]*$/i;

/** Drops trailing punctuation, but not the ")" that closes "6(a)". */
function trimTrailing(text: string): string {
  let end = text.length;
  const opens = [...text].filter((c) => c === '(').length;
  let closes = [...text].filter((c) => c === ')').length;
  while (end > 0 && TRAILING.includes(text[end - 1])) {
    if (text[end - 1] === ')') {
      if (closes <= opens) break;
      closes--;
    }
    end--;
  }
  return text.slice(0, end);
}

/** "SG-4", "sg4", "10.3.1", "6(a)?", "(SG-4)", "SG-4's", "Ä-1": a reference; words without a digit never are. */
export function refIn(raw: string): string | null {
  if (raw.length > MAX_REF_LENGTH + 10) return null;
  const ref = trimTrailing(raw.replace(/^[("'*#]+/, '').replace(/'s$/i, ''));
  // The digit comes before any bracket: "6(a)" is a reference, "alert(1)" is not.
  if (!REF_SHAPE.test(ref) || !/\d/.test(ref.split('(')[0]) || ORDINAL_OR_TIME.test(ref)) return null;
  return validateRef(ref) === null ? ref : null;
}

function token(text: string, start: number, end: number): Token {
  const raw = text.slice(start, end);
  const word = raw.length > 200 ? raw.toLowerCase() : trimNonWord(raw.toLowerCase().replace(/'/g, ''));
  return { raw, word, ref: refIn(raw), start, end };
}

/** Two neighbouring tokens read as one reference, or null when together they are not one. */
function joined(text: string, first: Token, second: Token, ref: string | null): Token {
  return { ...token(text, first.start, second.end), ref };
}

/**
 * Splits cleaned text into tokens, reading "SG 4" (capitals, then a number) and "6 (a)" (a
 * reference, then a bracketed letter or numeral) as one reference each, and a bare number that
 * counts ("done 5 of the 8 audits") as no reference at all.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const start = m.index ?? 0;
    tokens.push(token(text, start, start + m[0].length));
  }
  const merged: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (next && /^[A-Z]{2,5}$/.test(tokens[i].raw) && /^\d+(?:\.\d+)*[^A-Za-z0-9]*$/.test(next.raw)) {
      const both = text.slice(tokens[i].start, next.end);
      merged.push(joined(text, tokens[i], next, refIn(both.replace(' ', '-')) === null ? null : trimNonWord(both)));
      i++;
    } else {
      merged.push(tokens[i]);
    }
  }
  const result: Token[] = [];
  for (let i = 0; i < merged.length; i++) {
    const current = merged[i];
    const next = merged[i + 1];
    // "3 (a)" is always one reference, so it can never be taken for action 3 followed by "(a)".
    if (next && current.ref !== null && current.raw.endsWith(current.ref) && BRACKETED_PART.test(next.raw)) {
      result.push(joined(text, current, next, refIn(current.ref.replace(/ /g, '-') + next.raw)));
      i++;
    } else {
      result.push(current);
    }
  }
  return result.map((t, i) => {
    if (!isBareNumber(t)) return t;
    const reading = readNumber(result, i, text);
    return reading === 'ref' ? t : { ...t, ref: null, setAside: reading };
  });
}

/** One typo: a letter wrong, missing, extra, or two neighbours swapped. */
export function isOneTypoAway(typed: string, word: string): boolean {
  if (Math.abs(typed.length - word.length) > 1) return false;
  if (editDistance(typed, word) <= 1) return true;
  if (typed.length !== word.length) return false;
  const diff = [...typed].flatMap((ch, i) => (ch === word[i] ? [] : [i]));
  return (
    diff.length === 2 && diff[1] === diff[0] + 1 && typed[diff[0]] === word[diff[1]] && typed[diff[1]] === word[diff[0]]
  );
}

/** Command words of five letters or more forgive one typo; shorter ones must be exact. */
export function wordMatches(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (word.length < 5 || typed.length < 4 || Math.abs(typed.length - word.length) > 1 || /\d/.test(typed)) return false;
  // Each pattern element asks about the same few words over and over: the answer is kept (a bounded cache,
  // so a hostile message of many different words cannot grow it without limit).
  const key = `${typed}\u0000${word}`;
  const known = TYPO_CACHE.get(key);
  if (known !== undefined) return known;
  if (TYPO_CACHE.size >= MAX_TYPO_CACHE) TYPO_CACHE.clear();
  const answer = isOneTypoAway(typed, word);
  TYPO_CACHE.set(key, answer);
  return answer;
}

const MAX_TYPO_CACHE = 50_000;
const TYPO_CACHE = new Map<string, boolean>();
