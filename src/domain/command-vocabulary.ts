import type { Token } from './command-text';
import { ASKING_SETS } from './command-sets-asking';
import { DECIDING_SETS, PLEASANT_WORDS } from './command-sets-deciding';

/** One example per kind of command, as the help card shows them; each parses to that kind. */
export const COMMAND_EXAMPLES: string[] = [
  'help',
  'my actions',
  "what's overdue",
  'show SG-4',
  'history SG-4',
  'SG-4 at risk: waiting for IT',
  'SG-4 delayed to end of March because supplier problems',
  'evidence SG-4 https://example.com/report.pdf',
  'note SG-4 spoke to supplier',
  'sign off SG-4',
  'approve SG-4',
  'decline the new date for SG-4 because the inspection date is fixed',
  'dates to decide',
  'use plan ofsted-2011 here',
  'cancel',
];

export const PLEASANTRIES: ReadonlySet<string> = new Set(PLEASANT_WORDS);

/** Named word sets the patterns below refer to as `$name`. */
export const SETS: Record<string, readonly string[]> = {
  ...ASKING_SETS,
  ...DECIDING_SETS,
};

const POLITE_START = new Set([
  'please',
  'pls',
  'plz',
  'kindly',
  'ok',
  'okay',
  'so',
  'um',
  'erm',
  'hi',
  'hello',
  'hey',
  'hiya',
  'we',
  'yes',
  'i',
  'im',
  'happy',
  'to',
  'for',
  'morning',
  'afternoon',
  'can',
  'could',
  'would',
  'you',
  'u',
  'bot',
  'tracker',
  'action',
  'actually',
]);
const POLITE_END = new Set(['please', 'pls', 'plz', 'thanks', 'thx', 'ta', 'cheers', 'thank', 'you', 'mate']);

/** The words as typed, then without greetings and pleasantries around them. */
export function readings(words: readonly Token[]): (readonly Token[])[] {
  let start = 0;
  let end = words.length;
  while (start < end && POLITE_START.has(words[start].word)) start++;
  while (end > start && POLITE_END.has(words[end - 1].word)) end--;
  const polite = words.slice(start, end);
  const options = polite.length > 0 && polite.length < words.length ? [words, polite] : [words];
  // "the threshold document (5a) is finished": a ref in brackets after words that describe it.
  const bracketed = words.findIndex((w) => w.ref !== null && w.raw.startsWith('('));
  return bracketed > 0 ? [...options, words.slice(bracketed, end)] : options;
}
