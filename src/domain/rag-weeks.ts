import { addDays, weekdayOf } from './calendar';
import { historyByAction, isCreation, localDays, surelyBefore } from './questions/register-history';
import { ragOf } from './rag';
import { Action, HistoryEntry, IsoDate, Rag, Status, STATUSES } from './types';

/** How many actions stood at each RAG at the end of a week (today, for the week in progress). */
export type RagWeek = { weekStarting: IsoDate } & Record<Rag, number>;

/** A year of weeks is as far back as a chart on one page can usefully go. */
export const MAX_RAG_WEEKS = 52;

const isStatus = (s: string | null): s is Status => s !== null && (STATUSES as readonly string[]).includes(s);

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
    const then: Action = { ...action };
    const newestFirst = [...historyOf(action)].reverse();
    let next = 0;
    let existed = true;
    for (const week of weeks) {
      const end = endOf(week);
      // Undo every change made after the end of this week.
      while (next < newestFirst.length) {
        const entry = newestFirst[next];
        if (surelyBefore(entry.at, end)) break;
        const day = localDay(entry.at);
        if (day === null || day <= end) break;
        if (isCreation(entry)) existed = false;
        for (const c of entry.changes) {
          if (c.field === 'status' && isStatus(c.from)) then.status = c.from;
          if (c.field === 'revisedDueDate') then.revisedDueDate = c.from;
          if (c.field === 'originalDueDate') then.originalDueDate = c.from;
        }
        next++;
      }
      if (!existed) break;
      week[ragOf(then, end)]++;
    }
  }
  return weeks.reverse();
}
