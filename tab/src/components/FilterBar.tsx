import { Button, Checkbox } from '@fluentui/react-components';
import { RAGS, STATUSES } from '../api-types';
import type { PlanPage } from '../api-types';
import { isFiltered, isRag, isStatus, NO_FILTERS, type Filters } from '../view/filters';
import { RAG_WORDS } from '../view/words';
import { asIs, Choice } from './Choice';

/** The six filters. Every change goes into the address at once, so the view can be shared as a link. */
export function FilterBar({
  page,
  filters,
  onChange,
}: {
  page: PlanPage;
  filters: Filters;
  onChange: (f: Filters) => void;
}) {
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Choice
        label="Agency"
        none="Any agency"
        value={filters.agency}
        options={page.filters.agencies.map(asIs)}
        onPick={(v) => set({ agency: v || null })}
      />
      <Choice
        label="Owner"
        none="Any owner"
        value={filters.owner}
        options={page.filters.owners.map((o) => ({ value: o.email.toLowerCase(), label: o.displayName }))}
        onPick={(v) => set({ owner: v || null })}
      />
      <Choice
        label="Status"
        none="Any status"
        value={filters.status}
        options={STATUSES.map(asIs)}
        onPick={(v) => set({ status: isStatus(v) ? v : null })}
      />
      <Choice
        label="RAG (red, amber, green)"
        none="Any RAG"
        value={filters.rag}
        options={RAGS.map((rag) => ({ value: rag, label: RAG_WORDS[rag] }))}
        onPick={(v) => set({ rag: isRag(v) ? v : null })}
      />
      <div className="checks">
        <Checkbox
          label="Overdue only"
          checked={filters.overdue}
          onChange={(_, d) => set({ overdue: d.checked === true })}
        />
        <Checkbox
          label="Awaiting sign-off only"
          checked={filters.awaitingSignOff}
          onChange={(_, d) => set({ awaitingSignOff: d.checked === true })}
        />
      </div>
      <div>
        <Button disabled={!isFiltered(filters)} onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
