import type { Command, DateDecision } from './command';
import { readDateAndReason } from './command-delay';
import { compilePattern, matchPattern, type Captures, type Pattern } from './command-pattern';
import { cleanCommandText, MAX_COMMAND_LENGTH, MAX_RAW_LENGTH, tokenize, type Token } from './command-text';
import type { IsoDate, Status } from './types';

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

const MAX_ECHO = 200;

/** Named word sets the patterns below refer to as `$name`. */
const SETS: Record<string, readonly string[]> = {
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
    'being', 'all', 'it'],
  iDid: ['i', 'ive', 'we', 'weve', 'have', 'has', 'just', 'now', 'finally', 'been'],
  bindTail: ['here', 'in', 'on', 'for', 'to', 'this', 'the', 'channel', 'chat', 'conversation', 'team', 'group', 'please', 'now'],
  place: ['this', 'the', 'channel', 'chat', 'conversation', 'team', 'group', 'here'],
  approve: ['approve', 'accept', 'agree', 'allow', 'grant', 'confirm', 'authorise', 'authorize'],
  approved: ['approved', 'accepted', 'agreed', 'allowed', 'granted', 'confirmed', 'authorised', 'authorized', 'ok', 'okay'],
  decline: ['decline', 'reject', 'refuse', 'deny', 'veto', 'disallow', 'disapprove', 'overrule'],
  declined: ['declined', 'rejected', 'refused', 'denied', 'vetoed', 'disallowed', 'disapproved', 'overruled', 'decline', 'reject'],
  /** Words before the thing decided: "the new", "its requested", "this revised due". */
  dateAdj: ['the', 'a', 'this', 'that', 'its', 'their', 'his', 'her', 'new', 'revised', 'requested', 'proposed', 'updated',
    'changed', 'extended', 'later', 'due', 'pending', 'waiting', 'date'],
  /** The thing decided: "date", "request", "date change request". */
  dateNoun: ['date', 'dates', 'deadline', 'request', 'requests', 'extension', 'change', 'move', 'delay', 'reschedule',
    'timescale', 'postponement'],
  beFill: ['is', 'has', 'have', 'been', 'was', 'now', 'be', 'can', 'should', 'its', 'it'],
  decisionWait: ['waiting', 'awaiting', 'pending', 'needing', 'that', 'need', 'needs', 'to', 'for', 'my', 'a', 'your', 'me'],
  historyLead: ['show', 'view', 'see', 'get', 'list', 'display', 'whats', 'what', 'is', 'me', 'the', 'full', 'change'],
};

type Build = (c: Captures, m: MatchText) => Command;
interface Rule {
  patterns: string[];
  build: Build;
}

/** The cleaned text and the words a pattern was matched against, for slicing out free text. */
interface MatchText {
  text: string;
  tokens: readonly Token[];
  today: IsoDate;
}

const REF_NEEDED = (example: string): string => `Which action? For example: ${example}`;
const EVIDENCE_NEEDED = 'What is the evidence? For example: evidence SG-4 https://example.com/report.pdf';
const NOTE_NEEDED = 'What should the note say? For example: note SG-4 spoke to supplier';

/** The words from `from` to the end, as typed, without leading separators; null when nothing is left. */
function textFrom(m: MatchText, from: number | undefined): string | null {
  if (from === undefined || from >= m.tokens.length) return null;
  const last = m.tokens[m.tokens.length - 1];
  const text = m.text
    .slice(m.tokens[from].start, last.end)
    .replace(/^[\s:;,.\-–—=]+/, '')
    .trim();
  return text === '' ? null : text;
}

/** A comment after a status: "because"/"since" dropped, and a bare "thanks" is no comment. */
function commentFrom(m: MatchText, from: number | undefined): string | null {
  const text = textFrom(m, from)?.replace(/^(?:because|since|cos|coz|bc)\b[\s:,-]*/i, '').trim();
  if (!text || /^(?:thanks|thank you|thx|ta|cheers|please|pls|plz)[\s.!]*$/i.test(text)) return null;
  return text;
}

