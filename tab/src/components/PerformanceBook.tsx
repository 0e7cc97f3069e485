import { cellWords, GAP_WORDS, measureGaps } from '../../../src/domain/measure-gaps';
import { TableScroll } from './TableScroll';
import type { MeasureRow } from '../api-types';
import { formatDate } from '../view/dates';
import { sparkline } from '../view/rag-chart';
import { MEASURE_STATUS_LABELS, TREND_LABELS } from '../../../src/domain/measure-labels';
import { latestWords, measureLabel, targetWords } from '../view/words';

/** A small line of a measure's values; the words beside it carry the meaning. */
export function Trend({ measure }: { measure: MeasureRow }) {
  const points = sparkline(measure.values, 80, 20);
  const words = measure.trend ? TREND_LABELS[measure.trend] : cellWords(GAP_WORDS.noTrend);
  return (
    <span>
      {points && (
        <svg
          width={80}
          height={24}
          viewBox="-2 -2 84 24"
          aria-hidden="true"
          style={{ verticalAlign: 'middle', marginRight: 6 }}
        >
          <polyline points={points} fill="none" stroke="var(--colorBrandForeground1)" strokeWidth={2} />
        </svg>
      )}
      {words}
    </span>
  );
}

export function MeasuresTable({ measures, caption }: { measures: MeasureRow[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Measure</th>
            <th scope="col">Target</th>
            <th scope="col">Latest</th>
            <th scope="col">Against target</th>
            <th scope="col">Trend</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m, i) => (
            <tr key={`${m.ref}-${i}`}>
              <td>{measureLabel(m)}</td>
              <td>{m.indicator}</td>
              <td>{targetWords(m, formatDate)}</td>
              <td>{latestWords(m)}</td>
              <td>{measureGaps(m).status ?? MEASURE_STATUS_LABELS[m.status]}</td>
              <td>
                <Trend measure={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The performance book: every measure with its target, latest value and trend, once measures are recorded;
 * with filters set, the measures of the actions shown, and `note` says so.
 */
export function PerformanceBook({ measures, note }: { measures: MeasureRow[] | null; note: string | null }) {
  return (
    <section aria-labelledby="book-heading">
      <h2 id="book-heading">Performance book</h2>
      {note && <p>{note}</p>}
      {measures === null ? (
        <p>Measures are not recorded for this plan yet.</p>
      ) : measures.length === 0 ? (
        !note && <p>No measures have been set for this plan&apos;s actions yet.</p>
      ) : (
        <MeasuresTable measures={measures} caption="Measures with target, latest value and trend" />
      )}
    </section>
  );
}
