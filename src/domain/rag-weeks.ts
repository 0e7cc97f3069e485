import { addDays, weekdayOf } from './calendar';
import { historyByAction, localDays, rewinder } from './questions/register-history';
import { ragOf } from './rag';
import type { RagWeek } from './read-models';
import { Action, HistoryEntry, IsoDate } from './types';

export type { RagWeek };

/** A year of weeks is as far back as a chart on one page can usefully go. */
export const MAX_RAG_WEEKS = 52;

/** The Monday of the week holding `date`. */
export const mondayOf = (date: IsoDate): IsoDate => addDays(date, 1 - weekdayOf(date));

/**
 * RAG counts week by week, oldest first, worked back from today's actions through their history:
 * each week is the plan as it stood at the end of its Sunday (or today), judged on that day. The
 * first week is the one in which the earliest action was created; actions created later are left
 * out of the weeks before. One pass over each action's history, newest first, whatever the number
 * of weeks.
 */
export function ragByWeek(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  today: IsoDate,
  timeZone: string,
  maxWeeks = MAX_RAG_WEEKS,
): RagWeek[] {
  const localDay = localDays(timeZone);
  const historyOf = historyByAction(history);
  let earliest = today;
  for (const entry of history) {
    const day = localDay(entry.at);
    if (day !== null && day < earliest) earliest = day;
  }
  const thisMonday = mondayOf(today);
  const weeks: RagWeek[] = [];
  // Newest first while counting; reversed at the end.
  for (let monday = thisMonday; monday >= mondayOf(earliest) && weeks.length < maxWeeks; monday = addDays(monday, -7))
    weeks.push({ weekStarting: monday, red: 0, amber: 0, green: 0, complete: 0, cancelled: 0 });
  const endOf = (week: RagWeek): IsoDate => {
    const sunday = addDays(week.weekStarting, 6);
    return sunday < today ? sunday : today;
  };

  for (const action of actions) {
    const asAt = rewinder(action, historyOf(action), localDay);
    for (const week of weeks) {
      const end = endOf(week);
      const then = asAt(end);
      if (then === null) break;
      week[ragOf(then, end)]++;
    }
  }
  return weeks.reverse();
}
