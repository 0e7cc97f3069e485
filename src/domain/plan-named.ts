import { Command } from './command';

/**
 * A plan named in a message, so that someone who reads several plans can say which one a ref or a question is
 * about without a channel bound to it: `send-wsoa/R3 at risk`, `R3 in the SEND plan at risk`, `what's overdue in
 * the SEND plan?`. Pure: the caller passes only the plans the person may read, so nothing else can be named.
 */

export interface NamedPlan {
  id: string;
  title: string;
}

/** The plan named, and the message without the words that named it, to be read as if typed in that plan. */
export interface PlanInText {
  planId: string;
  text: string;
  /** Named at the end of the message, where it may instead be the end of a note or a reason (see `mayDropPlanWords`). */
  atEnd: boolean;
}

/** Words that say "a plan" but not which: never enough on their own. */
const FILLER = new Set(['the', 'a', 'an', 'of', 'and', '&', 'plan', 'plans']);
const PREPOSITIONS = new Set(['in', 'for', 'from', 'on', 'under']);
/** A phrase naming a plan follows the ref closely ("R3 in the SEND plan at risk") or ends the message. */
const NEAR_START = 3;
const LONGEST_NAME = 12;

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether words typed before "plan" name this plan: each is a word of its title or starts one (at least three
 * letters), so "SEND" and "youth justice" do; or they are its id.
 */
export function namesPlan(typed: string, plan: NamedPlan): boolean {
  if (typed.trim().toLowerCase() === plan.id.toLowerCase()) return true;
  const words = wordsOf(typed).filter((w) => !FILLER.has(w));
  if (words.length === 0) return false;
  const title = wordsOf(plan.title);
  return words.every((w) => title.some((t) => t === w || (w.length >= 3 && t.startsWith(w))));
}

/** Typed exactly as its id or its whole title ("in send-wsoa", "in the SEND Written Statement of Action"). */
function isExactly(typed: string, plan: NamedPlan): boolean {
  const words = wordsOf(typed);
  const start = words[0] === 'the' ? 1 : 0;
  const rest = words.slice(start).join(' ');
  return rest === wordsOf(plan.id).join(' ') || rest === wordsOf(plan.title).join(' ');
}

const onlyOne = (plans: readonly NamedPlan[], test: (p: NamedPlan) => boolean): NamedPlan | null => {
  const hits = plans.filter(test);
  return hits.length === 1 ? hits[0] : null;
};

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** A word as compared: lower case, without punctuation after it. */
const bare = (t: Token) => t.word.toLowerCase().replace(/[^\p{L}\p{N}-]+$/u, '');

/** `send-wsoa/R3`: a plan's id and a slash before a ref, among the first words (plan ids never contain "/"). */
export function prefixed(text: string, plans: readonly NamedPlan[]): PlanInText | null {
  for (const t of tokens(text).slice(0, NEAR_START + 1)) {
    const slash = t.word.indexOf('/');
    if (slash <= 0 || slash === t.word.length - 1) continue;
    const id = t.word.slice(0, slash).replace(/^[^\p{L}\p{N}]+/u, '');
    const plan = onlyOne(plans, (p) => p.id.toLowerCase() === id.toLowerCase());
    const from = t.start + slash - id.length;
    if (plan) return { planId: plan.id, text: text.slice(0, from) + text.slice(t.start + slash + 1), atEnd: false };
  }
  return null;
}

/** "in the SEND plan", "for the youth justice plan", "in send-wsoa": right after the ref, or at the end. */
function phrase(text: string, plans: readonly NamedPlan[]): PlanInText | null {
  const all = tokens(text);
  for (let i = 0; i < all.length - 1; i++) {
    if (!PREPOSITIONS.has(bare(all[i]))) continue;
    // The longest name first, so "the audit 2025 plan" is not taken for "the audit 2025" and a stray word.
    for (let j = Math.min(all.length, i + 1 + LONGEST_NAME) - 1; j > i; j--) {
      const atEnd = j === all.length - 1;
      if (!atEnd && i > NEAR_START) continue;
      const named = text.slice(all[i + 1].start, all[j].end);
      const endsInPlan = /^plan\W*$/i.test(all[j].word) && j > i + 1;
      const before = endsInPlan ? text.slice(all[i + 1].start, all[j - 1].end) : '';
      const plan =
        (endsInPlan ? onlyOne(plans, (p) => namesPlan(before, p)) : null) ??
        onlyOne(plans, (p) => isExactly(named.replace(/[^\p{L}\p{N}]+$/u, ''), p));
      if (!plan) continue;
      // Punctuation after the name stays with the rest of the message ("R3 in the SEND plan: at risk").
      const tail = atEnd ? '' : (all[j].word.match(/[^\p{L}\p{N}]+$/u)?.[0] ?? '');
      const kept = `${text.slice(0, all[i].start).trimEnd()}${tail} ${text.slice(all[j].end).trimStart()}`.trim();
      return { planId: plan.id, text: kept, atEnd };
    }
  }
  return null;
}

/**
 * Whether the words naming a plan can be dropped from the message read without them: always when they follow the
 * ref; at the end, only when the command keeps no words of the person's (a note, a reason, a comment), since there
 * they may be the end of what should be recorded ("note R3 discussed in the SEND plan").
 */
export function mayDropPlanWords(named: PlanInText, command: Command): boolean {
  if (!named.atEnd) return true;
  switch (command.kind) {
    case 'note':
    case 'evidence':
      return false;
    case 'setStatus':
      return command.comment === null && command.evidence === null;
    case 'delay':
      return command.reason === null;
    case 'askRed':
    case 'signOff':
    case 'approve':
    case 'decideDate':
      return command.comment === null;
    case 'measureValue':
      return command.note === null;
    default:
      return true;
  }
}

/** Whether the message could name a plan at all (a slash, or "in", "for"…): most messages need no plans read to tell. */
export function mightNamePlan(text: string): boolean {
  return text.includes('/') || tokens(text).some((t) => PREPOSITIONS.has(bare(t)));
}

/** The one readable plan the message names, and the message without naming it; null if it names none, or several. */
export function planNamedIn(text: string, plans: readonly NamedPlan[]): PlanInText | null {
  if (plans.length === 0) return null;
  return prefixed(text, plans) ?? phrase(text, plans);
}
