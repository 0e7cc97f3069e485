import { addDays, daysBetween, daysInMonth, formatUkDate, isoFromParts, partsOf, weekdayOf } from './calendar';
import { monthFromWord, weekdayFromWord } from './month-names';
import { COUNT_PATTERN, parseCount } from './number-words';
import type { Command } from './command';
import { tidyComment } from './command-build';
import type { IsoDate } from './types';
import { readsAsDate, readUkDate } from './uk-date';

/**
 * The day a completion says it was done ("SG-9 done last Friday", "finished yesterday", "completed on 27 Nov",
 * "we finished SG-9 on Monday"), read from the first clause of the words after the status, in the plan's calendar.
 * Whether the day may be recorded (not before the plan's baseline) is the register's to say: see completed-on.ts.
 *   day         a day gone (or today), with the words left once the day is taken out
 *   future      a day still to come: a plan, not news (see the promise rule in command-not-change.ts)
 *   unreadable  words that try to be a date and are not one ("on 32/11/2026", "on the 27th"), with why
 *   month       a month gone, not a day ("back in October", "in October", "during June", "last month"), with a day in
 *               it to show how to say one; recorded as done today it would be weeks wrong, so nothing is recorded
 *   none        no day said ("SG-9 done", "done last week", "done on time", "done by 20/11")
 */
export type DoneOn =
  | { kind: 'day'; date: IsoDate; rest: string | null }
  | { kind: 'future'; date: IsoDate }
  | { kind: 'unreadable'; said: string; why: string }
  | { kind: 'month'; example: IsoDate }
  | { kind: 'none' };

/** The first clause, as the promise rule reads it: a story after a comma or "because" is not the change's own time. */
const LEAD = /^(.*?)(?=[,;:()]|\.\s|\s[-–—]\s|\s(?:because|as|so|and|but|cos|since)\b|$)/i;
/** "on Friday", "as of yesterday", "as at 27 Nov": words before a day that say nothing more. */
const BEFORE_DAY = /^(?:(?:on|as of|as at|at)\s+)?(?:the\s+)?/i;
const NOT_A_DAY = /^(?:by|before|until|till|due)\b/i;
const AGO = new RegExp(`^(${COUNT_PATTERN}) (days?|weeks?|fortnights?) ago$`, 'i');
const AGO_DAYS: Record<string, number> = { day: 1, week: 7, fortnight: 14 };
const WEEKDAY = /^(?:(last|this|this coming|coming|next)\s+)?([a-z]+\.?)$/i;
/** A date with no year more than half a year ahead is the one just gone ("done on 15/7" said in November). */
const HALF_YEAR = 183;
const YEAR = /\b(?:\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2})\b/;
/** Words that try to be a date: numbers with / . or - between, an ordinal, or a number beside a month's name. */
const DATE_LIKE =
  /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$|^\d{1,2}(?:st|nd|rd|th)\b|^\d{1,3}\s+(?:of\s+)?([a-z]+)|^([a-z]+)\s+\d{1,2}\b/i;

/** A month named for the day done: "back in October", "in Oct 2026", "during early June", "October". */
const MONTH_ONLY =
  /^(?:(?:way\s+)?back\s+)?(?:(?:in|during|over|throughout|sometime in|some time in)\s+)?(?:(?:early|mid|late)[\s-]+|(?:the\s+)?(?:start|beginning|middle)\s+of\s+)?([a-z]+)\.?(?:\s+(\d{4}))?$/i;
const LAST_MONTH = /^(?:(?:back\s+)?(?:in|during)\s+)?last month$/i;

/** The month the words name, as its last day (the most recent such month, unless a year is said); null for none. */
function monthOf(phrase: string, today: IsoDate): IsoDate | null {
  const { year, month } = partsOf(today);
  const last = (y: number, m: number) => isoFromParts(y, m, daysInMonth(y, m));
  if (LAST_MONTH.test(phrase)) return month === 1 ? last(year - 1, 12) : last(year, month - 1);
  const named = MONTH_ONLY.exec(phrase);
  const m = named ? monthFromWord(named[1].toLowerCase()) : null;
  if (!named || m === null) return null;
  if (named[2] !== undefined) return last(Number(named[2]), m);
  return last(m <= month ? year : year - 1, m);
}

/** A day in the month ending `lastDay` to show how to say one: its last day, or yesterday in the month still going. */
function dayIn(lastDay: IsoDate, today: IsoDate): IsoDate {
  if (lastDay < today) return lastDay;
  const yesterday = addDays(today, -1);
  return partsOf(yesterday).month === partsOf(today).month ? yesterday : today;
}

/** The most recent `weekday` (1 = Monday) on or before `today`; `before` leaves today out ("last Friday" on a Friday). */
function lastWeekday(weekday: number, today: IsoDate, before: boolean): IsoDate {
  const back = (weekdayOf(today) - weekday + 7) % 7;
  return addDays(today, back === 0 && before ? -7 : -back);
}

