/** The digest card's template data (cards/digest.json), drawn by digest-view.ts. */
import type { FactView } from './view-models';
export interface DigestChartItemView {
  legend: string;
  value: number;
  color: string;
}

export interface DigestItemView {
  /** Shown in bold: the action's ref, or the owner's name. */
  label: string;
  text: string;
  detail: string;
}

export interface DigestSectionView {
  heading: string;
  items: DigestItemView[];
  more: string | null;
}

export interface DigestView {
  title: string;
  subtitle: string;
  ragHeading: string;
  /** Null when the plan has no actions (a donut of nothing draws nothing). */
  chart: DigestChartItemView[] | null;
  /** The chart's figures as text, always shown under it: a chart alone has no numbers for Teams mobile or a screen reader. */
  chartText: string;
  ragChanges: string | null;
  statusHeading: string;
  statusFacts: FactView[];
  comparison: string | null;
  newlyOverdue: DigestSectionView | null;
  slippedThisWeek: DigestSectionView | null;
  completedThisWeek: DigestSectionView | null;
  cancelledThisWeek: DigestSectionView | null;
  awaitingSignOff: DigestSectionView | null;
  /** Complete but not signed off for longer than the plan allows ("perpetual limbo"). */
  limbo: DigestSectionView | null;
  evidenceOverdue: DigestSectionView | null;
  slippedRepeatedly: DigestSectionView | null;
  unreachable: DigestSectionView | null;
  /** Measures off target, and measures whose value is overdue by their frequency (see `measureStatus`). */
  measuresOffTarget: DigestSectionView | null;
  measuresOverdue: DigestSectionView | null;
  quiet: string | null;
}
