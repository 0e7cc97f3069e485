import type { MeasureDetailView } from './measure-card';
import { evidenceChecklist } from '../domain/evidence-items';
import { evidenceLabel, evidenceShown } from '../domain/evidence-shown';
import { formatUkDate, formatUkDayOf } from '../domain/calendar';
import { clipText, MAX_LISTED_TITLE, moreLine } from '../domain/card-budget';
import { historyByline, historyLines, NameOf, namesIn } from '../domain/history-lines';
import { currentDueDate, daysOverdue, RAG_LABELS, ragOf } from '../domain/rag';
import { Action, HistoryEntry, IsoDate, Rag } from '../domain/types';
import { standingUpdate } from '../domain/standing-update';

/** Adaptive Card colours for each RAG rating. */
const RAG_COLOURS: Record<Rag, string> = {
  red: 'Attention',
  amber: 'Warning',
  green: 'Good',
  complete: 'Accent',
  cancelled: 'Default',
};

export interface ActionSummaryView {
  ref: string;
  title: string;
  owner: string;
  due: string;
  status: string;
  rag: string;
  ragColour: string;
  daysOverdue: number;
  /** "Due 30 Sep 2026 · On track · Green", with days overdue when there are any. */
  line: string;
}

export function ownerName(action: Action): string {
  return action.owner ? (action.owner.displayName ?? action.owner.email) : 'No owner';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "On track · Green", but a complete or cancelled action's rating is its status, said once. */
const statusAndRag = (status: string, rag: string) => (status === rag ? status : `${status} · ${rag}`);

export function summaryView(action: Action, today: IsoDate): ActionSummaryView {
  const due = currentDueDate(action);
  const late = daysOverdue(action, today);
  const rag = ragOf(action, today);
  const parts = [due ? `Due ${formatUkDate(due)}` : 'No due date', statusAndRag(action.status, RAG_LABELS[rag])];
  if (late) parts.push(`${plural(late, 'day')} overdue`);
  return {
    ref: action.ref,
    // Lists show a long title cut short; "show <ref>" has it in full.
    title: clipText(action.title, MAX_LISTED_TITLE),
    owner: clipText(ownerName(action), 80),
    due: due ? formatUkDate(due) : 'No due date',
    status: action.status,
    rag: RAG_LABELS[rag],
    ragColour: RAG_COLOURS[rag],
    daysOverdue: late,
    line: parts.join(' · '),
  };
}

export interface ActionListView {
  title: string;
  subtitle: string;
  actions: ActionSummaryView[];
  empty: string | null;
  more: string | null;
}

export interface OverdueGroupView {
  theme: string;
  actions: ActionSummaryView[];
}

export interface OverdueView {
  title: string;
  subtitle: string;
  groups: OverdueGroupView[];
  empty: string | null;
  more: string | null;
}

/** A card stays readable however much is late (and `fitted` keeps it within Teams' size limit). */
export const MAX_CARD_ACTIONS = 40;

/** `shown` is the most overdue of `total` actions (see `mostOverdueFirst`), at most MAX_CARD_ACTIONS of them. */
export function overdueView(
  title: string,
  scopeText: string | null,
  shown: readonly Action[],
  total: number,
  today: IsoDate,
): OverdueView {
  const groups = new Map<string, ActionSummaryView[]>();
  for (const action of shown) {
    const theme = action.theme || 'Other actions';
    groups.set(theme, [...(groups.get(theme) ?? []), summaryView(action, today)]);
  }
  for (const list of groups.values()) list.sort((a, b) => b.daysOverdue - a.daysOverdue);
  const scope = scopeText ? ` ${scopeText}` : '';
  return {
    title,
    subtitle: `${plural(total, 'action')} overdue${scope}, as of ${formatUkDate(today)}`,
    groups: [...groups.entries()].map(([theme, list]) => ({ theme, actions: list })),
    empty: total ? null : `Nothing is overdue${scope}. 🎉`,
    more: moreLine(total - shown.length, scopeText ? 'show <ref>' : "what's overdue for <agency or person>"),
  };
}

export interface FactView {
  title: string;
  value: string;
}

export interface ActionDetailView {
  banner: string | null;
  heading: string;
  title: string;
  summary: ActionSummaryView;
  facts: FactView[];
  /** Each piece as its item and the words given with it (`label`), then its link once (see evidence-shown.ts). */
  evidence: { label: string | null; url: string | null }[];
  /** The items of evidence required for sign-off, each ticked or marked missing; empty when none are named. */
  evidenceRequired: { text: string }[];
  latestUpdate: string | null;
  /** Each quantified measure's section (none unless the caller read its values: see chat's `detailReply`). */
  measures: MeasureDetailView[];
  /** "and 3 more: type 'measures'" when not every measure fits on the card. */
  moreMeasures: string | null;
}

/** Without a directory, the owner at least is named. */
const ownerNameOf =
  (action: Action): NameOf =>
  (email) =>
    (email === action.owner?.email && action.owner.displayName) || email;

/** "30 Jun 2027 (was 5 Apr 2027)": the date that stands, and what it replaced. */
function dueWords(action: Action): string {
  const original = action.originalDueDate ? formatUkDate(action.originalDueDate) : null;
  if (!action.revisedDueDate) return original ?? 'No due date';
  const times = action.revisionCount > 1 ? `moved ${action.revisionCount} times` : null;
  const was = original ? (times ? `first due ${original}, ${times}` : `was ${original}`) : times;
  return `${formatUkDate(action.revisedDueDate)}${was ? ` (${was})` : ''}`;
}

export function detailView(
  action: Action,
  today: IsoDate,
  banner: string | null = null,
  nameOf: NameOf = ownerNameOf(action),
): ActionDetailView {
  const facts: FactView[] = [];
  const fact = (title: string, value: string | null | undefined) => {
    if (value) facts.push({ title, value });
  };
  const summary = summaryView(action, today);
  fact('Theme', action.theme);
  fact('Owner', action.owner ? `${ownerName(action)}${action.agency ? ` (${action.agency})` : ''}` : 'No owner yet');
  fact('Status', statusAndRag(action.status, summary.rag));
  // One due date, the one that stands, with the one it replaced beside it: never two dates to choose between.
  fact('Due', dueWords(action));
  if (action.revisedDueDate) fact('Why it moved', action.revisionReason);
  if (action.dateRequest) {
    fact(
      'New date asked for',
      `${formatUkDate(action.dateRequest.date)}, waiting for approval (${action.dateRequest.reason})`,
    );
  }
  if (summary.daysOverdue) fact('Overdue by', plural(summary.daysOverdue, 'day'));
  fact('Timescale', action.timescale);
  // A quantified measure has a section of its own on the card (target, latest, status, trend and a chart).
  action.measures.forEach((m, i) => {
    if (m.definition) return;
    const n = action.measures.length > 1 ? ` ${i + 1}` : '';
    fact(`Measure${n}`, m.indicator);
    fact(`Target${n}`, m.target);
    fact(`Latest value${n}`, m.latest);
  });
  fact('Evidence due', action.evidenceDue ? formatUkDate(action.evidenceDue) : null);
  const update = standingUpdate(action);
  return {
    banner,
    heading: action.ref,
    title: action.title,
    summary,
    facts,
    evidence: action.evidence.map((e) => {
      const shown = evidenceShown(e);
      return { label: evidenceLabel(shown), url: shown.url };
    }),
    evidenceRequired: evidenceChecklist(action).map((c) => ({
      text: `${c.given ? '✅' : '⬜'} ${c.item}: ${c.given ? 'given' : 'missing'}`,
    })),
    latestUpdate: update ? `${namesIn(update.text, nameOf)} (${nameOf(update.by)}, ${formatUkDayOf(update.at)})` : null,
    measures: [],
    moreMeasures: null,
  };
}

export interface HistoryView {
  title: string;
  entries: { heading: string; lines: string[]; comment: string | null }[];
}

export function historyView(
  action: Action,
  entries: readonly HistoryEntry[],
  formatInstant: (iso: string) => string,
  nameOf: NameOf = (email) => email,
): HistoryView {
  return {
    title: `History of ${action.ref}`,
    entries: entries.map((h) => {
      const read = historyLines(h, nameOf);
      return {
        heading: `${formatInstant(h.at)} · ${historyByline(read)}`,
        lines: read.lines.map((l) => l.slice(0, 300)),
        comment: read.comment,
      };
    }),
  };
}

export interface HelpView {
  /** "Type any of these.", and how the example's ref may be typed more simply, where it can be. */
  subtitle: string;
  commands: { example: string; description: string }[];
}
