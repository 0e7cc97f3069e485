import { missingEvidence } from '../domain/evidence-items';
import { formatUkDate, formatUkDayOf } from '../domain/calendar';
import { historyLines, NameOf } from '../domain/history-lines';
import { RAG_LABELS } from '../domain/rag';
import { AwaitingItem } from '../domain/questions/awaiting';
import { RagItem } from '../domain/questions/by-rag';
import { ChangedItem } from '../domain/questions/changed';
import { RagColour } from '../domain/questions/question';
import { SlipItem } from '../domain/questions/slipped';
import { isDone, isFinished } from '../domain/status';
import { PlanSummary } from '../domain/questions/summary';
import { Action, IsoDate, RAGS, Status, STATUSES } from '../domain/types';
import { ActionListView, ActionSummaryView, FactView, ownerName, summaryView } from './view-models';

/**
 * However long a plan's titles (up to 2,000 characters each) and however much matches, an answer
 * stays far below Teams' message limit: at most this many rows, each clipped.
 */
export const MAX_ANSWER_ROWS = 25;
const MAX_TITLE = 200;
const MAX_LINE = 300;
const MAX_PLAN_TITLE = 120;

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const date = (d: IsoDate | null) => (d ? formatUkDate(d) : 'no date');

/** A list card ("action-list") of at most MAX_CARD_ACTIONS rows, each the action and a line saying why it is there. */
function listView<T>(
  title: string,
  subtitle: string,
  items: readonly T[],
  row: (item: T) => { action: Action; line: string },
  empty: string,
  today: IsoDate,
): ActionListView {
  const actions: ActionSummaryView[] = items.slice(0, MAX_ANSWER_ROWS).map((item) => {
    const { action, line } = row(item);
    return { ...summaryView(action, today), title: clip(action.title, MAX_TITLE), line: clip(line, MAX_LINE) };
  });
  return {
    title: clip(title, MAX_PLAN_TITLE + 40),
    subtitle,
    actions,
    empty: items.length ? null : empty,
    more: items.length > MAX_ANSWER_ROWS ? `…and ${items.length - MAX_ANSWER_ROWS} more.` : null,
  };
}

/** `stillOverdue`: overdue actions not listed, having slipped before `since`; never a celebration while any are. */
export function slippedView(
  planTitle: string,
  items: readonly SlipItem[],
  since: IsoDate,
  today: IsoDate,
  stillOverdue = 0,
): ActionListView {
  const older = stillOverdue && items.length ? ` · ${plural(stillOverdue, 'more action')} overdue from before ("what's overdue")` : '';
  return listView(
    `Slipped since ${formatUkDate(since)}: ${planTitle}`,
    `${plural(items.length, 'action')} · moved, asked for a new date, delayed, at risk or gone overdue · as of ${formatUkDate(today)}${older}`,
    items,
    (s) => ({ action: s.action, line: `${slipWords(s)} · ${ownerName(s.action)}` }),
    stillOverdue
      ? `Nothing new slipped since ${formatUkDate(since)}; ${plural(stillOverdue, 'action is', 'actions are')} still overdue ("what's overdue").`
      : `Nothing has slipped since ${formatUkDate(since)}. 🎉`,
    today,
  );
}

function slipWords(s: SlipItem): string {
  switch (s.kind) {
    case 'moved':
      return `Moved from ${date(s.from)} to ${date(s.to)}${s.moves > 1 ? ` (${s.moves} moves)` : ''}${s.reason ? `: ${clip(s.reason, 200)}` : ''}`;
    case 'asked':
      return `Asked for a new date, ${formatUkDate(s.date)} (due ${date(s.due)}), not yet decided: ${clip(s.reason, 200)} · ${s.action.status}`;
    case 'status':
      return `Marked ${s.status} on ${formatUkDayOf(s.at)}${s.reason ? `: ${clip(s.reason, 200)}` : ''}`;
    case 'overdue':
      return `Went overdue: due ${formatUkDate(s.due)}, ${plural(s.daysOverdue, 'day')} overdue · ${s.action.status}`;
  }
}

export function awaitingView(planTitle: string, items: readonly AwaitingItem[], today: IsoDate): ActionListView {
  return listView(
    `Awaiting sign-off: ${planTitle}`,
    `${plural(items.length, 'action')} complete and not yet signed off, longest waiting first · as of ${formatUkDate(today)}`,
    items,
    (a) => ({
      action: a.action,
      line: [
        a.daysWaiting === null
          ? 'Complete since before its history began'
          : a.daysWaiting === 0
            ? 'Completed today'
            : `Complete for ${plural(a.daysWaiting, 'day')}`,
        missingEvidence(a.action).length
          ? `Still needs evidence for: ${clip(missingEvidence(a.action).join(', '), 200)}`
          : a.evidence
            ? plural(a.evidence, 'piece of evidence', 'pieces of evidence')
            : 'No evidence yet, so it cannot be signed off',
        ownerName(a.action),
      ].join(' · '),
    }),
    'Nothing is waiting for sign-off.',
    today,
  );
}

