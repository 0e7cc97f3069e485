import type { Rag, RagWeek } from '../api-types';
import { formatDate } from './dates';

/** Bottom to top: what is done sits at the base, what is in trouble on top where the eye lands. */
export const STACK_ORDER: readonly Rag[] = ['complete', 'green', 'amber', 'red', 'cancelled'];

const MIN_SLOTS = 8;

export interface Segment {
  rag: Rag;
  count: number;
  y: number;
  height: number;
}

export interface Bar {
  weekStarting: string;
  x: number;
  width: number;
  total: number;
  segments: Segment[];
}

export interface ChartGeometry {
  width: number;
  height: number;
  maxTotal: number;
  bars: Bar[];
  /** Weeks left off the left of the chart (the table below it still lists every week). */
  omitted: number;
}

/** Lays out a stacked bar per week in a `width` × `height` box, newest `maxWeeks` weeks only. */
export function chartGeometry(weeks: readonly RagWeek[], width: number, height: number, maxWeeks = 26): ChartGeometry {
  const shown = weeks.slice(-maxWeeks);
  const totals = shown.map((week) => STACK_ORDER.reduce((sum, rag) => sum + week[rag], 0));
  const maxTotal = Math.max(1, ...totals);
  // At least eight slots, so that a new plan's one or two weeks are bars, not walls.
  const slot = width / Math.max(shown.length, MIN_SLOTS);
  const barWidth = Math.max(2, slot * 0.7);
  const bars = shown.map((week, i) => {
    let top = height;
    const segments: Segment[] = [];
    for (const rag of STACK_ORDER) {
      const count = week[rag];
      if (count <= 0) continue;
      const segmentHeight = (count / maxTotal) * height;
      top -= segmentHeight;
      segments.push({ rag, count, y: top, height: segmentHeight });
    }
    return {
      weekStarting: week.weekStarting,
      x: i * slot + (slot - barWidth) / 2,
      width: barWidth,
      total: totals[i] ?? 0,
      segments,
    };
  });
  return { width, height, maxTotal, bars, omitted: weeks.length - shown.length };
}

/** One sentence for people who cannot see the chart: the latest week against the first. */
export function chartSummary(weeks: readonly RagWeek[]): string {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return 'There is no history to chart yet.';
  const describe = (week: RagWeek) =>
    `${week.red} red, ${week.amber} amber, ${week.green} green, ${week.complete} complete`;
  if (weeks.length === 1) return `One week so far: ${describe(last)}.`;
  return `${weeks.length} weeks. The first week: ${describe(first)}. The latest week: ${describe(last)}.`;
}

/**
 * Why the chart starts after the plan's baseline, when it does: the weeks come from the tracker's history, and a
 * plan put into the tracker after its baseline has no history for the weeks before. Null when there is nothing to say.
 */
export function historyStartNote(weeks: readonly RagWeek[], baselineDate: string): string | null {
  const first = weeks[0];
  if (!first || first.weekStarting <= baselineDate) return null;
  return (
    `The tracker's history starts in the week of ${formatDate(first.weekStarting)}, after the plan's baseline of ` +
    `${formatDate(baselineDate)}, so the chart starts there.`
  );
}

/** Points of a small line through a measure's values, for the panel's trend sparkline; text values are skipped. */
export function sparkline(values: readonly { value: number | string }[], width: number, height: number): string {
  const numbers = values.map((v) => (typeof v.value === 'number' ? v.value : Number(v.value))).filter(Number.isFinite);
  if (numbers.length < 2) return '';
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const span = max - min || 1;
  const step = width / (numbers.length - 1);
  return numbers
    .map((n, i) => `${(i * step).toFixed(1)},${(height - ((n - min) / span) * height).toFixed(1)}`)
    .join(' ');
}
