import Fuse from 'fuse.js';
import { parseCommand } from './command-grammar';
import { isChange } from './command-guard';
import { tokenize } from './command-text';
import type { Role } from './types';

/** Who a command is for: everyone, those who decide (chairs, executives, administrators), or administrators. */
export type Audience = 'everyone' | 'deciders' | 'admins';

export interface HelpCommand {
  example: string;
  description: string;
  audience: Audience;
  /** Words people use when they mean this command, for "did you mean…" when a message cannot be read. */
  words: readonly string[];
  /** Its example gives a percentage for the action's one measure, so its ref is one whose measure takes it. */
  aboutMeasure?: true;
}

/** Whether a person with these roles (in any plan in scope) is one the command is for. */
export function isFor(audience: Audience, roles: ReadonlySet<Role>): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'admins') return roles.has('admin');
  return roles.has('chair') || roles.has('executive') || roles.has('admin');
}

const MIN_WORD = 3;
const MAX_WORDS = 12;

/**
 * The commands closest to a message the grammar could not read, best first: each word of the message
 * is looked up, fuzzily (fuse.js, so "evidnce" finds evidence), among the words of the commands the
 * person may use; a command scores by how many words find it and how closely.
 */
export function closestCommands(
  text: string,
  commands: readonly HelpCommand[],
  roles: ReadonlySet<Role>,
  limit = 2,
): HelpCommand[] {
  const offered = commands.filter((c) => isFor(c.audience, roles));
  const entries = offered.flatMap((command, index) => command.words.map((word) => ({ word, index })));
  // Matched from the start of the word, allowing about one typo in five letters: "dat" is not "update".
  const fuse = new Fuse(entries, {
    keys: ['word'],
    includeScore: true,
    threshold: 0.3,
    location: 0,
    distance: 10,
    minMatchCharLength: MIN_WORD,
  });
  const scores = new Map<number, number>();
  const words = tokenize(text.slice(0, 500))
    .filter((t) => t.ref === null && t.word.length >= MIN_WORD)
    .slice(0, MAX_WORDS);
  for (const { word } of words) {
    const seen = new Set<number>();
    for (const hit of fuse.search(word.slice(0, 30), { limit: 8 })) {
      if (seen.has(hit.item.index) || Math.abs(hit.item.word.length - word.length) > 2) continue;
      seen.add(hit.item.index);
      scores.set(hit.item.index, (scores.get(hit.item.index) ?? 0) + 1 - (hit.score ?? 1));
    }
  }
  const best = Math.max(0, ...scores.values());
  // A runner-up far behind the best is noise ("channel" is a typo away from "changes"), not a suggestion.
  const ranked = [...scores]
    .filter(([, score]) => score >= best / 2)
    .sort(([a, x], [b, y]) => y - x || a - b)
    .map(([index]) => offered[index]);
  // "81% of families got their plan": a figure is most likely a measure's value, whatever other words matched.
  const value = hasFigure(text) && !looksLikeQuestion(text) ? offered.find(givesValue) : undefined;
  if (value) return [value, ...ranked.filter((c) => c !== value)].slice(0, limit);
  if (ranked.length === 0 || !looksLikeQuestion(text)) return ranked.slice(0, limit);
  // A question is pointed at questions first ("how are we doing", "what's overdue"), then at the closest change, if any.
  const asks = ranked.filter((c) => !changes(c));
  const more = offered.filter((c) => looksLikeQuestion(c.example) && !asks.includes(c));
  const change = ranked.find(changes);
  return [...[...asks, ...more].slice(0, limit), ...(change ? [change] : [])];
}

const QUESTION_START =
  /^(?:what|whats|wat|where|wheres|how|hows|when|who|whos|whose|which|why|can|could|are|is|has|have|do|does|did|will|would|should|any|anything)\b/i;

/** "where are we on the safeguarding stuff?", "how many are late": a message that reads as a question. */
export function looksLikeQuestion(text: string): boolean {
  const plain = text.trim().replace(/'/g, '');
  return /\?\s*$/.test(plain) || QUESTION_START.test(plain);
}

/** Whether a command's own example changes something (or binds a plan), as the grammar reads it. */
function changes(command: HelpCommand): boolean {
  const read = parseCommand(command.example, '2026-01-01');
  return isChange(read) || read.kind === 'bindPlan';
}

/** A number typed as a figure ("81%", "17"), not in a ref with letters ("SG-4") and not a date ("31/12"). */
function hasFigure(text: string): boolean {
  return tokenize(text.slice(0, 500)).some(
    (t) => /^\d+(?:\.\d+)?%?[,.;:]?$/.test(t.raw) && !(t.ref !== null && /\p{L}/u.test(t.ref)),
  );
}

const givesValue = (command: HelpCommand): boolean =>
  parseCommand(command.example, '2026-01-01').kind === 'measureValue';
