import { ChartPatterns, patternId, Swatch } from './ChartPatterns';
import { TableScroll } from './TableScroll';
import type { RagWeek } from '../api-types';
import { formatDate, formatDayMonth } from '../view/dates';
import { chartGeometry, chartSummary, historyStartNote, STACK_ORDER } from '../view/rag-chart';
import { RAG_WORDS } from '../view/words';
import { useMediaQuery } from './useMediaQuery';

const WIDTH = 640;
/** In a meeting's side panel (320 px) the chart is drawn about as wide as it is shown, so its words stay readable. */
const NARROW_WIDTH = 300;
const NARROW = '(max-width: 599px)';
const HEIGHT = 160;
const AXIS = 28;
/** A count is written on a segment only where it fits; the table below has every figure. */
const CHIP_HEIGHT = 14;
const CHIP_MIN_BAR = 24;

/** A segment's count on a plain chip, readable over any fill in any theme. */
const chipWidth = (count: number) => 10 + 7 * String(count).length;

function CountChip({ x, y, count }: { x: number; y: number; count: number }) {
  const width = chipWidth(count);
  return (
    <g className="chart-count" aria-hidden="true">
      <rect
        x={x - width / 2}
        y={y - CHIP_HEIGHT / 2}
        width={width}
        height={CHIP_HEIGHT}
        rx={3}
        fill="var(--colorNeutralBackground1)"
        stroke="var(--colorNeutralForeground1)"
        strokeWidth={0.5}
      />
      <text x={x} y={y + 4} textAnchor="middle" fontSize={11} fill="var(--colorNeutralForeground1)">
        {count}
      </text>
    </g>
  );
}

/** A date under a bar, kept inside the chart: the first starts at its bar and the last ends at its bar. */
function labelAt(x: number, width: number, index: number, count: number) {
  if (index === 0) return { x, textAnchor: 'start' } as const;
  if (index === count - 1) return { x: x + width, textAnchor: 'end' } as const;
  return { x: x + width / 2, textAnchor: 'middle' } as const;
}

/**
 * RAG counts week by week from the history: a stacked bar per week, with the same figures as a table. It is
 * the whole plan's, whatever the filters (`note` says so when they are set).
 */
export function RagChart(props: { weeks: RagWeek[]; baselineDate: string; note: string | null }) {
  const { weeks, note } = props;
  const narrow = useMediaQuery(NARROW);
  const width = narrow ? NARROW_WIDTH : WIDTH;
  const chart = chartGeometry(weeks, width, HEIGHT);
  const startNote = historyStartNote(weeks, props.baselineDate);
  const labelEvery = Math.max(1, Math.ceil(chart.bars.length / (narrow ? 4 : 8)));
  // A chip may stand a little wider than its bar, into the gap beside it.
  const fits = (barWidth: number, count: number) =>
    barWidth >= (narrow ? 16 : CHIP_MIN_BAR) && barWidth + 8 >= chipWidth(count);
  return (
    <section className="chart-wrap" aria-labelledby="chart-heading">
      <h2 id="chart-heading">RAG week by week, whole plan</h2>
      {note && <p className="muted">{note}</p>}
      {startNote && <p className="muted">{startNote}</p>}
      {weeks.length === 0 ? (
        <p>There is no history to chart yet.</p>
      ) : (
        <>
          <div className="chart">
            <svg viewBox={`0 0 ${width} ${HEIGHT + AXIS}`} role="img" aria-label={chartSummary(weeks)}>
              <ChartPatterns />
              <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="var(--colorNeutralStroke1)" />
              {chart.bars.map((bar, i) => (
                <g key={bar.weekStarting}>
                  <title>{`Week starting ${formatDate(bar.weekStarting)}: ${bar.segments
                    .map((s) => `${s.count} ${RAG_WORDS[s.rag].toLowerCase()}`)
                    .join(', ')}`}</title>
                  {bar.segments.map((s) => (
                    <rect
                      key={s.rag}
                      className={`rag-${s.rag}`}
                      x={bar.x}
                      y={s.y}
                      width={bar.width}
                      height={s.height}
                      fill={`url(#${patternId(s.rag)})`}
                      stroke="var(--colorNeutralForeground1)"
                      strokeWidth={0.75}
                    />
                  ))}
                  {bar.segments
                    .filter((s) => s.height >= CHIP_HEIGHT + 2 && fits(bar.width, s.count))
                    .map((s) => (
                      <CountChip key={s.rag} x={bar.x + bar.width / 2} y={s.y + s.height / 2} count={s.count} />
                    ))}
                  {i % labelEvery === 0 && (
                    <text
                      {...labelAt(bar.x, bar.width, i, chart.bars.length)}
                      y={HEIGHT + 18}
                      fontSize={12}
                      fill="var(--colorNeutralForeground2)"
                    >
                      {formatDayMonth(bar.weekStarting)}
                    </text>
                  )}
                </g>
              ))}
            </svg>
          </div>
          <ul className="chart-legend" aria-hidden="true">
            {[...STACK_ORDER].reverse().map((rag) => (
              <li key={rag} className={`rag-${rag}`}>
                <Swatch rag={rag} />
                {RAG_WORDS[rag]}
              </li>
            ))}
          </ul>
          {chart.omitted > 0 && <p className="muted">The chart shows the latest {chart.bars.length} weeks.</p>}
          <details className="no-print">
            <summary>Show the figures as a table</summary>
            <TableScroll label="Actions by RAG, week by week">
              <table className="data-table">
                <caption className="visually-hidden">Actions by RAG, week by week</caption>
                <thead>
                  <tr>
                    <th scope="col">Week starting</th>
                    {STACK_ORDER.map((rag) => (
                      <th key={rag} scope="col">
                        {RAG_WORDS[rag]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week) => (
                    <tr key={week.weekStarting}>
                      <th scope="row">{formatDate(week.weekStarting)}</th>
                      {STACK_ORDER.map((rag) => (
                        <td key={rag}>{week[rag]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </>
      )}
    </section>
  );
}
