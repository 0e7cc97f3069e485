/**
 * Whether a reply to a question the bot waits on ("Why is the date moving?", "Why is SG-4 being cancelled?",
 * "What is the new date?") can be taken as its answer. A reason goes into the history and, for a new date, to
 * the chairs, so a question back ("sorry, who do I ask about this?") or words that give no reason ("ok",
 * "not sure") are never taken as one. Anything else is: people give reasons in every shape ("staff
 * sickness", "the provider went bust", "budget not agreed"), and refusing a real one costs more than
 * taking an odd one.
 */
export type UnusableAnswer = 'question' | 'noAnswer';

/** Words that ask whatever follows them ("who do I ask", "what's outstanding for me"). */
const ASKS = new Set([
  ...['who', 'whos', 'whom', 'whose', 'what', 'whats', 'why', 'whys', 'how', 'hows', 'where', 'wheres', 'which'],
]);

/** Words that ask only when a person follows ("can I …", "is it …"): "is waiting on legal" is a reason. */
const ASKS_OF_SOMEONE = new Set([
  ...['is', 'are', 'am', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'shall'],
  ...['may', 'might', 'must', 'has', 'have', 'when', 'whens'],
]);
const SOMEONE = new Set([
  ...['i', 'you', 'u', 'we', 'it', 'this', 'that', 'there', 'he', 'she', 'they', 'anyone', 'anybody'],
  ...['someone', 'somebody', 'everyone', 'ya'],
]);
/** "when will legal reply" asks; "when the provider went bust we lost the venue" explains. */
const WHEN_ASKS = new Set([...ASKS_OF_SOMEONE, ...SOMEONE]);

/**
 * Words that, on their own or together, give no reason: greetings, thanks, yes and no, "not sure", "no
 * idea who to ask", "I'll check and get back to you". A reply made only of these says nothing about why.
 */
const NO_REASON = new Set([
  ...['hi', 'hello', 'hey', 'hiya', 'morning', 'afternoon', 'evening', 'good', 'all', 'there', 'team'],
  ...['thanks', 'thank', 'thankyou', 'thx', 'ta', 'cheers', 'ok', 'okay', 'k', 'kk', 'sure', 'yes', 'yeah'],
  ...['yep', 'yup', 'no', 'nope', 'nah', 'fine', 'right', 'alright', 'great', 'cool', 'sorry', 'um', 'umm'],
  ...['erm', 'er', 'hmm', 'hm', 'oh', 'ah', 'so', 'well', 'just', 'please', 'lol', 'not', 'unsure', 'idea'],
  ...['dont', 'do', 'know', 'dunno', 'idk', 'clue', 'a', 'i', 'im', 'ill', 'will', 'me', 'let', 'check'],
  ...['find', 'out', 'get', 'back', 'to', 'you', 'later', 'ask', 'first', 'who', 'what', 'why', 'how', 'yet'],
  ...['really', 'tbh', 'honestly', 'at', 'the', 'moment', 'now', 'atm', 'wait', 'hang', 'on', 'one', 'sec'],
  ...['second', 'mo', 'minute', 'reason', 'none', 'nothing', 'n', 'na', 'test', 'testing', 'mate', 'again', 'and'],
]);

/** Words that say a reason follows ("why? because the board moved it"). */
const BECAUSE = new Set(['because', 'cos', 'coz', 'cause', 'cuz', 'as']);

/** Lower-case words, apostrophes dropped ("what's" → "whats", "can't" → "cant"). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Ends with a question mark, whatever spaces or emoji follow it ("who do I ask? 🙏"). */
const endsAsking = (text: string): boolean => /\?[\s\p{Extended_Pictographic}\uFE0F\u200D]*$/u.test(text);

/** Greetings and the like that may come before a question ("sorry, who do I ask", "hi, can I …"). */
const LEAD_IN = new Set([
  ...['hi', 'hello', 'hey', 'hiya', 'sorry', 'ok', 'okay', 'um', 'umm', 'erm', 'er', 'hmm', 'oh', 'ah', 'so'],
  ...['well', 'but', 'and', 'just', 'quick', 'question', 'morning', 'afternoon', 'thanks', 'right', 'also'],
]);

function startsAsking(words: readonly string[]): boolean {
  const start = words.findIndex((w) => !LEAD_IN.has(w));
  if (start < 0) return false;
  const [first, second = ''] = words.slice(start);
  // "why? because the board moved it" repeats the question before answering it.
  if (ASKS.has(first)) return !(first === 'why' && BECAUSE.has(second));
  if (first === 'when' || first === 'whens') return WHEN_ASKS.has(second);
  return ASKS_OF_SOMEONE.has(first) && SOMEONE.has(second);
}

/**
 * "ask Megan", "idk, check with Lynne Robbins": the bot is sent to someone else, which says nothing about why.
 * Only a short reply: "ask the board to agree the new scope first" may well be the reason.
 */
function sendsElsewhere(words: readonly string[]): boolean {
  const start = words.findIndex((w) => !NO_REASON.has(w) || w === 'ask' || w === 'check');
  if (start < 0) return false;
  const [first, second] = words.slice(start);
  const verb =
    first === 'ask' || first === 'email'
      ? 1
      : ['check', 'speak', 'talk'].includes(first) && ['with', 'to'].includes(second)
        ? 2
        : 0;
  return verb > 0 && words.length - start - verb <= 2;
}

/** Why this reply can't be taken as the answer asked for, or null when it can. */
export function unusableAnswer(text: string): UnusableAnswer | null {
  const trimmed = text.trim();
  const words = wordsOf(trimmed);
  if (endsAsking(trimmed) || startsAsking(words)) return 'question';
  return words.every((w) => NO_REASON.has(w)) || sendsElsewhere(words) ? 'noAnswer' : null;
}
