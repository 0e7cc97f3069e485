import type { Command } from './command';
import type { Captures } from './command-pattern';
import { type MatchText, unknown } from './command-build';
import { readDoneOn } from './command-done-on';
import { MONTH_NAMES } from './month-names';
import { numericDate } from './uk-date-result';

/** Words that tie a thing finished to the action it is for: "the protocol for A.2.1", "the audit on SG-4". */
const TIES = new Set(['for', 'on', 'of', 'towards', 'toward', 'under', 'within']);
/** Words that name no thing of their own: "finished off SG-9", "done with SG-9" and "finished it for SG-9" are the action. */
const NO_THING = new Set(['off', 'with', 'up', 'it', 'this', 'that', 'work', 'everything', 'all', 'now', 'today']);

/**
 * "finished the protocol for A.2.1 on 27/11", "completed the audit for SG-4": a thing finished for an action may be
 * only part of it, so the action is not completed. The reply gives the one message to send if all of it is done (with
 * the day said, `when`) and the words whole as a note, to record progress. Null when the words name no such thing.
 */
export function partOf(c: Captures, m: MatchText): Command | null {
  const from = c.rest;
  if (c.status !== 'Complete' || from === undefined) return null;
  const { tokens } = m;
  const at = tokens.findIndex((t, i) => i > from && t.ref !== null);
  if (at < 0 || !TIES.has(tokens[at - 1].word)) return null;
  const thing = tokens.slice(from, at - 1).filter((t) => t.word !== '');
  if (thing.length === 0 || thing.some((t) => t.ref !== null) || thing.every((t) => NO_THING.has(t.word))) return null;
  const ref = tokens[at].ref;
  if (ref === null) return null;
  const after = m.text.slice(tokens[at].end).trim();
  const day = readDoneOn(after === '' ? null : after, m.today);
  const when = day.kind === 'day' ? day.date : null;
  return { kind: 'notChange', ref, why: 'partOf', change: 'Complete', when, note: m.text.trim() };
}

/** "finished back in October", naming no action: which action, and which day (a month is not one; see command-done-on.ts). */
export function monthWithoutRef(c: Captures, m: MatchText): Command | null {
  if (c.status !== 'Complete' || c.rest === undefined || m.tokens.some((t) => t.ref !== null)) return null;
  const rest = m.text.slice(m.tokens[c.rest].start);
  const read = readDoneOn(rest, m.today);
  if (read.kind !== 'month') return null;
  const month = `${MONTH_NAMES[Number(read.example.slice(5, 7)) - 1]} ${read.example.slice(0, 4)}`;
  return unknown(
    m,
    `A month is not a day. Which action, and which day in ${month} was it done? For example: SG-4 done on ${numericDate(read.example)}`,
  );
}
