import type { Command } from './command';
import { echo, MAX_ECHO, tooLong } from './command-build';
import { setAsideNumbers, tallyByWhom } from './command-counts';
import { guard, isChange, unsure } from './command-guard';
import { readAgain } from './command-not-change';
import { withDoneOn } from './command-done-on';
import { canBeUnsure, hasHedge, withoutHedges } from './command-hedge';
import { matchPattern } from './command-pattern';
import { COMPILED_EVIDENCE_IN_MESSAGE, COMPILED_NEAR_MISSES, COMPILED_RULES, type CompiledRule } from './command-rules';
import { cleanCommandText, MAX_COMMAND_LENGTH, readableText, tokenize, type Token } from './command-text';
import { readings } from './command-vocabulary';
import { recogniseQuestion } from './questions/intents';
import { reportRequest } from './report/report-request';
import type { IsoDate } from './types';

export { COMMAND_EXAMPLES } from './command-vocabulary';

function firstMatch(
  rules: CompiledRule[],
  text: string,
  readingsOf: (readonly Token[])[],
  today: IsoDate,
): Command | null {
  for (const tokens of readingsOf) {
    for (const rule of rules) {
      for (const pattern of rule.patterns) {
        const captures = matchPattern(pattern, tokens);
        const command = captures ? rule.build(captures, { text, tokens, today }) : null;
        if (command) return command;
      }
    }
  }
  return null;
}

/** `depth` 1 reads a message again without its hedges ("I think SG-4 is done"), to offer the change it names. */
function parse(raw: string, today: IsoDate, depth = 0): Command {
  const text = readableText(raw);
  if (text === null) return tooLong(raw);
  if (/^\?+$/.test(text)) return { kind: 'help' };
  const words = tokenize(text).filter((t) => t.word !== '');
  const none = { kind: 'unknown', text: echo(text), problem: null } as const;
  // "👍", "🙏": a reaction typed as a message.
  if (words.length === 0)
    return /\p{Extended_Pictographic}/u.test(text) ? { kind: 'smallTalk', thanks: /[👍🙏🙌]/u.test(text) } : none;
  const options = readings(words);
  const read =
    firstMatch(COMPILED_RULES, text, options, today) ??
    firstMatch(COMPILED_EVIDENCE_IN_MESSAGE, text, options.slice(0, 1), today) ??
    firstMatch(COMPILED_NEAR_MISSES, text, options, today) ??
    none;
  const checked = guard(read, text, words, echo(text), today);
  const guarded = tallyByWhom(checked, words, today) ?? withDoneOn(checked, today, echo(text));
  const unread = guarded.kind === 'unknown' && guarded.problem === null;
  if (depth > 0 || !(unread || (guarded.kind === 'show' && guarded.offer === undefined))) return guarded;
  // "Lynne says SG-7 is complete", "SG-9 nearly done", "may I sign off SG-6?": the change named once the words
  // around it are set aside, and not made.
  const again = readAgain(text, (rest) => parse(rest, today, depth + 1));
  if (again !== null || !unread || !hasHedge(text)) return again ?? guarded;
  const plain = parse(withoutHedges(text), today, depth + 1);
  // "SG-4 should be done by friday": without its hedge, a plan, and said as one.
  if (plain.kind === 'notChange') return plain;
  return isChange(plain) && canBeUnsure(plain) ? unsure(plain, text, echo(text)) : guarded;
}

/**
 * While the bot waits for the answer to a question (a delay's date or reason), whether this message is that
 * answer rather than a new command. Commands take over, but "delays in recruitment" and "awaiting approval"
 * are reasons, though they start like commands (a near miss, and the decisions list). A half-finished command
 * that names an action ("note SG-4") is not an answer either, so its hint is shown. Requests the grammar
 * leaves to the chat service ("report", "my plans", "what has slipped?") take over only when plainly asked,
 * because reasons are full of their words ("the supplier slipped", "due to staff sickness this month").
 */
export function answersQuestion(command: Command, text: string, today: IsoDate): boolean {
  if (command.kind === 'decisions') return !namesAction(text) && readsAsWaiting(text, today);
  if (command.kind !== 'unknown') return false;
  if (reportRequest(cleanCommandText(text)) !== null || plainlyAsks(text, today)) return false;
  return command.problem === null || !namesAction(text);
}

function namesAction(text: string): boolean {
  return tokenize(cleanCommandText(text.slice(0, MAX_COMMAND_LENGTH))).some((t) => t.ref !== null);
}

/** Lower-case words without apostrophes, as a question would be read. */
function plainWords(text: string): string[] {
  return cleanCommandText(text.slice(0, MAX_COMMAND_LENGTH))
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const WAITING = new Set(['awaiting', 'waiting', 'pending', 'needing', 'still']);

/** "awaiting approval from the board" is a reason; "decisions", "pending decisions?" and "what needs deciding" ask. */
function readsAsWaiting(text: string, today: IsoDate): boolean {
  return (
    WAITING.has(plainWords(text)[0] ?? '') && !text.trim().endsWith('?') && recogniseQuestion(text, today) === null
  );
}

const ASKING = new Set([
  ...['what', 'whats', 'which', 'who', 'whos', 'how', 'hows', 'where', 'when', 'any', 'anything'],
  ...['show', 'list', 'view', 'see', 'give', 'tell', 'is', 'are', 'has', 'have', 'did', 'do', 'does', 'can', 'could'],
]);
/** Lists short enough to be asked for by name alone ("my plans", "summary", "changes"). */
const NAMED_LISTS = new Set(['myPlans', 'summary', 'changed', 'decisions', 'awaitingSignOff', 'rag']);

function plainlyAsks(text: string, today: IsoDate): boolean {
  const question = recogniseQuestion(text, today);
  if (!question) return false;
  const words = plainWords(text);
  return (
    text.trim().endsWith('?') || ASKING.has(words[0] ?? '') || (words.length <= 2 && NAMED_LISTS.has(question.kind))
  );
}

/**
 * Reads a chat message as a command. Pure and total: any text, however long
 * or strange, gives a Command (unknown when it is not one), never an exception.
 * `today` (the plan's today) anchors dates such as "next Friday".
 */
export function parseCommand(text: string, today: IsoDate): Command {
  const raw = typeof text === 'string' ? text : '';
  try {
    const read = parse(raw, today);
    if (read.kind !== 'unknown' || read.problem !== null) return read;
    // "done 5 of the 8 case audits": left unread because its numbers count; the answer says so.
    const problem = setAsideNumbers(tokenize(readableText(raw) ?? ''));
    return problem === null ? read : { ...read, problem };
  } catch {
    const shown = echo(
      raw
        .slice(0, MAX_ECHO)
        .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
        .replace(/\s+/g, ' '),
    );
    return {
      kind: 'unknown',
      text: shown,
      problem: 'Sorry, I couldn\'t read that. Try "help" to see what I understand.',
    };
  }
}
