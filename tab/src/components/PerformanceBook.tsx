import { cellWords, GAP_WORDS, measureGaps } from '../../../src/domain/measure-gaps';
import { TableScroll } from './TableScroll';
import { useMediaQuery } from './useMediaQuery';
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

function MeasuresTable({ measures, caption }: { measures: MeasureRow[]; caption: string }) {
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

/** Narrower than this (the meeting side panel is about 320 px), six columns do not fit: each measure is a card. */
const NARROW = '(max-width: 599px)';

/** Each measure as a card of label and value, for a narrow screen or a panel, where a wide table would scroll sideways. */
export function MeasureCards({ measures, caption }: { measures: MeasureRow[]; caption: string }) {
  return (
    <ul className="measure-cards" aria-label={caption}>
      {measures.map((m, i) => (
        <li key={`${m.ref}-${i}`} className="measure-card">
          <p className="measure-card-title">
            <strong>{measureLabel(m)}</strong> {m.indicator}
          </p>
          <dl className="measure-facts">
            <dt>Target</dt>
            <dd>{targetWords(m, formatDate)}</dd>
            <dt>Latest</dt>
            <dd>{latestWords(m)}</dd>
            <dt>Against target</dt>
            <dd>{measureGaps(m).status ?? MEASURE_STATUS_LABELS[m.status]}</dd>
            <dt>Trend</dt>
            <dd>
              <Trend measure={m} />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/**
 * The performance book: every measure with its target, latest value and trend, once measures are recorded;
 * with filters set, the measures of the actions shown, and `note` says so.
 */
export function PerformanceBook({ measures, note }: { measures: MeasureRow[] | null; note: string | null }) {
  const narrow = useMediaQuery(NARROW);
  const caption = 'Measures with target, latest value and trend';
  return (
    <section aria-labelledby="book-heading">
      <h2 id="book-heading">Performance book</h2>
      {note && <p>{note}</p>}
      {measures === null ? (
        <p>Measures are not recorded for this plan yet.</p>
      ) : measures.length === 0 ? (
        !note && <p>No measures have been set for this plan&apos;s actions yet.</p>
      ) : narrow ? (
        <MeasureCards measures={measures} caption={caption} />
      ) : (
        <MeasuresTable measures={measures} caption={caption} />
      )}
    </section>
  );
}
