import type { Token } from './command-text';

/** One example per kind of command, as the help card shows them; each parses to that kind. */
export const COMMAND_EXAMPLES: string[] = [
  'help',
  'my actions',
  "what's overdue",
  'show SG-4',
  'history SG-4',
  'SG-4 at risk: waiting for IT',
  'SG-4 delayed to 30/09/2026 because supplier problems',
  'evidence SG-4 https://example.com/report.pdf',
  'note SG-4 spoke to supplier',
  'sign off SG-4',
  'approve SG-4',
  'decline the new date for SG-4 because the inspection date is fixed',
  'dates to decide',
  'use plan ofsted-2011 here',
  'cancel',
];


export const PLEASANTRIES: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'ta', 'cheers', 'ok', 'okay', 'great', 'brilliant',
  'nice', 'lol', 'morning', 'afternoon', 'evening', 'star', 'helpful', 'cool', 'perfect', 'lovely', 'super', 'excellent', 'awesome',
  'hi', 'hello', 'hey', 'hiya', 'ace', 'fab', 'wonderful', 'appreciated', 'good']);

/** Named word sets the patterns below refer to as `$name`. */
export const SETS: Record<string, readonly string[]> = {
  ask: ['show', 'list', 'view', 'see', 'get', 'give', 'display', 'tell', 'what', 'whats', 'wat', 'wats', 'whts', 'is', 'are',
    'which', 'who', 'whos', 'me', 'all', 'any', 'anything', 'the', 'us'],
  things: ['actions', 'action', 'tasks', 'task', 'items', 'ones', 'things'],
  me: ['me', 'myself', 'i'],
  show: ['show', 'view', 'see', 'get', 'open', 'display', 'find', 'look', 'lookup', 'up', 'tell', 'me', 'about', 'the',
    'details', 'detail', 'info', 'information', 'status', 'summary', 'card', 'of', 'for', 'on', 'what', 'whats', 'wat',
    'wats', 'how', 'hows', 'is', 'are', 'about', 'with', 'where', 'we', 'latest', 'update', 'news', 'progress',
    'happening', 'action', 'on', 'current', 'check'],
  showTail: ['status', 'details', 'detail', 'info', 'going', 'doing', 'update', 'progress', 'now', 'please', 'looking'],
  setFill: ['is', 'its', 'has', 'have', 'been', 'was', 'now', 'status', 'set', 'to', 'as', 'marked', 'changed', 'should', 'be',
    'being', 'all', 'it', 'back', 'again', 'will', 'going', 'currently', 'started', 'at'],
  iDid: ['i', 'ive', 'we', 'weve', 'have', 'has', 'just', 'now', 'finally', 'been'],
  bindTail: ['here', 'in', 'on', 'for', 'to', 'this', 'the', 'channel', 'chat', 'conversation', 'team', 'group', 'please', 'now'],
  place: ['this', 'the', 'channel', 'chat', 'conversation', 'team', 'group', 'here'],
  approve: ['approve', 'accept', 'agree', 'allow', 'grant', 'confirm', 'authorise', 'authorize'],
  approved: ['approved', 'accepted', 'agreed', 'allowed', 'granted', 'confirmed', 'authorised', 'authorized', 'ok', 'okay'],
  decline: ['decline', 'reject', 'refuse', 'deny', 'veto', 'disallow', 'disapprove', 'overrule', 'declining', 'rejecting', 'refusing'],
  declined: ['declined', 'rejected', 'refused', 'denied', 'vetoed', 'disallowed', 'disapproved', 'overruled', 'decline', 'reject'],
  /** Words before the thing decided: "the new", "its requested", "this revised due". */
  dateAdj: ['the', 'a', 'this', 'that', 'its', 'their', 'his', 'her', 'new', 'revised', 'requested', 'proposed', 'updated',
    'changed', 'extended', 'later', 'due', 'pending', 'waiting', 'date'],
  /** The thing decided: "date", "request", "date change request". */
  dateNoun: ['date', 'dates', 'deadline', 'request', 'requests', 'extension', 'change', 'move', 'delay', 'reschedule',
    'timescale', 'postponement'],
  beFill: ['is', 'has', 'have', 'been', 'was', 'now', 'be', 'can', 'should', 'its', 'it'],
  decisionWait: ['waiting', 'awaiting', 'pending', 'needing', 'that', 'need', 'needs', 'to', 'for', 'my', 'a', 'your', 'me'],
  smallTalk: ['thanks', 'thank', 'you', 'thx', 'ta', 'cheers', 'ok', 'okay', 'great', 'stuff', 'brilliant', 'nice', 'one', 'lol',
    'morning', 'afternoon', 'evening', 'good', 'have', 'a', 'week', 'day', 'weekend', 'youre', 'star', 'really', 'helpful', 'thats',
    'that', 'very', 'much', 'cool', 'perfect', 'lovely', 'super', 'excellent', 'awesome', 'there', 'all', 'hi', 'hello', 'hey',
    'hiya', 'howdy', 'so', 'many', 'ace', 'fab', 'wonderful', 'appreciated', 'cheers', 'got', 'it'],
  cancelPre: ['no', 'oops', 'sorry', 'not', 'that', 'one', 'ok', 'okay', 'actually', 'wait', 'please', 'pls', 'just'],
  cancelVerb: ['cancel', 'scrap', 'ignore', 'forget', 'undo', 'stop', 'nevermind', 'nvm', 'abort', 'drop'],
  cancelTail: ['that', 'this', 'it', 'wrong', 'action', 'one', 'my', 'mistake', 'please', 'pls', 'thanks', 'last', 'the', 'change',
    'request', 'sorry'],
  helpLead: ['sorry', 'new', 'to', 'this', 'im', 'i', 'am', 'so', 'hi', 'hello', 'quick', 'question', 'please', 'help', 'me', 'out',
    'here', 'but', 'and', 'ok'],
  historyLead: ['show', 'view', 'see', 'get', 'list', 'display', 'whats', 'what', 'is', 'me', 'the', 'full', 'change'],
};

const POLITE_START = new Set(['please', 'pls', 'plz', 'kindly', 'ok', 'okay', 'so', 'um', 'erm', 'hi', 'hello', 'hey', 'hiya', 'we', 'yes',
  'i', 'im', 'happy', 'to', 'for',
  'morning', 'afternoon', 'can', 'could', 'would', 'you', 'u', 'bot', 'tracker', 'action']);
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
