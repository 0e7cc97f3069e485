import type { Command } from './command';
import { EVIDENCE_NEEDED, unknown, type MatchText } from './command-build';
import { hasHedge } from './command-hedge';
import type { Rule } from './command-rules';
import { statusesAt } from './command-status';
import { trimNonWord, type Token } from './command-text';
import { hasOtherLink, webLinks } from './evidence-words';
import { monthFromWord } from './month-names';
import { refKey } from './ref';
import { LEAD_WORDS } from './ref-match';

/**
 * Evidence as owners send it, beyond "evidence SG-4 https://…": a message with one action's reference and one web
 * address is that action's evidence ("here is the case file audit for LAC-7: https://…", "Training records LAC-7
 * https://…", "sg-7 https://… signed copy"). A link is what makes it plain: words alone ("I'll send the evidence
 * for LAC-7 next week") never add evidence this way. Nor does a message that says the evidence is not given yet,
 * is wrong, or asks about it: that changes nothing.
 */

/** Words saying the evidence is not (yet, or rightly) given, or asking about it, or that the link is only to read. */
const NOT_GIVEN = new Set(
  (
    'will ill well wed going gonna tomorrow later soon next once when waiting await awaiting follow ' +
    'broken wrong old outdated incorrect ignore delete remove replace instead ' +
    'not no never dont doesnt didnt cant cannot couldnt isnt wasnt arent havent hasnt wont unable missing lost ' +
    'somewhere need needs needed should shall whether if unless check review ' +
    // Passing on something to read is not giving the action's evidence.
    'fyi guidance article interesting useful background reading'
  ).split(' '),
);

/** Words in a note that say the evidence is not there to give ("somewhere, can't find the link", "to follow"). */
const NOT_THERE = new Set(
  (
    'will ill going gonna tomorrow later soon waiting awaiting follow broken wrong ' +
    'not dont cant cannot couldnt unable havent hasnt isnt somewhere missing lost'
  ).split(' '),
);

/** "can you …" is a request only with one of these verbs ("can you log this against LAC-7 …"). */
const EVIDENCE_VERBS = new Set(['add', 'attach', 'log', 'record', 'link', 'upload', 'save', 'put', 'file', 'store']);
const ASKING = new Set(['can', 'could', 'would']);
const PLEASE = new Set(['please', 'pls', 'plz', 'just', 'you', 'u', 'we', 'i']);

/** "can you check …", "could we look at …": asking someone to do something other than keep the evidence. */
function asksSomethingElse(words: readonly string[]): boolean {
  return words.some((w, i) => {
    if (!ASKING.has(w)) return false;
    let next = i + 1;
    while (next < words.length && PLEASE.has(words[next])) next++;
    return !EVIDENCE_VERBS.has(words[next] ?? '');
  });
}

/** A number read as part of a date ("in Sept 2026", "3 Nov") is not a reference. */
function inDate(tokens: readonly Token[], i: number): boolean {
  const ref = tokens[i].ref ?? '';
  if (!/^\d+$/.test(ref)) return false;
  return [tokens[i - 1], tokens[i + 1]].some((t) => t !== undefined && monthFromWord(t.word) !== null);
}

/** The reference a message names outside its links, when it names exactly one action; with its lead word, if any. */
function oneRef(tokens: readonly Token[], inLink: (t: Token) => boolean): { ref: string; used: Token[] } | null {
  const found = tokens.flatMap((t, i) => (t.ref !== null && !inLink(t) && !inDate(tokens, i) ? [i] : []));
  if (found.length === 0 || new Set(found.map((i) => refKey(tokens[i].ref ?? ''))).size !== 1) return null;
  const at = found[0];
  const lead = tokens[at - 1];
  const ref = tokens[at].ref ?? '';
  const used = found.map((i) => tokens[i]);
  // "action 6(a)", "rec 4b": the word is kept, as some plans write it into their refs (as the {ref} slot does).
  if (lead !== undefined && LEAD_WORDS.has(lead.word))
    return { ref: `${trimNonWord(lead.raw)} ${ref}`, used: [lead, ...used] };
  return { ref, used };
}

/** Names a status ("done", "at risk"): a status change is its own command, so this is not only evidence. */
function namesStatus(tokens: readonly Token[]): boolean {
  return tokens.some((_, i) => statusesAt(tokens, i).some((s) => s.status !== 'Signed off'));
}

/** The message without the reference (and a "for"/"to" left dangling before it), as the evidence's words. */
function withoutRef(text: string, used: readonly Token[]): string {
  let rest = text;
  for (const t of [...used].sort((a, b) => b.start - a.start)) {
    const before = rest.slice(0, t.start).replace(/\s*\b(?:for|to|against|on|re|under)\s*$/i, '');
    // "LAC-7," keeps its comma: it ends a clause of the words around it.
    const at = t.ref === null ? -1 : t.raw.indexOf(t.ref);
    const end = at < 0 ? t.end : t.start + at + (t.ref ?? '').length;
    rest = `${before} ${rest.slice(end)}`;
  }
  return rest
    .replace(/\s+([,;:.!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.!–—-]+|[\s,;:–—-]+$/g, '')
    .trim();
}

/** A message with one reference and one web address, read as that action's evidence; null when it is not plainly that. */
export function evidenceInMessage(m: MatchText): Command | null {
  const links = webLinks(m.text);
  // A link that is not a web address is read too, so that the reply can say why it is not kept.
  if (new Set(links.map((l) => l.url)).size !== (links.length === 0 && hasOtherLink(m.text) ? 0 : 1)) return null;
  const inLink = (t: Token) => links.some((l) => t.start < l.end && t.end > l.start);
  const outside = m.tokens.filter((t) => !inLink(t));
  const words = outside.map((t) => t.word);
  if (links.length > 0 && hasOtherLink(outside.map((t) => t.raw).join(' '))) return null;
  if (words.some((w) => NOT_GIVEN.has(w)) || asksSomethingElse(words) || namesStatus(outside)) return null;
  // "maybe this is the audit for LAC-7 https://…": unsure which evidence this is, so not plainly a change.
  if (hasHedge(outside.map((t) => t.raw).join(' '))) return null;
  const named = oneRef(m.tokens, inLink);
  if (named === null) return null;
  return { kind: 'evidence', ref: named.ref, text: withoutRef(m.text, named.used) };
}

/**
 * "evidence SG-4 …", "SG-4 evidence: …": the evidence typed after the word. Without a link, words saying the evidence
 * is not there to give ("SG-2 evidence is on SharePoint somewhere, can't find the link") change nothing.
 */
export function evidenceCommand(ref: string, text: string | null, m: MatchText): Command {
  const evidence = text?.replace(/^(?:is|are|was|=)\s+/i, '') ?? '';
  if (evidence === '') return unknown(m, EVIDENCE_NEEDED);
  if (webLinks(evidence).length === 0 && m.tokens.some((t) => NOT_THERE.has(t.word)))
    return unknown(
      m,
      `I’ve left ${ref} as it is: that doesn’t give the evidence itself. When you have it, send it, for example: evidence ${ref} https://…`,
    );
  return { kind: 'evidence', ref, text: evidence };
}

/** Tried after every other rule, so a status, a date or a question about an action keeps its own reading. */
export const EVIDENCE_IN_MESSAGE_RULES: Rule[] = [{ patterns: ['{rest}'], build: (_, m) => evidenceInMessage(m) }];
