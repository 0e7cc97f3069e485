import { addDays, addMonths, formatUkDate } from '../../domain/calendar';
import { DateAnswer } from '../../domain/command';
import { currentDueDate } from '../../domain/rag';
import { Action, IsoDate } from '../../domain/types';

/** The date a typed answer names: "another 2 weeks" counts from the action's current due date (or today if it has none). */
export function dateOf(answer: DateAnswer, action: Action, today: IsoDate): IsoDate | null {
  if ('date' in answer) return answer.date;
  if ('error' in answer) return null;
  const from = currentDueDate(action) ?? today;
  const { count, unit } = answer.later;
  return unit === 'month' ? addMonths(from, count) : addDays(from, unit === 'week' ? 7 * count : count);
}

const COUNT_WORDS = [
  '',
  'A',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
];

/**
 * How a date given as time added was worked out, so the person can check it:
 * "Two weeks after the current due date, 19 Oct 2026, is 2 Nov 2026". Null for a date typed as a date.
 */
export function workedOut(answer: DateAnswer, action: Action, today: IsoDate): string | null {
  if (!('later' in answer)) return null;
  const date = dateOf(answer, action, today);
  if (!date) return null;
  const { count, unit } = answer.later;
  const amount = `${COUNT_WORDS[count] ?? String(count)} ${unit}${count === 1 ? '' : 's'}`;
  const due = currentDueDate(action);
  const from = due ? `the current due date, ${formatUkDate(due)}` : `today, ${formatUkDate(today)}`;
  return `${amount} after ${from}, is ${formatUkDate(date)}`;
}

/**
 * "running about two weeks late": the date that much after the current due date, to offer in the question for the
 * new date (the person confirms it by sending it); null when it would not be after today.
 */
export function suggestedDate(
  roughly: Extract<DateAnswer, { later: unknown }>['later'],
  action: Action,
  today: IsoDate,
): { date: IsoDate; worked: string } | null {
  const answer: DateAnswer = { text: '', later: roughly };
  const date = dateOf(answer, action, today);
  const worked = workedOut(answer, action, today);
  return date !== null && worked !== null && date > today ? { date, worked } : null;
}
