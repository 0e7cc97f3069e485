import { formatUkDate } from './calendar';
import { COMPLETED_ON, doneOnWords, isDoneOnCorrection, statedDoneOn } from './completed-on';
import { fieldLabel } from './history';
import { FieldChange, HistoryEntry, Via } from './types';

/** A person's display name where it is known, else their email. */
export type NameOf = (email: string) => string;

export interface HistoryLines {
  /** The person who made the change by name (or the command line's account, "cli:jo"), or null for a job or the demo. */
  who: string | null;
  /** How the change was made, in words: "in chat", "import". */
  how: string;
  lines: string[];
  /** The reason or comment, shown once, under the lines. */
  comment: string | null;
}

const HOW: Record<Via, string> = {
  chat: 'in chat',
  card: 'on a card',
  import: 'import',
  job: 'automatic',
  cli: 'command line',
};
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
/** A stored date request as history keeps it: "2027-04-03: staff sickness". */
export const REQUEST = /^(\d{4}-\d\d-\d\d): ([\s\S]*)$/;
const MAX_VALUE = 200;
const EMAIL = /[^\s()<>@,;:]+@[^\s()<>@,;:]+\.[a-z]{2,}/gi;

const clip = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE - 1).trimEnd()}…` : flat;
};

const isEmail = (by: string) => by.includes('@');
/**
 * Who made a change, as history names them: someone in Teams (by email), or the account that ran the command
 * line ("cli:jo", the `--by` default), so that an import is never anonymous.
 */
const isPerson = (by: string) => isEmail(by) || by.startsWith('cli:');

/** What gave a value or made a change when no person did, in words; never its internal id ("demo-seed", "cli:jo"). */
const GIVEN_BY: Record<Via, string> = {
  chat: 'someone in chat',
  card: 'someone on a card',
  import: 'an import',
  job: 'the bot',
  cli: 'the command line',
};

/** Who gave something, as people read it: a person by name, else what gave it ("an import"). */
export function giverName(by: string, via: Via, nameOf: NameOf): string {
  return isEmail(by) ? nameOf(by) : GIVEN_BY[via];
}

/** Updates the bot writes name people by email ("asked for by alexw@…"); people read names. */
export function namesIn(text: string, nameOf: NameOf): string {
  return text.replace(EMAIL, (email) => {
    const name = nameOf(email.toLowerCase());
    return name === email.toLowerCase() ? email : name;
  });
}

/** A stored value as people read it: dates as "5 Oct 2026", owners by name, a date request as its date and reason. */
export function historyValue(field: string, value: string, nameOf: NameOf, comment: string | null = null): string {
  if (ISO_DATE.test(value)) return formatUkDate(value);
  if (field === 'owner') return nameOf(value);
  if (field === 'dateRequest') {
    const m = REQUEST.exec(value);
    // The reason is already shown once as the entry's comment.
    if (m) return m[2].trim() === comment?.trim() ? formatUkDate(m[1]) : `${formatUkDate(m[1])} (${clip(m[2])})`;
  }
  if (field === 'latestUpdate') return clip(namesIn(value, nameOf));
  return clip(value);
}

/** One change in words: "Status: Not started → Complete", "Revised due date: 31 Jan 2027", "Theme: removed (was …)". */
export function changeLine(c: FieldChange, nameOf: NameOf, comment: string | null = null): string {
  const label = fieldLabel(c.field);
  const show = (v: string) => historyValue(c.field, v, nameOf, comment);
  // The earlier update is in the entry before; only the new one says anything here.
  if (c.field === 'latestUpdate') return c.to === null ? `${label}: removed` : `${label}: ${show(c.to)}`;
  if (c.field === 'dateRequest' && c.to === null && c.from !== null)
    return `${label}: ${show(c.from)}, no longer waiting`;
  if (c.from === null) return `${label}: ${c.to === null ? 'none' : show(c.to)}`;
  if (c.to === null) return `${label}: removed (was ${show(c.from)})`;
  return `${label}: ${show(c.from)} → ${show(c.to)}`;
}

/**
 * Whether a line only repeats what another says: a reason that is also the comment or inside the new
 * latest update, or a request settled by the very date it asked for.
 */
function repeats(c: FieldChange, all: readonly FieldChange[], comment: string | null): boolean {
  const to = (field: string) => all.find((o) => o.field === field)?.to ?? null;
  if (c.field === 'dateRequest' && c.to === null && c.from !== null)
    return to('revisedDueDate') === REQUEST.exec(c.from)?.[1];
  if (c.to === null) return false;
  if (c.field === 'revisionReason')
    return c.to.trim() === comment || (to('latestUpdate')?.includes(c.to.trim()) ?? false);
  return c.field === 'latestUpdate' && comment !== null && c.to.includes(comment);
}

/**
 * The first import of an action: one line saying what came in, not every field "from nothing". A later import that
 * only fills fields left empty (a measure's target) has no status among them, and is told field by field.
 */
function importedLine(changes: readonly FieldChange[], nameOf: NameOf): string | null {
  if (changes.length === 0 || changes.some((c) => c.from !== null) || !changes.some((c) => c.field === 'status'))
    return null;
  const to = (field: string) => changes.find((c) => c.field === field)?.to ?? null;
  const due = to('originalDueDate');
  const owner = to('owner');
  const status = to('status');
  const parts = [
    due ? `due ${formatUkDate(due)}` : 'no due date',
    owner ? `owner ${to('ownerName') ?? nameOf(owner)}${to('agency') ? ` (${to('agency')})` : ''}` : 'no owner',
    status ? status.toLowerCase() : null,
  ].filter((p): p is string => p !== null);
  return `Imported: ${parts.join(', ')}`;
}

/** The completion's line says the day it was done, when one was said: "Status: On track → Complete (done on Fri 27 Nov 2026)". */
function withDoneOn(c: FieldChange, line: string, entry: HistoryEntry): string {
  const day = c.field === 'status' && c.to === 'Complete' ? statedDoneOn(entry) : null;
  return day ? `${line} (${doneOnWords(day)})` : line;
}

/** "Completion day corrected from 27 Nov 2026 to 20 Nov 2026": a day done said again once complete (correct-done-on.ts). */
function correctionLine(c: FieldChange): string {
  const to = c.to === null ? 'none' : formatUkDate(c.to);
  return c.from === null
    ? `Completion day given: ${to}`
    : `Completion day corrected from ${formatUkDate(c.from)} to ${to}`;
}

/** A history entry as people read it. */
export function historyLines(entry: HistoryEntry, nameOf: NameOf): HistoryLines {
  const comment = entry.comment?.trim() || null;
  const imported = entry.via === 'import' ? importedLine(entry.changes, nameOf) : null;
  const lines = imported
    ? [imported]
    : entry.changes
        // The owner line already names the owner.
        .filter((c) => !(c.field === 'ownerName' && entry.changes.some((o) => o.field === 'owner')))
        .filter((c) => !repeats(c, entry.changes, comment) && (c.field !== COMPLETED_ON || isDoneOnCorrection(entry)))
        .map((c) =>
          c.field === COMPLETED_ON ? correctionLine(c) : withDoneOn(c, changeLine(c, nameOf, comment), entry),
        );
  return { who: isPerson(entry.by) ? nameOf(entry.by) : null, how: HOW[entry.via], lines, comment };
}

/** "Alex Wilber · in chat", or just "import" when no person made the change. */
export function historyByline(h: Pick<HistoryLines, 'who' | 'how'>): string {
  return h.who ? `${h.who} · ${h.how}` : h.how;
}
