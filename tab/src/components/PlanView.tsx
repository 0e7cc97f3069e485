import { Button } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api';
import type { PlanPage } from '../api-types';
import { formatDate } from '../view/dates';
import {
  countShown,
  filtersFromQuery,
  knownTo,
  filterSummary,
  isFiltered,
  NO_FILTERS,
  queryWithFilters,
  visibleThemes,
  withParam,
  type Filters,
} from '../view/filters';
import { bookShown, chartNote } from '../view/shown';
import { plural, RAG_EXPLAINED } from '../view/words';
import { ActionPanel } from './ActionPanel';
import { Counts } from './Counts';
import { FilterBar } from './FilterBar';
import { PerformanceBook } from './PerformanceBook';
import { Loading, Problem } from './Problem';
import { RagChart } from './RagChart';
import { ReportMenu } from './ReportMenu';
import { ThemeRows } from './ThemeRows';
import { useLoad } from './useLoad';

interface Props {
  client: ApiClient;
  planId: string;
  search: string;
  setSearch: (search: string, mode?: 'push' | 'replace') => void;
  /** Opens an address outside the tab (the committee report): Teams' way in Teams, a new window elsewhere. */
  openLink: (url: string) => Promise<void>;
}

export function PlanView(props: Props) {
  const page = useLoad(`plan:${props.planId}`, () => props.client.plan(props.planId));
  if (page.state === 'loading') return <Loading what="the plan" />;
  if (page.state === 'failed') return <Problem error={page.error} />;
  return <PlanOnAPage {...props} page={page.value} />;
}

function PlanOnAPage({ client, page, search, setSearch, openLink }: Props & { page: PlanPage }) {
  const filters = useMemo(() => knownTo(filtersFromQuery(search), page.filters), [search, page.filters]);
  const themes = useMemo(() => visibleThemes(page.themes, filters), [page.themes, filters]);
  const shown = useMemo(() => countShown(themes), [themes]);
  const total = useMemo(() => page.themes.reduce((n, t) => n + t.actions.length, 0), [page.themes]);
  const book = useMemo(() => bookShown(page.measures, themes, isFiltered(filters)), [page.measures, themes, filters]);
  const [openRef, setOpenRef] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const setFilters = useCallback((next: Filters) => setSearch(queryWithFilters(search, next)), [search, setSearch]);
  const open = useCallback((ref: string, from: HTMLElement) => {
    opener.current = from;
    setOpenRef(ref);
  }, []);
  const close = useCallback(() => {
    setOpenRef(null);
    // Back to the tile that opened the panel, so a keyboard user carries on where they were.
    const from = opener.current;
    if (from) requestAnimationFrame(() => from.focus());
  }, []);
  const summary = filterSummary(filters, page.filters.owners);

  return (
    <main>
      <div className="header">
        <div>
          <h1>{page.plan.title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            Plan on a page, {formatDate(page.today)}. {plural(total, 'action')}. {RAG_EXPLAINED}
          </p>
        </div>
        <div className="header-actions no-print">
          <Button onClick={() => setSearch(withParam(queryWithFilters(search, NO_FILTERS), 'plan', null), 'push')}>
            All plans
          </Button>
          <Button appearance="primary" onClick={() => window.print()}>
            Print
          </Button>
          <ReportMenu client={client} planId={page.plan.id} openLink={openLink} />
        </div>
      </div>

      <Counts shown={shown} filtered={isFiltered(filters)} total={total} />
      <FilterBar page={page} filters={filters} onChange={setFilters} />
      <p className="filter-note" role="status" aria-live="polite">
        {isFiltered(filters)
          ? `Showing ${shown.total.toLocaleString('en-GB')} of ${plural(total, 'action')}: ${summary.join(', ')}.`
          : `Showing all ${plural(total, 'action')}.`}
      </p>

      <h2>Actions by theme</h2>
      {themes.length === 0 ? <p>No actions match these filters.</p> : <ThemeRows themes={themes} onOpen={open} />}

      <RagChart weeks={page.ragByWeek} baselineDate={page.plan.baselineDate} note={chartNote(isFiltered(filters))} />
      <PerformanceBook measures={book.measures} note={book.note} />

      <ActionPanel client={client} planId={page.plan.id} actionRef={openRef} onClose={close} />
    </main>
  );
}