function scopeText(m: MatchText, from: number): string {
  return (textFrom(m, from) ?? '').replace(/^the\s+/i, '').replace(/[\s?!.,;:]+$/, '');
}

function delay(ref: string, m: MatchText, from: number | undefined, statusChange: boolean): Command {
  const { newDate, reason } = readDateAndReason(textFrom(m, from) ?? '', m.today);
  return { kind: 'delay', ref, newDate, reason, statusChange };
}

function withStatus(ref: string, status: Status, m: MatchText, from: number | undefined): Command {
  if (status === 'Delayed') return delay(ref, m, from, true);
  if (status === 'Signed off') return { kind: 'signOff', ref, comment: commentFrom(m, from) };
  return { kind: 'setStatus', ref, status, comment: commentFrom(m, from) };
}

/** A reason after a decision: "because (of)", "as", "due to" and "reason:" dropped; a bare "thanks" is no reason. */
function reasonFrom(m: MatchText, from: number | undefined): string | null {
  const text = textFrom(m, from)
    ?.replace(/^(?:because(?:\s+of)?|since|cos|coz|bc|as|due to|owing to|(?:the\s+)?reasons?(?:\s+(?:is|was|being))?|why)\b[\s:,-]*/i, '')
    .trim();
  if (!text || /^(?:thanks|thank you|thx|ta|cheers|please|pls|plz)[\s.!]*$/i.test(text)) return null;
  return text;
}

const ONE_AT_A_TIME = (ref: string, verb: string): string =>
  `One action at a time, please: ${verb} ${ref}, then send the next one.`;

/** "approve SG-4 and SG-5": the words after the ref start with another ref. */
function anotherRefFollows(m: MatchText, from: number | undefined): boolean {
  if (from === undefined) return false;
  const joiner = ['and', 'or'].includes(m.tokens[from]?.word ?? '') || m.tokens[from]?.word === '';
  const next = m.tokens[joiner ? from + 1 : from];
  return next !== undefined && next.ref !== null;
}

/**
 * "approve SG-4 to 31/01/2027": approving sets the date the owner asked for, so one naming a date of its own
 * is not carried out (it would approve a date the chair did not type); the hint says how to do either.
 */
function namesItsOwnDate(m: MatchText, from: number | undefined, ref: string): Command | null {
  const rest = textFrom(m, from);
  const named = rest ? readDateAndReason(rest, m.today).newDate : null;
  if (!named) return null;
  const date = named.text.replace(/^(?:of|for|on|to|until|till|by)\s+/i, '');
  return unknown(m, `Approving sets the date the owner asked for, so nothing was changed. To approve it: approve ${ref}. To set ${date} instead: move ${ref} to ${date} because …`);
}

/** "SG-4 approved?", "should SG-4 be signed off?": a question about a decision is never taken as one. */
function asked(m: MatchText, ref: string, example: string): Command | null {
  return /\?\s*$/.test(m.text) ? unknown(m, `That reads as a question, so nothing was decided. To decide, say it plainly, for example: ${example.replace('SG-4', ref)}`) : null;
}

function decideDate(c: Captures, m: MatchText, decision: DateDecision): Command {
  const ref = need(c.ref);
  const question = asked(m, ref, decision === 'approve' ? 'approve the new date for SG-4' : 'decline SG-4 because …');
  if (question) return question;
  if (anotherRefFollows(m, c.rest)) return unknown(m, ONE_AT_A_TIME(ref, decision));
  const ownDate = decision === 'approve' ? namesItsOwnDate(m, c.rest, ref) : null;
  if (ownDate) return ownDate;
  const comment = reasonFrom(m, c.rest);
  // "don't approve SG-4 yet" puts a decision off; it does not decline.
  if (decision === 'decline' && comment && /^(?:just\s+)?(?:yet|for now)[.!]*$/i.test(comment)) {
    return unknown(m, `Nothing was decided: the new date for ${ref} still waits. To decline it, say: decline ${ref} because …`);
  }
  return { kind: 'decideDate', ref, decision, comment };
}

