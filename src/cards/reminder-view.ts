import { requiredItems } from '../domain/evidence-items';
import { formatUkDate } from '../domain/calendar';
import { clipText, MAX_LISTED_TITLE, moreLine } from '../domain/card-budget';
import { currentDueDate, isOverdue } from '../domain/rag';
import { plansByAttention } from '../domain/reminder-order';
import { duePeriodWords, ValueDue } from '../domain/measure-view';
import { Action, IsoDate, MeasureUnit } from '../domain/types';

const UNIT_HINT: Record<MeasureUnit, string> = {
  '%': 'a percentage, like 76%',
  number: 'a number, like 42',
  'yes/no': 'yes or no',
  date: 'a date, like 14/10/2026',
};
import { fitted } from './fit';
import { AdaptiveCard } from './render';
import { ActionSummaryView, summaryView } from './view-models';

export interface Banner {
  text: string;
  style: 'good' | 'attention';
}

/** One plan's actions due for an owner this week, as of that plan's today. */
export interface PlanDue {
  planId: string;
  planTitle: string;
  today: IsoDate;
  actions: readonly Action[];
  /** Measures of these actions whose value is due (see `valuesDue`): the card asks for them. */
  valuesDue?: readonly ValueDue[];
}

export interface ReminderSectionView {
  planId: string;
  heading: string;
  actions: ActionSummaryView[];
}

export interface ReminderView {
  /** The first plan on the card: the buttons name it, and each choice names its own plan. */
  planId: string;
  owner: string;
  /** Who sees the live version of the card (Universal Actions refresh). */
  userIds: string[];
  title: string;
  subtitle: string;
  banner: Banner | null;
  sections: ReminderSectionView[];
  /** The action picker: each value is `planId/ref` (plan ids never contain "/"), so one set of buttons serves every plan. */
  choices: { title: string; value: string }[];
  firstChoice: string | null;
  /** The Complete form's choice of the required item the evidence is for: the item's name, labelled with its action. */
  evidenceItems: { title: string; value: string }[];
  more: string | null;
  /**
   * The measures of actions on the card whose value is due, one choice each, labelled with the action and the
   * indicator; the value is `planId/ref#measure`, so the submission says which measure. Empty hides the button.
   */
  valuesDue: { title: string; value: string }[];
}

/** A reminder lists at most this many actions, the most urgent first, and then how many more there are. */
export const MAX_REMINDER_ACTIONS = 50;

/** The value a reminder's action picker sends for an action: the plan and the ref. */
export const reminderChoice = (planId: string, ref: string) => `${planId}/${ref}`;
/** The value the "Latest value" form sends for a measure: its action's choice and its number (refs never contain "#"). */
export const valueChoice = (planId: string, ref: string, measure: number) => `${reminderChoice(planId, ref)}#${measure}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The weekly reminder for one owner: one section per plan, the plan needing most attention first
 * (`plansByAttention`), and the most urgent `shown` actions across all of them (earliest due first).
 */
export function reminderView(
  owner: { email: string; teamsUserId: string | null },
  plans: readonly PlanDue[],
  banner: Banner | null = null,
  shown = MAX_REMINDER_ACTIONS,
): ReminderView {
  const sorted = plansByAttention(plans);
  const all = sorted.flatMap((p) => p.actions.map((action) => ({ plan: p, action })));
  const urgent = [...all].sort(
    (a, b) =>
      (currentDueDate(a.action) ?? '').localeCompare(currentDueDate(b.action) ?? '') ||
      a.plan.planId.localeCompare(b.plan.planId),
  );
  const keep = new Set(urgent.slice(0, Math.min(shown, MAX_REMINDER_ACTIONS)).map((x) => x.action));
  const overdue = all.filter((x) => isOverdue(x.action, x.plan.today)).length;
  const soon = all.length - overdue;
  const counts = [overdue && `${overdue} overdue`, soon && `${soon} due in the next 14 days`]
    .filter(Boolean)
    .join(', ');
  const today = sorted.map((p) => p.today).sort()[0] ?? '';
  const many = sorted.length > 1;
  const sections = sorted
    .map((p) => ({ plan: p, actions: p.actions.filter((a) => keep.has(a)) }))
    .filter((s) => s.actions.length > 0);
  const choices = sections.flatMap((s) =>
    s.actions.map((a) => ({
      title: clipText(`${many ? `${clipText(s.plan.planTitle, 30)} · ` : ''}${a.ref}: ${a.title}`, many ? 100 : 70),
      value: reminderChoice(s.plan.planId, a.ref),
    })),
  );
  return {
    planId: sorted[0]?.planId ?? '',
    owner: owner.email,
    userIds: owner.teamsUserId ? [owner.teamsUserId] : [],
    title: all.length ? `Your actions this week: ${counts}` : 'Nothing needs you this week 🎉',
    subtitle: `${many ? `${sorted.length} plans` : clipText(sorted[0]?.planTitle ?? '', 150)} · as of ${formatUkDate(today)}`,
    banner,
    sections: sections.map((s) => ({
      planId: s.plan.planId,
      heading: many ? `${clipText(s.plan.planTitle, 150)} (${plural(s.plan.actions.length, 'action')})` : '',
      actions: s.actions.map((a) => ({ ...summaryView(a, s.plan.today), title: clipText(a.title, MAX_LISTED_TITLE) })),
    })),
    choices,
    firstChoice: choices[0]?.value ?? null,
    evidenceItems: sections.flatMap((s) =>
      s.actions.flatMap((a) =>
        requiredItems(a).map((item) => ({ title: clipText(`${a.ref}: ${item}`, 100), value: item })),
      ),
    ),
    more: moreLine(all.length - keep.size, 'my actions'),
    valuesDue: sections.flatMap((s) =>
      (s.plan.valuesDue ?? [])
        .filter((d) => s.actions.some((a) => a.ref === d.ref))
        .map((d) => ({
          title: clipText(
            `${d.ref}${d.of > 1 ? ` measure ${d.measure}` : ''}: ${d.indicator}, ${duePeriodWords(d)} (${UNIT_HINT[d.unit]})`,
            200,
          ),
          value: valueChoice(s.plan.planId, d.ref, d.measure),
        })),
    ),
  };
}

/** The reminder card, cut to fit Teams' size limit. */
export function reminderCard(
  owner: { email: string; teamsUserId: string | null },
  plans: readonly PlanDue[],
  banner: Banner | null = null,
): { view: ReminderView; card: AdaptiveCard } {
  const total = plans.reduce((n, p) => n + p.actions.length, 0);
  return fitted('reminder', Math.min(total, MAX_REMINDER_ACTIONS), (shown) =>
    reminderView(owner, plans, banner, shown),
  );
}
