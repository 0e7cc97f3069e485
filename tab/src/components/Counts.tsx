import { RAGS } from '../api-types';
import type { ShownCounts } from '../view/filters';
import { RAG_WORDS } from '../view/words';

/** Counts by RAG and by status for the actions shown; with filters on, they count only what matches. */
export function Counts({ shown, filtered, total }: { shown: ShownCounts; filtered: boolean; total: number }) {
  const of = filtered
    ? ` (of the ${shown.total.toLocaleString('en-GB')} shown, ${total.toLocaleString('en-GB')} in all)`
    : '';
  return (
    <section className="counts" aria-label="Counts">
      <div>
        <h2 style={{ marginTop: 8 }}>By RAG{of}</h2>
        <ul className="count-list" aria-label="Actions by RAG">
          {RAGS.map((rag) => (
            <li key={rag} className={`rag-${rag}`}>
              {RAG_WORDS[rag]}: <strong>{shown.byRag[rag]}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h2 style={{ marginTop: 8 }}>By status</h2>
        <ul className="count-list" aria-label="Actions by status">
          {shown.byStatus.map(({ status, count }) => (
            <li key={status}>
              {status}: <strong>{count}</strong>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
