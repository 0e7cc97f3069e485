import { addDays, addMonths } from '../../domain/calendar';
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
