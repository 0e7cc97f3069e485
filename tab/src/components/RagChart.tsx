import { ChartPatterns, patternId, Swatch } from './ChartPatterns';
import { TableScroll } from './TableScroll';
import type { RagWeek } from '../api-types';
import { formatDate, formatDayMonth } from '../view/dates';
import { chartGeometry, chartSummary, historyStartNote, STACK_ORDER } from '../view/rag-chart';
import { RAG_WORDS } from '../view/words';

const WIDTH = 640;
const HEIGHT = 160;
const AXIS = 28;
/** A count is written on a segment only where it fits; the table below has every figure. */
const CHIP_HEIGHT = 14;
const CHIP_MIN_BAR = 24;

/** A segment's count on a plain chip, readable over any fill in any theme. */
function CountChip({ x, y, count }: { x: number; y: number; count: number }) {
  const width = 10 + 7 * String(count).length;
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

/**
 * RAG counts week by week from the history: a stacked bar per week, with the same figures as a table. It is
 * the whole plan's, whatever the filters (`note` says so when they are set).
 */
export function RagChart(props: { weeks: RagWeek[]; baselineDate: string; note: string | null }) {
  const { weeks, note } = props;
  const chart = chartGeometry(weeks, WIDTH, HEIGHT);
  const startNote = historyStartNote(weeks, props.baselineDate);
  const labelEvery = Math.max(1, Math.ceil(chart.bars.length / 8));
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
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={chartSummary(weeks)}>
              <ChartPatterns />
              <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke="var(--colorNeutralStroke1)" />
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
                  {bar.width >= CHIP_MIN_BAR &&
                    bar.segments
                      .filter((s) => s.height >= CHIP_HEIGHT + 2)
                      .map((s) => (
                        <CountChip key={s.rag} x={bar.x + bar.width / 2} y={s.y + s.height / 2} count={s.count} />
                      ))}
                  {i % labelEvery === 0 && (
                    <text
                      x={bar.x + bar.width / 2}
                      y={HEIGHT + 18}
                      textAnchor="middle"
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