/** The same day and month a year earlier, or null (29 Feb in a year without one). */
function yearEarlier(date: IsoDate): IsoDate | null {
  const { year, month, day } = partsOf(date);
  return isoFromParts(year - 1, month, day);
}

/** The day the words name, with a date without a year taken as the one just gone; null when they name no day. */
function dayOf(phrase: string, today: IsoDate): IsoDate | null {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (p === 'yesterday') return addDays(today, -1);
  if (p === 'day before yesterday') return addDays(today, -2);
  const ago = AGO.exec(p);
  const count = ago ? parseCount(ago[1]) : null;
  if (ago && count !== null) return addDays(today, -count * AGO_DAYS[ago[2].toLowerCase().replace(/s$/, '')]);
  const weekday = WEEKDAY.exec(p);
  const day = weekday ? weekdayFromWord(weekday[2]) : null;
  // "on Monday": the most recent Monday, today included; "last Friday": the one before today. "this"/"next" look ahead.
  if (weekday && day !== null && (weekday[1] === undefined || weekday[1] === 'last'))
    return lastWeekday(day, today, weekday[1] === 'last');
  const date = readsAsDate(p, today);
  // "the end of October" with no year is read, as "27 Oct" is, as the one nearest today.
  if (YEAR.test(p) || (!/\d/.test(p) && !p.split(' ').some((w) => monthFromWord(w) !== null))) return date;
  // A day and month with no year, read as it falls between half a year back and half a year ahead, so that its
  // weekday is checked in that year ("Fri 27 Nov" said on 30 Nov 2026 is 2026's).
  if (date === null) return readsAsDate(p, addDays(today, HALF_YEAR - 365));
  return daysBetween(today, date) > HALF_YEAR ? yearEarlier(date) : date;
}

/** Whether the words try to be a date ("32/11/2026", "the 27th", "31 Sept"), though they read as none. */
function triesToBeDate(phrase: string): boolean {
  const m = DATE_LIKE.exec(phrase.trim());
  if (!m) return false;
  const word = m[1] ?? m[2];
  return word === undefined || monthFromWord(word) !== null || weekdayFromWord(word) !== null;
}

/** The day said with a completion, in the words after its status (`comment`, as the grammar kept it). */
export function readDoneOn(comment: string | null, today: IsoDate): DoneOn {
  if (!comment) return { kind: 'none' };
  const lead = (LEAD.exec(comment)?.[1] ?? '').replace(/[.!?]+$/, '').trim();
  const phrase = lead.replace(BEFORE_DAY, '');
  // "done by 20/11" says it was done no later than then, not the day it was done.
  if (phrase === '' || phrase.length > 60 || NOT_A_DAY.test(phrase)) return { kind: 'none' };
  const month = monthOf(phrase, today);
  if (month !== null)
    return month > today && month.slice(0, 7) > today.slice(0, 7)
      ? { kind: 'future', date: month }
      : { kind: 'month', example: dayIn(month, today) };
  const date = dayOf(phrase, today);
  if (date !== null && date > today) return { kind: 'future', date };
  if (date !== null) {
    const rest = comment.slice(lead.length).trim();
    return { kind: 'day', date, rest: rest === '' ? null : rest };
  }
  if (!triesToBeDate(phrase)) return { kind: 'none' };
  const read = readUkDate(phrase, YEAR.test(phrase) ? today : addDays(today, HALF_YEAR - 365));
  const why = read.ok ? `I couldn't read "${phrase}" as a day.` : read.error;
  return { kind: 'unreadable', said: phrase, why };
}

/**
 * A completion with the day it was done: the day goes on the command (`completedOn`, for a day before today) and
 * out of its comment. A day still to come is a plan, as the promise rule says; words that try to be a date and are
 * not one change nothing, and the reply says why.
 */
export function withDoneOn(command: Command, today: IsoDate, echo: string): Command {
  if (command.kind !== 'setStatus' || command.status !== 'Complete') return command;
  const read = readDoneOn(command.comment, today);
  const { ref } = command;
  switch (read.kind) {
    case 'none':
      return command;
    case 'future':
      return { kind: 'notChange', ref, why: 'promise', change: 'Complete', when: read.date };
    case 'month':
      return { kind: 'notChange', ref, why: 'month', change: 'Complete', when: read.example };
    case 'unreadable':
      return {
        kind: 'unknown',
        text: echo,
        problem: `I’ve left ${ref} as it is: ${read.why} To say the day it was done: ${ref} done on ${formatUkDate(addDays(today, -1))}.`,
      };
    case 'day': {
      const comment = tidyComment(read.rest);
      return read.date < today ? { ...command, comment, completedOn: read.date } : { ...command, comment };
    }
  }
}
