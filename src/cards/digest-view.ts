import { measureLabel, MeasureRow } from '../domain/measure-view';
import { latestWords, targetWords, trendWords } from './measure-words';
import { formatUkDate, localDateOf } from '../domain/calendar';
import { CARD_BUDGET_BYTES, clipText, utf16Bytes } from '../domain/card-budget';
import { doneOnWords } from '../domain/completed-on';
import { Digest } from '../domain/digest';
import { overrideWords } from '../domain/evidence-items';
import { DEFAULT_LIMBO_WEEKS } from '../domain/limbo';
import { RAG_LABELS } from '../domain/rag';
import { Action, IsoDate, Rag, Status, STATUSES } from '../domain/types';
import { FactView, ownerName } from './view-models';
import { AdaptiveCard, renderCard } from './render';
import { REACH_WORDS } from './reach-words';
import { UK_TIME_ZONE } from '../domain/time-zone';

/** Each list on the digest shows this many, then "…and N more". */
export const DIGEST_LIST_CAP = 10;

/**
 * Long text is cut so six full lists stay inside Teams' 28 KB card limit
 * (the ref is there to look the rest up): titles, owners' names, reasons, a whole detail line.
 */
const MAX_TITLE = 120;
const MAX_NAME = 60;
const MAX_REASON = 150;
const MAX_DETAIL = 300;

/** Teams chart colour names (semantic where there is one). */
const CHART_COLOURS: Record<Rag, string> = {
  red: 'attention',
  amber: 'warning',
  green: 'good',
  complete: 'categoricalBlue',
  cancelled: 'neutral',
};

const STATUS_LABELS: Record<Status, string> = {
  'Not started': 'Not started',
  'On track': 'On track',
  'At risk': 'At risk',
  Delayed: 'Delayed',
  Complete: 'Complete, awaiting sign-off',
  'Signed off': 'Signed off',
  Cancelled: 'Cancelled',
};

import type { DigestItemView, DigestSectionView, DigestView } from './digest-view-types';

export type { DigestChartItemView, DigestItemView, DigestSectionView, DigestView } from './digest-view-types';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The one clipping rule for every card (never cuts a character in half). */
const clip = clipText;

