import { clipText, MAX_LISTED_TITLE } from '../domain/card-budget';
import { formatPeriod } from '../domain/measure-periods';
import { formatMeasureValue } from '../domain/measure-values';
import { MeasureRow } from '../domain/measure-view';
import { latestWords, STATUS_COLOUR, STATUS_WORDS, targetWords, trendWords } from './measure-words';

/** The measure on an action's detail card: target, latest and trend, a small line chart and the same in text. */
export interface MeasureDetailView {
  indicator: string;
  facts: { title: string; value: string }[];
  colour: string;
  /** Null when there is nothing to draw (fewer than two values, or dates, which a chart can't plot). */
  chart: { title: string; values: { x: string; y: number }[]; target: { x: string; y: number }[] } | null;
  /** What the chart shows, for Teams mobile and anything else that cannot draw charts. */
  chartText: string;
}

/** The last twelve values are enough for a trend on a phone-sized card. */
const CHART_POINTS = 12;

export function measureDetailView(row: MeasureRow): MeasureDetailView {
  if (row.unit === null) {
    return {
      indicator: row.indicator,
      facts: [{ title: 'Values', value: 'This measure is in words only, with no unit or target.' }],
      colour: 'Default',
      chart: null,
      chartText: '',
    };
  }
  const unit = row.unit;
  // An indicator may be 2,000 characters; on a card with up to ten measures, each is kept to a readable line.
  const named = clipText(row.indicator, MAX_LISTED_TITLE);
  const indicator = row.of > 1 ? `Measure ${row.measure}: ${named}` : named;
  const recent = row.values.slice(-CHART_POINTS);
  const numeric = recent.filter((v): v is { period: string; value: number } => typeof v.value === 'number');
  const target = typeof row.target === 'number' ? row.target : null;
  const points = numeric.map((v) => ({ x: formatPeriod(v.period), y: v.value }));
  return {
    indicator,
    facts: [
      { title: 'Target', value: targetWords(row) },
      { title: 'Latest', value: latestWords(row) },
      { title: 'Status', value: STATUS_WORDS[row.status] },
      { title: 'Trend', value: trendWords(row.trend) },
    ],
    colour: STATUS_COLOUR[row.status],
    chart:
      points.length >= 2 && unit !== 'date'
        ? {
            title: named,
            values: points,
            target: target === null ? [] : points.map((p) => ({ x: p.x, y: target })),
          }
        : null,
    chartText: recent.length
      ? recent.map((v) => `${formatPeriod(v.period)}: ${formatMeasureValue(unit, v.value)}`).join(' · ')
      : 'No values yet.',
  };
}
