import { monthFromWord } from './month-names';

/**
 * Evidence as owners send it: a link with a few words around it ("here is the case file audit: https://…",
 * "https://… signed copy", "(audit summary) https://…"). This finds the link and the words that may name the item
 * of evidence it is for; which item they name, if any, is for evidence-items.ts, which knows the action's items.
 */

/** A web address: the only kind of link evidence may have. */
const WEB_LINK = /https?:\/\/[^\s<>"]{1,1900}/gi;
/** A link of any other kind ("file://…", "ftp://…", "javascript:…", "\\server\share"), never kept as a link. */
const OTHER_LINK = /(?:^|[\s(<"'])(?:(?!https?:)[a-z][a-z0-9+.-]{1,20}:\/\/\S|(?:javascript|data|vbscript):\S|\\\\\w)/i;

export interface Link {
  url: string;
  start: number;
  end: number;
}

/** The web addresses in a text, without the punctuation that ends a sentence after them. */
export function webLinks(text: string): Link[] {
  return [...text.matchAll(WEB_LINK)].map((m) => {
    const url = trimLink(m[0]);
    const start = m.index ?? 0;
    return { url, start, end: start + url.length };
  });
}

/** "…/a.pdf." → "…/a.pdf"; a closing bracket stays only when the link opened one ("…/Doc.aspx?id={x}"). */
function trimLink(url: string): string {
  let end = url.length;
  while (end > 0 && /[.,;:!?'")\]}]/.test(url[end - 1])) {
    const ch = url[end - 1];
    const open = ch === ')' ? '(' : ch === ']' ? '[' : ch === '}' ? '{' : null;
    const body = url.slice(0, end - 1);
    if (open && body.split(open).length - 1 >= body.split(ch).length) break;
    end--;
  }
  return url.slice(0, end);
}

/** Whether a text has a link that is not a web address: such a link is never kept as evidence's link. */
export function hasOtherLink(text: string): boolean {
  return OTHER_LINK.test(text);
}

/** What evidence typed as text says: its one web address (or null) and the words around it. */
export interface EvidenceWords {
  url: string | null;
  /** The words other than the link, tidied; null when there are none. */
  words: string | null;
}

/** Joins the words before and after the one link; with no link or more than one, the words are the whole text. */
export function evidenceWords(text: string): EvidenceWords {
  const trimmed = text.trim();
  const links = webLinks(trimmed);
  const distinct = new Set(links.map((l) => l.url));
  if (distinct.size !== 1) return { url: null, words: tidyWords(trimmed) };
  let rest = '';
  let at = 0;
  for (const link of links) {
    rest += `${trimmed.slice(at, link.start)} `;
    at = link.end;
  }
  rest += trimmed.slice(at);
  return { url: [...distinct][0], words: tidyWords(rest) };
}

/** Words as a phrase: brackets and quotes dropped, separators trimmed from both ends; null when nothing is left. */
export function tidyWords(text: string): string | null {
  const t = text
    .replace(/[()[\]{}"“”‘’]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;.:!?–—>=-]+|[\s,;.:!?–—>=-]+$/g, '')
    .trim();
  return t === '' ? null : t;
}

/**
 * Words said around evidence that never name an item: greetings, thanks, what one does with a link, and pointing
 * words ("here is", "this is", "link is"). Dropped before the rest is matched against the action's items.
 */
const FILLER = new Set(
  (
    'hi hello hey morning afternoon evening thanks thank thx cheers ta please pls plz ' +
    'here heres this these that thats it its is are was be been were the a an our my some ' +
    'evidence proof link links linked url attached attaching attach attachment uploaded uploading upload ' +
    'added adding add log logged logging record recorded save saved saving put sharing share shared sent sending ' +
    'posted posting go you can could would will for as against towards to re covers cover one ones ' +
    'finally got get written up done now today just see below above ok okay sharepoint onedrive'
  ).split(' '),
);

/** Words that describe any document, so on their own they never tell items apart ("the file", "a copy"). */
const GENERIC = new Set(
  'file files document documents doc docs docx pdf xlsx copy copies version scan spreadsheet list log sheet'.split(' '),
);

/** Words that split a sentence into phrases, each of which may name an item ("minutes of the practice week"). */
const BREAKS = new Set(
  'of from in on at with where which who when we i they he she by about after before during into over under for to as against and or but'.split(
    ' ',
  ),
);

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

const dated = (w: string): boolean => monthFromWord(w) !== null || /^\d+(?:st|nd|rd|th)?$/.test(w);

/** The words that could name an item, in order: filler, dates and numbers dropped. */
export function namingWords(text: string): string[] {
  return wordsOf(text).filter((w) => !FILLER.has(w) && !dated(w));
}

/**
 * The phrases in a sentence that could each name an item: split at punctuation and at words such as "of",
 * "from" and "where", with filler, dates and words that describe any document dropped ("it's the attendance list
 * from the training sessions in Sept" → ["attendance", "training sessions"]).
 */
export function namingPhrases(text: string): string[][] {
  const phrases: string[][] = [];
  for (const part of text.split(/[,;:.!?()[\]{}"“”\-–—>]+/)) {
    let current: string[] = [];
    for (const w of wordsOf(part)) {
      if (BREAKS.has(w)) {
        if (current.length) phrases.push(current);
        current = [];
      } else if (!FILLER.has(w) && !dated(w) && !GENERIC.has(w)) current.push(w);
    }
    if (current.length) phrases.push(current);
  }
  return phrases;
}

/** The words as the person put them, for telling them what was not understood: filler at either end dropped. */
export function namedAs(text: string): string | null {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const isFiller = (w: string) => {
    const [only] = wordsOf(w);
    return only === undefined || FILLER.has(only);
  };
  let start = 0;
  let end = words.length;
  while (start < end && isFiller(words[start])) start++;
  while (end > start && isFiller(words[end - 1])) end--;
  return tidyWords(words.slice(start, end).join(' '));
}