/** "+2", "−1", "no change": a change since last week, for people rather than spreadsheets. */
export function signed(n: number): string {
  if (n === 0) return 'no change';
  return n > 0 ? `+${n}` : `−${-n}`;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const dayOf = (instant: string, timeZone: string) => {
  const date = localDateOf(instant, timeZone);
  return date ? formatUkDate(date) : 'an unknown date';
};

function section<T>(
  heading: string,
  all: readonly T[],
  item: (t: T) => DigestItemView,
  cap = DIGEST_LIST_CAP,
): DigestSectionView | null {
  if (all.length === 0) return null;
  const hidden = all.length - cap;
  return {
    heading: `${heading} (${all.length})`,
    items: all.slice(0, cap).map(item),
    more: hidden > 0 ? `…and ${hidden} more.` : null,
  };
}

function actionItem(action: Action, ...details: string[]): DigestItemView {
  return {
    label: action.ref,
    text: clip(action.title, MAX_TITLE),
    detail: clip([clip(ownerName(action), MAX_NAME), ...details].join(' · '), MAX_DETAIL),
  };
}

const CHART_RAGS: readonly Rag[] = ['red', 'amber', 'green', 'complete', 'cancelled'];

function stillMissing(item: { missing: readonly string[]; noEvidence: boolean }): string {
  if (item.missing.length) return `still missing: ${clip(item.missing.join(', '), MAX_REASON)}`;
  return item.noEvidence ? 'no evidence yet' : 'evidence all given, waiting for a decision';
}

function measureItem(row: MeasureRow): DigestItemView {
  return {
    label: measureLabel(row),
    text: clip(row.indicator, MAX_TITLE),
    detail: clip([latestWords(row), `target ${targetWords(row)}`, trendWords(row.trend)].join(' · '), MAX_DETAIL),
  };
}

/** What a plan adds to its digest besides the week's figures. */
export interface DigestOptions {
  timeZone?: string;
  limboWeeks?: number;
  measures?: readonly MeasureRow[];
}

export function digestView(
  digest: Digest,
  planTitle: string,
  today: IsoDate,
  {
    timeZone = UK_TIME_ZONE,
    limboWeeks = DEFAULT_LIMBO_WEEKS,
    escalations = DIGEST_LIST_CAP,
    awaiting = DIGEST_LIST_CAP,
    measures = [],
  }: DigestOptions & { escalations?: number; awaiting?: number } = {},
): DigestView {
  const { totals, changes } = digest;

  // Cancelled appears only when there is some: it is not a rating anyone is aiming for.
  const rags = CHART_RAGS.filter((r) => r !== 'cancelled' || totals.byRag[r] > 0);
  const chartItems = rags.map((r) => ({ legend: RAG_LABELS[r], value: totals.byRag[r], color: CHART_COLOURS[r] }));

  const statusFacts: FactView[] = STATUSES.map((s) => ({
    title: STATUS_LABELS[s],
    value: changes ? `${totals.byStatus[s]} (${signed(changes.byStatus[s])})` : String(totals.byStatus[s]),
  }));
  statusFacts.push({
    title: 'Overdue',
    value: changes ? `${totals.overdue} (${signed(changes.overdue)})` : String(totals.overdue),
  });
  statusFacts.push({
    title: 'All actions',
    value: changes ? `${totals.total} (${signed(changes.total)})` : String(totals.total),
  });

  const sections = {
    newlyOverdue: section('Newly overdue', digest.newlyOverdue, (i) =>
      actionItem(i.action, `was due ${formatUkDate(i.dueDate)}`, `${plural(i.daysOverdue, 'day')} overdue`),
    ),
    slippedThisWeek: section('Slipped this week', digest.slippedThisWeek, (i) =>
      actionItem(
        i.action,
        i.from ? `moved from ${formatUkDate(i.from)} to ${formatUkDate(i.to)}` : `new date ${formatUkDate(i.to)}`,
        ...(i.moves > 1 ? [`moved ${times(i.moves)} this week`] : []),
        i.reason ? `reason: ${clip(i.reason, MAX_REASON)}` : 'no reason given',
      ),
    ),
    completedThisWeek: section('Completed this week', digest.completedThisWeek, (i) => {
      const marked = `${i.status === 'Signed off' ? 'signed off' : 'marked complete'} on ${dayOf(i.at, timeZone)}`;
      // The day its owner said it was done comes first: that is when it was completed.
      const done = i.doneOn ? `${doneOnWords(i.doneOn)} (${marked})` : marked;
      // A chair's override says what the sign-off went without and why, as the committee report does.
      const override = i.comment ? overrideWords(i.comment) : null;
      if (override) return actionItem(i.action, `${done} ${override}`);
      return actionItem(i.action, done, ...(i.comment ? [clip(i.comment, MAX_REASON)] : []));
    }),
    cancelledThisWeek: section('Cancelled this week', digest.cancelledThisWeek, (i) =>
      actionItem(
        i.action,
        `cancelled on ${dayOf(i.at, timeZone)}`,
        i.reason ? `reason: ${clip(i.reason, MAX_REASON)}` : 'no reason given',
      ),
    ),
    awaitingSignOff: section(
      'Awaiting sign-off, longest wait first',
      digest.awaitingSignOff,
      (i) =>
        actionItem(
          i.action,
          i.daysWaiting === null
            ? 'waiting since before the bot kept records'
            : i.daysWaiting === 0
              ? 'completed today'
              : `waiting ${plural(i.daysWaiting, 'day')}`,
        ),
      awaiting,
    ),
    limbo: section(
      `In limbo: complete, not signed off for over ${plural(limboWeeks, 'week')}`,
      digest.limbo,
      (i) =>
        actionItem(
          i.action,
          i.daysComplete === null
            ? 'complete since before the bot kept records'
            : `complete for ${plural(i.daysComplete, 'day')}`,
          stillMissing(i),
        ),
      escalations,
    ),
    evidenceOverdue: section(
      'Evidence overdue',
      digest.evidenceOverdue,
      (i) =>
        actionItem(
          i.action,
          `evidence was due ${formatUkDate(i.evidenceDue)} (${plural(i.daysOverdue, 'day')} ago)`,
          stillMissing(i),
        ),
      escalations,
    ),
    slippedRepeatedly: section('Slipped two or more times', digest.slippedRepeatedly, (i) =>
      actionItem(
        i.action,
        `due date moved ${times(i.revisions)}`,
        i.dueDate ? `now due ${formatUkDate(i.dueDate)}` : 'no due date',
        i.action.status,
      ),
    ),
    measuresOffTarget: section(
      'Measures off target',
      measures.filter((m) => m.status === 'off-target'),
      measureItem,
    ),
    measuresOverdue: section(
      'Measure values overdue',
      measures.filter((m) => m.status === 'overdue'),
      measureItem,
    ),
    unreachable: section("Owners I can't reach", digest.unreachable, (o) => ({
      label: clip(o.name || o.email, MAX_NAME),
      text: o.name && o.email && o.name !== o.email ? `(${clip(o.email, 80)})` : '',
      detail: o.waiting
        ? `${REACH_WORDS[o.reason].why}; ${plural(o.waiting, 'notification')} wait${o.waiting === 1 ? 's' : ''} to be sent once they are met`
        : REACH_WORDS[o.reason].why,
    })),
  };

  const anything = Object.values(sections).some((s) => s !== null);
  return {
    title: `Weekly digest: ${clip(planTitle, 120)}`,
    subtitle: `Week to ${formatUkDate(today)}`,
    ragHeading: `RAG (red, amber, green) rating of ${plural(totals.total, 'action')}`,
    chart: totals.total > 0 ? chartItems : null,
    chartText:
      totals.total > 0
        ? chartItems.map((c) => `${c.legend}: ${c.value}`).join(' · ')
        : 'There are no actions in this plan yet.',
    ragChanges: changes
      ? `Since last week: ${rags.map((r) => `${RAG_LABELS[r].toLowerCase()} ${signed(changes.byRag[r])}`).join(', ')}.`
      : null,
    statusHeading: changes ? 'Actions by status (change since last week)' : 'Actions by status',
    statusFacts,
    comparison: changes
      ? null
      : 'This is the first digest for this plan, so there is no change since last week to show yet.',
    ...sections,
    quiet: anything ? null : 'Nothing became overdue, moved, was completed or cancelled, or is waiting for sign-off this week.',
  };
}

/**
 * The digest card within Teams' size limit. The limbo and overdue-evidence lists came after the others, which
 * were sized to fit on their own, so in a very bad week those two show fewer (down to their headings and counts),
 * and then so does the list awaiting sign-off, which holds the same actions as limbo.
 */
export function digestCard(digest: Digest, planTitle: string, today: IsoDate, options: DigestOptions = {}): AdaptiveCard {
  const draw = (escalations: number, awaiting: number) =>
    renderCard('digest', digestView(digest, planTitle, today, { ...options, escalations, awaiting }));
  const fits = (card: AdaptiveCard) => utf16Bytes(card) <= CARD_BUDGET_BYTES;
  let card = draw(DIGEST_LIST_CAP, DIGEST_LIST_CAP);
  for (let shown = DIGEST_LIST_CAP - 1; shown >= 0 && !fits(card); shown--) card = draw(shown, DIGEST_LIST_CAP);
  for (let shown = DIGEST_LIST_CAP - 1; shown >= 0 && !fits(card); shown--) card = draw(0, shown);
  return card;
}