function approve(c: Captures, m: MatchText): Command {
  const ref = need(c.ref);
  const question = asked(m, ref, 'approve SG-4');
  if (question) return question;
  if (anotherRefFollows(m, c.rest)) return unknown(m, ONE_AT_A_TIME(ref, 'approve'));
  const ownDate = namesItsOwnDate(m, c.rest, ref);
  if (ownDate) return ownDate;
  return { kind: 'approve', ref, comment: commentFrom(m, c.rest) };
}

function unknown(m: MatchText, problem: string | null): Command {
  return { kind: 'unknown', text: echo(m.text), problem };
}

/** Captures a rule's patterns always provide; a missing one is a bug in the table, reported as unknown. */
const need = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('pattern did not capture what its rule needs');
  return value;
};

/** The commands, first match wins: specific phrasings before the catch-all "SG-4" → show. */
const RULES: Rule[] = [
  {
    patterns: ['help|helo|halp|commands|command|menu|usage|instructions|hi|hello|hey|hiya|howdy|options|start',
      'help me|please|pls', 'show|list|what|whats|are* the|your|all* commands|options',
      'what can|do you|u|i do|say|ask|type', 'how do i use this|you|it', 'how does this|it work', 'get started'],
    build: () => ({ kind: 'help' }),
  },
  {
    patterns: ['cancel|stop|quit|exit|nevermind|nvm|forget that|this|it?', 'never mind', 'no stop|cancel'],
    build: () => ({ kind: 'cancel' }),
  },
  {
    patterns: ['use|bind|link|connect|attach|switch|set to? the? plan {plan} $bindTail*',
      'bind|link|connect|attach|set $place* to plan {plan} $bindTail*',
      '$place* is|uses|for plan {plan} $bindTail*', 'switch|change|set the? plan to {plan} $bindTail*'],
    build: (c) => ({ kind: 'bindPlan', planId: need(c.plan) }),
  },
  {
    // What waits for a chair's decision: "decisions", "dates to decide", "what's waiting for approval".
    patterns: ['$ask* my|the|all|any|pending|open|outstanding|waiting* decisions|approvals $decisionWait* decide|deciding|me|now?',
      '$ask* my|the|all|any|pending|open|outstanding|waiting|new* dates|date|requests|request $dateNoun* $decisionWait* decide|deciding|decision|decisions|approve|approving|approval',
      '$ask* $decisionWait* $decisionWait approval|approvals|decision|decisions|deciding|approving',
      '$ask* to decide|approve'],
    build: () => ({ kind: 'decisions' }),
  },
  {
    patterns: ['$ask* my overdue|late $things?', '$ask* overdue|late $things? for|with $me',
      'which|what of? my $things are|is overdue|late', 'am i overdue|late on? anything?', 'what|which have|do i got|have? overdue|late'],
    build: () => ({ kind: 'myActions', which: 'overdue' }),
  },
  {
    patterns: ['$ask* my|$things* due soon|shortly|next', '$ask* my|$things* due in|within|this|next|the|coming* two|2|a? fortnight|week|weeks',
      '$ask* my|$things* coming up|soon', '$ask* my* upcoming $things|deadlines?'],
    build: () => ({ kind: 'myActions', which: 'dueSoon' }),
  },
  {
    patterns: ['$ask* my open|current|outstanding|own? $things|list|stuff|work', '$ask* mine',
      'what|which $things? do|have i own|have|got', '$things assigned? for|to $me'],
    build: () => ({ kind: 'myActions', which: 'all' }),
  },
  {
    patterns: ['$ask|$things* overdue|late $things? {scope}'],
    build: (c, m) => ({ kind: 'overdue', scope: c.scope ? { kind: c.scope.kind, text: scopeText(m, c.scope.from) } : null }),
  },
  {
    patterns: ['$historyLead* history|changes|log|audit|timeline of|for|to|on? {ref}', '{ref} history|changes|log|audit|timeline',
      'what|whats has|have? changed|happened on|to|with|for {ref}', 'who changed|updated {ref}'],
    build: (c) => ({ kind: 'history', ref: need(c.ref) }),
  },
  {
    // A decision on the new date an owner asked for, named as such: "approve the new date for SG-4", "SG-4's new date approved".
    patterns: ['$approve $dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} {rest?}',
      '$approve {ref} $dateAdj* $dateNoun $dateNoun* {rest?}',
      'yes to? $dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} {rest?}',
      '{ref} $dateAdj* $dateNoun $dateNoun* $beFill* $approved {rest?}',
      '$dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} $beFill* $approved {rest?}'],
    build: (c, m) => decideDate(c, m, 'approve'),
  },
  {
    // Declining only ever concerns a new date: "decline SG-4 because …", "reject the new date for SG-4: not justified".
    patterns: ['$decline {ref} $dateAdj* $dateNoun $dateNoun* {rest?}',
      '$decline $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'turn down $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'i|we? do|will|can|shall|should? not approve|accept|allow|agree $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'i|we? dont|wont|cant|cannot|shouldnt approve|accept|allow|agree $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'no to? $dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} {rest?}',
      '{ref} $beFill* declined|rejected {rest?}', '{ref} $dateAdj* $dateNoun $dateNoun* $beFill* $declined {rest?}',
      '$dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} $beFill* $declined {rest?}'],
    build: (c, m) => decideDate(c, m, 'decline'),
  },
  {
    // "approve SG-4" alone: its new date if one is waiting, else its sign-off (worked out against the register).
    patterns: ['approve {ref} {rest?}', '{ref} $beFill* approved {rest?}'],
    build: approve,
  },
  {
    patterns: ['please|ready|for|to* sign|signed off|of {ref} {rest?}', 'signoff|sign-off|signedoff {ref} {rest?}',
      'sign {ref} off {rest?}', '{ref} is|has|been|can|be|ready|to|for* sign|signed off|of {rest?}',
      '{ref} is|has|been|can|be* signoff|sign-off|signedoff {rest?}'],
    build: (c, m) => asked(m, need(c.ref), 'sign off SG-4') ?? { kind: 'signOff', ref: need(c.ref), comment: commentFrom(m, c.rest) },
  },
  {
    patterns: ['add|attach|upload|log|record|save? the|some|new|an? evidence|proof to|for|on|against? {ref} {rest}',
      '{ref} add? evidence|proof {rest}'],
    build: (c, m) => {
      const text = textFrom(m, c.rest);
      return text === null ? unknown(m, EVIDENCE_NEEDED) : { kind: 'evidence', ref: need(c.ref), text };
    },
  },
  {
    // A status change; "delayed" becomes a delay ("SG-4 delayed to 30/09/2026") and "signed off" a sign-off.
    patterns: ['mark|set|flag|change|make|put|move {ref} status? as|to|is* {status} {rest?}',
      'update|change {ref} status? to|as {status} {rest?}', 'update|change {ref} status {status} {rest?}',
      'update|change|set|mark the? status of|for|on {ref} to|as|is? {status} {rest?}',
      '{ref} $setFill* {status} {rest?}', '$iDid* {status} {ref} {rest?}'],
    build: (c, m) => withStatus(need(c.ref), need(c.status), m, c.rest),
  },
  {
    patterns: ['add|log|record|write|make|leave? a|the|new? note|notes|comment to|for|on|against? {ref} {rest}',
      '{ref} add? a? note|notes|comment|update {rest}', 'update|progress|news on|for|to? {ref} {rest}'],
    build: (c, m) => {
      const text = textFrom(m, c.rest);
      return text === null ? unknown(m, NOTE_NEEDED) : { kind: 'note', ref: need(c.ref), text };
    },
  },
  {
    patterns: ['delay|postpone|defer {ref} {rest?}'],
    build: (c, m) => delay(need(c.ref), m, c.rest, true),
  },
  {
    patterns: ['move|reschedule|extend|shift|rearrange {ref} {rest?}', 'push|put {ref} back|out|forward? {rest?}',
      'push|put back|out {ref} {rest?}', '{ref} new|revised|updated due? date|deadline {rest?}',
      'change|set|update|new|revised the? due? date|deadline of|for|on? {ref} {rest?}',
      '{ref} has|was|been|is|now* moved|rescheduled|extended|pushed back|out? {rest?}', '{ref} is? now due {rest}'],
    build: (c, m) => delay(need(c.ref), m, c.rest, false),
  },
  {
    patterns: ['$show* {ref} $showTail*'],
    build: (c) => ({ kind: 'show', ref: need(c.ref) }),
  },
];