export function dueView(planTitle: string, what: string, actions: readonly Action[], today: IsoDate): ActionListView {
  return listView(
    `Due ${what}: ${planTitle}`,
    `${plural(actions.length, 'action')} not yet complete · earliest first · as of ${formatUkDate(today)}`,
    actions,
    (a) => ({ action: a, line: `${summaryView(a, today).line} · ${ownerName(a)}` }),
    `Nothing is due ${what}.`,
    today,
  );
}

const COLOUR_NAMES: Record<RagColour, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** "Which actions are red?": each with what makes it that colour (overdue, delayed, at risk, due soon and not started). */
export function ragView(
  planTitle: string,
  colours: readonly RagColour[],
  items: readonly RagItem[],
  today: IsoDate,
): ActionListView {
  const named = colours.map((c) => COLOUR_NAMES[c]).join(' or ');
  return listView(
    `${named}: ${planTitle}`,
    `${plural(items.length, 'action')}${colours.length > 1 ? ' · red first' : ''} · most overdue first · as of ${formatUkDate(today)}`,
    items,
    ({ action, rag }) => {
      const soon = rag === 'amber' && action.status === 'Not started' ? ' · not started and due soon' : '';
      return { action, line: `${summaryView(action, today).line}${soon} · ${ownerName(action)}` };
    },
    `Nothing is ${named.toLowerCase()}.`,
    today,
  );
}

export function changedView(
  planTitle: string,
  items: readonly ChangedItem[],
  since: IsoDate,
  today: IsoDate,
  timeZone: string,
  nameOf: NameOf = (email) => email,
): ActionListView {
  return listView(
    `Changed since ${formatUkDate(since)}: ${planTitle}`,
    `${plural(items.length, 'action')} changed, most recent first · as of ${formatUkDate(today)}`,
    items,
    ({ action, entries }) => {
      const [latest] = entries;
      const more = entries.length > 1 ? ` (and ${plural(entries.length - 1, 'earlier change')})` : '';
      const read = historyLines(latest, nameOf);
      const what =
        read.lines
          .slice(0, 3)
          .map((l) => clip(l, 120))
          .join('; ') || 'Updated';
      return {
        action,
        line: `${what} · ${read.who ? `${read.who} ${read.how}` : read.how}, ${formatUkDayOf(latest.at, timeZone)}${more}`,
      };
    },
    `Nothing has changed since ${formatUkDate(since)}.`,
    today,
  );
}

const RAG_COLOURS = { red: 'Attention', amber: 'Warning' } as const;
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

export interface SummaryView {
  title: string;
  subtitle: string;
  headline: string;
  byRag: FactView[];
  byStatus: FactView[];
  /** Null when there is nothing to compare with (the plan's first week). */
  comparison: string | null;
  risks: { ref: string; title: string; line: string; ragColour: string }[];
  noRisks: string | null;
}

export function summaryCardView(planTitle: string, s: PlanSummary, today: IsoDate): SummaryView {
  const { totals, changes } = s;
  const change = (n: number | undefined) => (changes && n ? ` (${signed(n)})` : '');
  const count = (which: (status: Status) => boolean) =>
    STATUSES.filter(which).reduce((n, st) => n + totals.byStatus[st], 0);
  const done = count(isDone);
  return {
    title: `How we are doing: ${clip(planTitle, MAX_PLAN_TITLE)}`,
    subtitle: `${plural(totals.total, 'action')} · as of ${formatUkDate(today)}`,
    headline:
      `${done} finished (${totals.byStatus['Signed off']} signed off), ${totals.overdue} overdue${change(changes?.overdue)}, ` +
      `${count((st) => !isFinished(st))} still in progress.`,
    // Every rating the register works out, complete and cancelled too, so the counts add up to the total (as on the tab).
    byRag: RAGS.filter((r) => totals.byRag[r] > 0 || changes?.byRag[r]).map((r) => ({
      title: RAG_LABELS[r],
      value: `${totals.byRag[r]}${change(changes?.byRag[r])}`,
    })),
    byStatus: STATUSES.filter((st) => totals.byStatus[st] > 0 || changes?.byStatus[st]).map((st) => ({
      title: st,
      value: `${totals.byStatus[st]}${change(changes?.byStatus[st])}`,
    })),
    comparison: changes ? `Figures in brackets are the change since ${formatUkDate(s.weekAgo)}.` : null,
    risks: s.risks.map((r) => ({
      ref: r.action.ref,
      title: clip(r.action.title, MAX_TITLE),
      line: clip(
        [
          RAG_LABELS[r.rag],
          r.action.status,
          r.daysOverdue ? `${plural(r.daysOverdue, 'day')} overdue` : null,
          r.action.revisionCount > 1 ? `date moved ${r.action.revisionCount} times` : null,
          ownerName(r.action),
        ]
          .filter((p): p is string => p !== null)
          .join(' · '),
        MAX_LINE,
      ),
      ragColour: RAG_COLOURS[r.rag],
    })),
    noRisks: s.risks.length ? null : 'Nothing is red or amber.',
  };
}
