import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { RAGS, STATUSES } from '../api-types';
import type { PlanPage } from '../api-types';
import { isFiltered, isRag, isStatus, NO_FILTERS, type Filters } from '../view/filters';
import { RAG_WORDS } from '../view/words';

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
      <Field label="Agency">
        <Select value={filters.agency ?? ''} onChange={(_, d) => set({ agency: d.value || null })}>
          <option value="">Any agency</option>
          {page.filters.agencies.map((agency) => (
            <option key={agency} value={agency}>
              {agency}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Owner">
        <Select value={filters.owner ?? ''} onChange={(_, d) => set({ owner: d.value || null })}>
          <option value="">Any owner</option>
          {page.filters.owners.map((owner) => (
            <option key={owner.email} value={owner.email.toLowerCase()}>
              {owner.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Status">
        <Select value={filters.status ?? ''} onChange={(_, d) => set({ status: isStatus(d.value) ? d.value : null })}>
          <option value="">Any status</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="RAG (red, amber, green)">
        <Select value={filters.rag ?? ''} onChange={(_, d) => set({ rag: isRag(d.value) ? d.value : null })}>
          <option value="">Any RAG</option>
          {RAGS.map((rag) => (
            <option key={rag} value={rag}>
              {RAG_WORDS[rag]}
            </option>
          ))}
        </Select>
      </Field>
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