/** Commands that nearly matched: the word is there but a piece is missing. Always `unknown`, with a problem. */
const NEAR_MISSES: Rule[] = [
  { patterns: ['add|attach? the|some|new|an? evidence|proof to|for|on|against? {ref}', '{ref} add? evidence|proof'],
    build: (_, m) => unknown(m, EVIDENCE_NEEDED) },
  { patterns: ['add|leave? a|the|new? note|notes|comment to|for|on|against? {ref}', '{ref} add? a? note|notes|comment'],
    build: (_, m) => unknown(m, NOTE_NEEDED) },
  { patterns: ['mark|set|flag|change|update {ref} status? as|to|is* {rest?}'],
    build: (_, m) => unknown(m, 'What status? For example: SG-4 done, SG-4 on track, SG-4 at risk: waiting for IT, SG-4 not started or SG-4 cancelled.') },
  { patterns: ['use|bind|link|connect|attach|switch|set to? the? plan {rest?}', '$place* is|uses plan {rest?}'],
    build: (_, m) => unknown(m, 'Which plan? Give its id in one word, for example: use plan ofsted-2011 here') },
  { patterns: ['$show* show|details|detail|info|status|open'], build: (_, m) => unknown(m, REF_NEEDED('show SG-4')) },
  { patterns: ['$historyLead* history|changes|timeline of|for|to|on?'], build: (_, m) => unknown(m, REF_NEEDED('history SG-4')) },
  { patterns: ['sign|signed off|of {rest?}', 'signoff|sign-off {rest?}'], build: (_, m) => unknown(m, REF_NEEDED('sign off SG-4')) },
  { patterns: ['approve {rest?}', '$approve $dateAdj* $dateNoun $dateNoun*'], build: (_, m) => unknown(m, REF_NEEDED('approve SG-4')) },
  { patterns: ['$decline $dateAdj* $dateNoun*', 'turn down $dateAdj* $dateNoun*'],
    build: (_, m) => unknown(m, REF_NEEDED('decline SG-4 because the inspection date is fixed')) },
  { patterns: ['add|attach? the|some|new|an? evidence|proof {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('evidence SG-4 https://example.com/report.pdf')) },
  { patterns: ['add|leave? a|the|new? note|notes|comment {rest?}'], build: (_, m) => unknown(m, REF_NEEDED('note SG-4 spoke to supplier')) },
  { patterns: ['mark|set|flag {rest?}'], build: (_, m) => unknown(m, REF_NEEDED('mark SG-4 complete')) },
  { patterns: ['delay|postpone|defer {rest?}'], build: (_, m) => unknown(m, REF_NEEDED('SG-4 delayed to 30/09/2026 because supplier problems')) },
  { patterns: ['move|reschedule|extend|push {rest?}'], build: (_, m) => unknown(m, REF_NEEDED('move SG-4 to end of October')) },
];

type CompiledRule = { patterns: Pattern[]; build: Build };
const compile = (rules: Rule[]): CompiledRule[] =>
  rules.map((r) => ({ patterns: r.patterns.map((p) => compilePattern(p, SETS)), build: r.build }));
const COMPILED_RULES = compile(RULES);
const COMPILED_NEAR_MISSES = compile(NEAR_MISSES);

const POLITE_START = new Set(['please', 'pls', 'plz', 'kindly', 'ok', 'okay', 'so', 'um', 'erm', 'hi', 'hello', 'hey', 'hiya',
  'morning', 'afternoon', 'can', 'could', 'would', 'you', 'u', 'bot', 'tracker']);
const POLITE_END = new Set(['please', 'pls', 'plz', 'thanks', 'thx', 'ta', 'cheers', 'thank', 'you', 'mate']);

/** The words as typed, then without greetings and pleasantries around them. */
function readings(words: readonly Token[]): (readonly Token[])[] {
  let start = 0;
  let end = words.length;
  while (start < end && POLITE_START.has(words[start].word)) start++;
  while (end > start && POLITE_END.has(words[end - 1].word)) end--;
  const polite = words.slice(start, end);
  return polite.length > 0 && polite.length < words.length ? [words, polite] : [words];
}

function firstMatch(rules: CompiledRule[], text: string, readingsOf: (readonly Token[])[], today: IsoDate): Command | null {
  for (const tokens of readingsOf) {
    for (const rule of rules) {
      for (const pattern of rule.patterns) {
        const captures = matchPattern(pattern, tokens);
        if (captures) return rule.build(captures, { text, tokens, today });
      }
    }
  }
  return null;
}

function echo(text: string): string {
  const chars = Array.from(text.slice(0, MAX_ECHO * 2));
  return chars.length > MAX_ECHO ? chars.slice(0, MAX_ECHO).join('').trim() : text.trim();
}

function tooLong(raw: string): Command {
  return {
    kind: 'unknown',
    text: echo(cleanCommandText(raw.slice(0, MAX_COMMAND_LENGTH))),
    problem: `That message is too long for me to read: send one short command (up to ${MAX_COMMAND_LENGTH.toLocaleString('en-GB')} characters), for example "help".`,
  };
}

function parse(raw: string, today: IsoDate): Command {
  if (raw.length > MAX_RAW_LENGTH) return tooLong(raw);
  const text = cleanCommandText(raw);
  if (text.length > MAX_COMMAND_LENGTH) return tooLong(raw);
  if (/^\?+$/.test(text)) return { kind: 'help' };
  const words = tokenize(text).filter((t) => t.word !== '');
  const none = { kind: 'unknown', text: echo(text), problem: null } as const;
  if (words.length === 0) return none;
  const options = readings(words);
  return firstMatch(COMPILED_RULES, text, options, today) ?? firstMatch(COMPILED_NEAR_MISSES, text, options, today) ?? none;
}

/**
 * Reads a chat message as a command. Pure and total: any text, however long
 * or strange, gives a Command (unknown when it is not one), never an exception.
 * `today` (the plan's today) anchors dates such as "next Friday".
 */
/**
 * While the bot waits for the answer to a question (a delay's date or reason), whether this message is that
 * answer rather than a new command. Commands take over, but "delays in recruitment" and "awaiting approval"
 * are reasons, though they start like commands (a near miss, and the decisions list). A half-finished command
 * that names an action ("note SG-4") is not an answer either, so its hint is shown.
 */
export function answersQuestion(command: Command, text: string): boolean {
  if (command.kind === 'decisions') return !namesAction(text);
  if (command.kind !== 'unknown') return false;
  return command.problem === null || !namesAction(text);
}

function namesAction(text: string): boolean {
  return tokenize(cleanCommandText(text.slice(0, MAX_COMMAND_LENGTH))).some((t) => t.ref !== null);
}

export function parseCommand(text: string, today: IsoDate): Command {
  const raw = typeof text === 'string' ? text : '';
  try {
    return parse(raw, today);
  } catch {
    const shown = echo(raw.slice(0, MAX_ECHO).replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' '));
    return { kind: 'unknown', text: shown, problem: "Sorry, I couldn't read that. Try \"help\" to see what I understand." };
  }
}
