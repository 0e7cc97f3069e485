import type { Token } from './command-text';
import { wordMatches } from './command-text';
import { parseStatus } from './status';
import type { Status } from './types';

/** How people say a status in chat → the word `parseStatus` knows it by. */
const SAID: readonly [string, string][] = [
  ['not started', 'not started'],
  ['not yet started', 'not yet started'],
  ['not begun', 'not started'],
  ['on track', 'on track'],
  ['on target', 'on track'],
  ['in progress', 'in progress'],
  ['underway', 'in progress'],
  ['under way', 'in progress'],
  ['ongoing', 'in progress'],
  ['started', 'in progress'],
  ['at risk', 'at risk'],
  ['complete', 'complete'],
  ['completed', 'completed'],
  ['done', 'done'],
  ['finished', 'complete'],
  ['complete awaiting sign off', 'complete awaiting sign off'],
  ['awaiting sign off', 'awaiting sign off'],
  ['cancelled', 'cancelled'],
  ['canceled', 'canceled'],
  ['cancel', 'cancelled'],
  ['withdrawn', 'withdrawn'],
  ['delayed', 'delayed'],
  ['late', 'late'],
  ['slipped', 'delayed'],
  ['slipping', 'delayed'],
  ['postponed', 'delayed'],
  ['behind', 'delayed'],
  ['behind schedule', 'delayed'],
  ['signed off', 'signed off'],
  ['sign off', 'signed off'],
  // RAG colours people use for the status they mean; red is asked about (delayed or at risk?).
  ['amber', 'at risk'],
  ['green', 'on track'],
  ['running late', 'delayed'],
  ['running behind', 'delayed'],
  ['slip', 'delayed'],
  ['delay', 'delayed'],
];

interface StatusPhrase {
  words: string[];
  status: Status;
}

const PHRASES: StatusPhrase[] = SAID.flatMap(([said, known]) => {
  const result = parseStatus(known);
  return result.ok ? [{ words: said.split(' '), status: result.status }] : [];
}).sort((a, b) => b.words.length - a.words.length);

/** The statuses named by the words at `at`, longest phrase first, with how many words each took. */
export function statusesAt(tokens: readonly Token[], at: number): { length: number; status: Status }[] {
  return PHRASES.filter((p) =>
    p.words.every((w, i) => tokens[at + i] !== undefined && wordMatches(tokens[at + i].word, w)),
  ).map((p) => ({ length: p.words.length, status: p.status }));
}
