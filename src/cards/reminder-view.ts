import { formatUkDate } from '../domain/calendar';
import { isOverdue } from '../domain/rag';
import { Action, IsoDate } from '../domain/types';
import { ActionSummaryView, summaryView } from './view-models';

export interface Banner {
  text: string;
  style: 'good' | 'attention';
}

export interface ReminderView {
  planId: string;
  owner: string;
  /** Who sees the live version of the card (Universal Actions refresh). */
  userIds: string[];
  today: IsoDate;
  title: string;
  subtitle: string;
  banner: Banner | null;
  actions: (ActionSummaryView & { shortTitle: string })[];
}

/** A reminder can list every action an owner has due; 50 still fits Teams' 28 KB. */
export const MAX_REMINDER_ACTIONS = 50;

export function reminderView(
  planId: string,
  planTitle: string,
  owner: { email: string; teamsUserId: string | null },
  due: readonly Action[],
  today: IsoDate,
  banner: Banner | null = null,
): ReminderView {
  const overdue = due.filter((a) => isOverdue(a, today)).length;
  const soon = due.length - overdue;
  const counts = [overdue && `${overdue} overdue`, soon && `${soon} due in the next 14 days`].filter(Boolean).join(', ');
  return {
    planId,
    owner: owner.email,
    userIds: owner.teamsUserId ? [owner.teamsUserId] : [],
    today,
    title: due.length ? `Your actions this week: ${counts}` : 'Nothing needs you this week 🎉',
    subtitle: `${planTitle} · as of ${formatUkDate(today)}${due.length > MAX_REMINDER_ACTIONS ? ` · the ${MAX_REMINDER_ACTIONS} most urgent are shown` : ''}`,
    banner,
    actions: due.slice(0, MAX_REMINDER_ACTIONS).map((a) => ({
      ...summaryView(a, today),
      shortTitle: a.title.length > 60 ? `${a.title.slice(0, 59)}…` : a.title,
    })),
  };
}
