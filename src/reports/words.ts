import { formatUkDate, formatUkDayOf } from '../domain/calendar';
import { RAG_LABELS } from '../domain/rag';
import { CommitteeReport } from '../domain/report/types';
import { Action, Evidence, IsoDate, Rag } from '../domain/types';
import { Block, tableOr } from './document';
import { evidenceLine } from '../domain/evidence-shown';

/** The small phrases every section shares. */
export interface Words {
  date(date: IsoDate | null): string;
  day(instant: string): string;
  person(email: string): string;
  owner(action: Action): string;
  rag(rag: Rag): string;
  days(n: number): string;
  evidence(evidence: readonly Evidence[]): string;
}

/** The columns that name an action, first in each table of actions; `named` fills them. */
export const NAMED_COLUMNS: readonly string[] = ['Ref', 'Action', 'Owner'];

/** The cells under `NAMED_COLUMNS`: the action's ref, its title and its owner. */
export const named = (w: Words, action: Action): string[] => [action.ref, action.title, w.owner(action)];

/** A table of actions, or `empty` when there are none: each row is `named`, then the cells of `columns`. */
export const actionsTable = <T extends { action: Action }>(
  w: Words,
  empty: string,
  columns: readonly string[],
  items: readonly T[],
  cells: (item: T) => string[],
): Block =>
  tableOr(
    empty,
    [...NAMED_COLUMNS, ...columns],
    items.map((item) => [...named(w, item.action), ...cells(item)]),
  );

export function wordsFor(report: CommitteeReport): Words {
  // An owner's name is known from their actions even when the people store has no row for them.
  const owners = new Map<string, string>();
  for (const { owner } of report.appendix.map((r) => r.action))
    if (owner?.displayName) owners.set(owner.email.toLowerCase(), owner.displayName);
  const person = (email: string) => report.names[email] ?? owners.get(email.toLowerCase()) ?? email;
  return {
    date: (date) => (date ? formatUkDate(date) : 'no date'),
    day: (instant) => formatUkDayOf(instant, report.plan.timeZone),
    person,
    owner: (action) => (action.owner ? (action.owner.displayName ?? person(action.owner.email)) : 'No owner'),
    rag: (rag) => RAG_LABELS[rag],
    days: (n) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'day' : 'days'}`,
    evidence: (evidence) => (evidence.length ? evidence.map(evidenceLine).join('; ') : 'None recorded'),
  };
}

/** "+2", "−1" or "no change". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : 'no change';
}
