import { formatUkDate } from './calendar';
import { parseFileDate } from './file-date';
import { currentDueDate } from './rag';
import { TEXT_LIMITS } from './text-limits';
import { numericDate } from './uk-date-result';
import { dueDateFromTimescale, parseTimescale } from './timescale';
import { Action, IsoDate } from './types';

/** A row's dates as the file gives them; absent when the file leaves them blank. */
export interface ImportedDates {
  timescale?: string;
  /** Set (possibly to null, for "no due date") only when the file gives a timescale or due date. */
  originalDueDate?: IsoDate | null;
  /** Set when the original due date is the timescale counted from the plan's baseline (the row gives no due date). */
  dueFromTimescale?: true;
  /** The due date the action has now (the export's "Current due date"), when the file gives one. */
  currentDueDate?: IsoDate;
  /** Why the current due date is not the original one (the export's "Reason for new date"). */
  revisionReason?: string;
}

export interface DateCells {
  timescale: string;
  due: string;
  currentDue: string;
  revisionReason: string;
}

/** Reads a row's timescale, due dates and the reason for a new date; a due date overrides the timescale. */
export function readRowDates(
  c: DateCells,
  baseline: IsoDate,
  today: IsoDate,
): { dates: ImportedDates; problems: string[] } {
  const dates: ImportedDates = {};
  const problems: string[] = [];
  if (c.timescale !== '') {
    const timescale = parseTimescale(c.timescale);
    if (!timescale.ok) problems.push(timescale.error);
    else {
      dates.timescale = c.timescale;
      dates.originalDueDate = dueDateFromTimescale(timescale.timescale, baseline);
      if (c.due === '') dates.dueFromTimescale = true;
    }
  }
  const date = (text: string, what: string, set: (d: IsoDate) => void) => {
    if (text === '') return;
    const read = parseFileDate(text, today);
    if (!read.ok) problems.push(`the ${what} "${text}" is not a date we can use. ${read.error}`);
    else set(read.date);
  };
  date(c.due, 'due date', (d) => (dates.originalDueDate = d));
  date(c.currentDue, 'current due date', (d) => (dates.currentDueDate = d));
  if (c.revisionReason.length > TEXT_LIMITS.reason)
    problems.push(
      `the reason for the new date is ${c.revisionReason.length.toLocaleString('en-GB')} characters long; the most is ${TEXT_LIMITS.reason.toLocaleString('en-GB')}`,
    );
  else if (c.revisionReason !== '') dates.revisionReason = c.revisionReason;
  return { dates, problems };
}

/**
 * A new action's moved due date, as the file gives it: the current due date with its reason, when it is
 * not the original. Without a reason nothing is moved, and `dueDateProblem` refuses the row.
 */
export function importedRevision(
  row: ImportedDates,
  originalDueDate: IsoDate | null,
): Pick<Action, 'revisedDueDate' | 'revisionReason' | 'revisionCount'> | null {
  const moved = row.currentDueDate !== undefined && originalDueDate !== null && row.currentDueDate !== originalDueDate;
  if (!moved || !row.revisionReason) return null;
  return { revisedDueDate: row.currentDueDate!, revisionReason: row.revisionReason, revisionCount: 1 };
}

/** The reason for a moved due date, as the export writes it: none when the date is where it started. */
export function reasonForNewDate(action: Action): string | null {
  return action.revisedDueDate !== null && currentDueDate(action) !== action.originalDueDate
    ? action.revisionReason
    : null;
}

/**
 * Why a row's current due date (or its reason) cannot be imported, or null. A new date needs a reason, and
 * an action already in the register is moved in Teams, where it is decided and its owner told: an import
 * never moves it, and says so rather than leaving the edit out.
 */
export function dueDateProblem(
  existing: Action | null,
  row: ImportedDates & { ref: string },
  after: Action,
): string | null {
  const reason = row.revisionReason;
  if (existing === null) {
    const original = after.originalDueDate;
    const moved = row.currentDueDate !== undefined && original !== null && row.currentDueDate !== original;
    if (moved && !reason)
      return `the current due date (${formatUkDate(row.currentDueDate!)}) is not the original due date (${formatUkDate(original)}), and no reason for the new date is given. A new date needs a reason: add it in a "Reason for new date" column, or make the two dates the same`;
    if (!moved && reason)
      return `a reason for a new date is given, but the current due date is not a new one; give the new date in a "Current due date" column, or leave the reason blank`;
    return null;
  }
  const original = originalDueDateProblem(existing, row);
  if (original) return original;
  const current = currentDueDate(after);
  if (row.currentDueDate !== undefined && current !== row.currentDueDate) {
    const given = formatUkDate(row.currentDueDate);
    const now = current === null ? 'no due date' : `the current due date ${formatUkDate(current)}`;
    return `${row.ref} has ${now} in the register, and the file says ${given}. An import does not move an action's due date: a new date needs a reason and is decided in Teams, where the owner is told (for example "${row.ref} delayed to ${numericDate(row.currentDueDate)} because …"). Put back ${current === null ? 'a blank' : formatUkDate(current)}, or leave the cell blank`;
  }
  const kept = reasonForNewDate(existing) ?? '';
  if (reason !== undefined && reason !== kept)
    return kept === ''
      ? `a reason for a new date is given, but ${row.ref}'s due date has not moved in the register. An import does not move it: a new date is decided in Teams. Leave the reason blank`
      : `the reason for ${row.ref}'s new date is not the one the register keeps ("${kept.slice(0, 60)}"). An import does not change it: it was given when the date moved. Put it back, or leave the cell blank`;
  return null;
}

/**
 * Why a row would move the original due date of an action already in the register, or null. Its file may
 * say another date, or a timescale that counts to another one (from another baseline, or edited); either
 * would turn an overdue action green with no reason, unseen by the committee's slippage list. An action
 * with no due date yet may be given one: nothing moves.
 */
function originalDueDateProblem(existing: Action, row: ImportedDates & { ref: string }): string | null {
  const was = existing.originalDueDate;
  if (row.originalDueDate === undefined || was === null || row.originalDueDate === was) return null;
  const file = row.dueFromTimescale
    ? `its timescale "${row.timescale}", counted from the plan's baseline, ${row.originalDueDate === null ? 'gives it no due date' : `makes it due ${formatUkDate(row.originalDueDate)}`}`
    : `the file says ${row.originalDueDate === null ? 'none' : formatUkDate(row.originalDueDate)}`;
  const example =
    row.originalDueDate === null
      ? ''
      : ` (for example "${row.ref} delayed to ${numericDate(row.originalDueDate)} because …")`;
  const putBack = row.dueFromTimescale
    ? `Give the due date ${formatUkDate(was)} in a "Due date" column, or leave the timescale blank`
    : `Put back ${formatUkDate(was)}, or leave the cell blank`;
  const stillCurrent = currentDueDate(existing);
  const alsoCurrent =
    row.currentDueDate !== undefined && row.currentDueDate !== stillCurrent
      ? `. Its current due date is ${stillCurrent === null ? 'none' : formatUkDate(stillCurrent)} in the register and ${formatUkDate(row.currentDueDate)} in the file: put that back too`
      : '';
  return `${row.ref} has the original due date ${formatUkDate(was)} in the register, and ${file}. An import does not move an action's due date: a new date needs a reason and is decided in Teams, where the owner is told${example}. ${putBack}${alsoCurrent}`;
}
