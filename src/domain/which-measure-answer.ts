import { parseCount } from './number-words';

/** Words around a choice that say nothing about which: "it's the second one please", "measure 2", "no. 2". */
const FILLER = new Set([
  'the',
  'measure',
  'number',
  'no',
  'num',
  'option',
  'choice',
  'its',
  'it',
  'is',
  'please',
  'pls',
  'thanks',
  'thank',
  'you',
  'ta',
  'that',
  'i',
  'mean',
  'meant',
  'want',
  'for',
  'go',
  'with',
  'pick',
  'choose',
  'ok',
  'okay',
]);

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** A figure with a sign, a decimal point, a percentage, a date or a sum: a value, never a choice ("2%", "1.5", "1/2"). */
const VALUE_LIKE = /[%=/+]|\d[.,:]\d|[-−]\d/;

const isOrdinal = (word: string) => word === 'last' || ORDINALS.includes(word) || /^\d{1,2}(?:st|nd|rd|th)$/.test(word);

/** The measure one word names: "2", "m2", "two", "second", "2nd", "last"; null when it names none. */
function named(word: string, count: number): number | null {
  if (word === 'last') return count;
  const ordinal = ORDINALS.indexOf(word);
  if (ordinal >= 0) return ordinal + 1;
  const short = /^(?:m|#)?(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  if (short) return Number(short[1]);
  return NUMBER_WORDS.includes(word) ? parseCount(word) : null;
}

/**
 * Which measure a typed answer to "Which is 88% for?" names, for an action with `count` measures: "2", "m2",
 * "measure 2", "the second", "the first one", "2nd please", "the last one". Anything else, including a value
 * ("2%"), two choices ("1 or 2"), a refusal ("not the first") or a number beyond the last, names none (null), so
 * it is read as the message it is and nothing is chosen for the person.
 */
export function measureNamedIn(text: string, count: number): number | null {
  if (text.length > 80 || VALUE_LIKE.test(text)) return null;
  const typed = text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}#]+/u)
    .filter((w) => w !== '');
  // "the one", "that one": pointing at a button, not naming measure 1.
  if (/\b(?:the|that) one$/.test(typed.join(' '))) return null;
  const words = typed.filter((w) => !FILLER.has(w));
  // "one" is a number alone ("one", "measure one") and filler after an ordinal ("the first one", "the last one").
  const choosing = words.length === 2 && words[1] === 'one' && isOrdinal(words[0]) ? [words[0]] : words;
  if (choosing.length !== 1) return null;
  const n = named(choosing[0], count);
  return n !== null && n >= 1 && n <= count ? n : null;
}
