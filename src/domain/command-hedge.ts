import type { Command } from './command';

/**
 * An unsure change is not a change: "sg4 complete i think", "SG-8 complete maybe", "LAC-7 done, not sure though",
 * "SG-4 should be done by now". Such a message is answered like a question (the action, and the change offered).
 */

const HEDGE_WORDS = [
  "(?:i|we|i'?m|im) (?:think|thought|believe|guess|reckon|suppose|hope|assume|expect)",
  '(?:think|believe|hope|guess) so',
  'maybe',
  'perhaps',
  'probably',
  'prob',
  'possibly',
  'presumably',
  'hopefully',
  'likely',
  'supposedly',
  'allegedly',
  'not (?:100% |entirely |totally |completely |quite |really |too |that )?(?:sure|certain|convinced)',
  'unsure',
  'uncertain',
  '(?:pretty|fairly|quite|reasonably|almost) (?:sure|certain|confident)',
  '(?:should|ought to|might|may|must|could) (?:already |now |all )?(?:be|have been)',
  'fingers crossed',
  'touch wood',
  'afaik',
  'as far as i know',
  'iirc',
  'if i remember rightly',
].join('|');

const HEDGE = new RegExp(`\\b(?:${HEDGE_WORDS})\\b`, 'i');
const HEDGES = new RegExp(`\\b(?:${HEDGE_WORDS})\\b`, 'gi');
/** Words that only soften a hedge around it: "not sure though", "maybe tbh". */
const SOFTENERS = /\b(?:though|tho|tbh|really|anyway|now|yet|lol|but)\b/gi;
/** A reason that opens with a hedge and then says more is a reason ("at risk: i think the supplier will be late"). */
const LEADING_HEDGE = new RegExp(
  `^[\\s,.;:()\\-–—]*(?:${HEDGE_WORDS})\\b\\s*(?:[,.;!()]|\\s[-–—]\\s|\\bbut\\b|$)`,
  'i',
);

/** Kinds whose message may be unsure. Evidence and notes are what people report, doubts included; "red" is asked anyway. */
const CHANGES: ReadonlySet<Command['kind']> = new Set([
  'setStatus',
  'delay',
  'signOff',
  'approve',
  'decideDate',
  'measureValue',
]);

export function hasHedge(text: string): boolean {
  return HEDGE.test(text);
}

/** Whether a command of this kind, said unsurely, is answered as a question rather than carried out. */
export function canBeUnsure(command: Command): boolean {
  return CHANGES.has(command.kind);
}

/** The text without its hedges ("I think SG-4 is done" → "SG-4 is done"), to see what change it names. */
export function withoutHedges(text: string): string {
  return text.replace(HEDGES, ' ').replace(/\s+/g, ' ').trim();
}

/** The first hedge, as typed, to quote back. */
export function hedgeIn(text: string): string | null {
  return HEDGE.exec(text)?.[0] ?? null;
}

function onlyHedge(reason: string): boolean {
  if (LEADING_HEDGE.test(reason)) return true;
  return (
    withoutHedges(reason)
      .replace(SOFTENERS, ' ')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length === 0
  );
}

/**
 * Whether the change this message names is said unsurely. Complete, sign-off and decisions are unsure with a hedge
 * anywhere; an at-risk status or a delay may give an unsure reason ("at risk: I think the supplier will be late"),
 * so for those only a hedge outside the reason, or a reason that is nothing but a hedge, counts.
 */
export function isUnsure(command: Command, text: string): boolean {
  if (!canBeUnsure(command) || !HEDGE.test(text)) return false;
  const reason =
    command.kind === 'setStatus' && command.status !== 'Complete'
      ? command.comment
      : command.kind === 'delay'
        ? command.reason
        : null;
  if (reason === null) return true;
  const at = text.lastIndexOf(reason);
  if (at < 0) return true;
  return HEDGE.test(text.slice(0, at) + text.slice(at + reason.length)) || onlyHedge(reason);
}
