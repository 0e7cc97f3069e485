import { RAGS, STATUSES } from '../api-types';
import type { ActionTile, PlanPage, Rag, RagCounts, Status } from '../api-types';

/** What the person has chosen to see. Kept in the query string so a filtered view can be shared and restored. */
export interface Filters {
  agency: string | null;
  /** The owner's email, compared case-insensitively. */
  owner: string | null;
  status: Status | null;
  rag: Rag | null;
  overdue: boolean;
  awaitingSignOff: boolean;
}

export const NO_FILTERS: Filters = {
  agency: null,
  owner: null,
  status: null,
  rag: null,
  overdue: false,
  awaitingSignOff: false,
};

const KEYS = ['agency', 'owner', 'status', 'rag', 'overdue', 'signoff'] as const;

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

export function isRag(value: string): value is Rag {
  return (RAGS as readonly string[]).includes(value);
}

/** Reads filters from a query string; a value that names nothing known (a mistyped status) is ignored. */
export function filtersFromQuery(search: string): Filters {
  const params = new URLSearchParams(search);
  const text = (key: string) => params.get(key)?.trim() || null;
  const status = text('status');
  const rag = text('rag')?.toLowerCase() ?? null;
  return {
    agency: text('agency'),
    owner: text('owner')?.toLowerCase() ?? null,
    status: status && isStatus(status) ? status : null,
    rag: rag && isRag(rag) ? rag : null,
    overdue: params.get('overdue') === 'yes',
    awaitingSignOff: params.get('signoff') === 'yes',
  };
}

/**
 * Filters from an address kept only where the plan knows what they name: "agency=Nowhere" in a shared
 * link would otherwise hide every action while the agency box still said "Any agency". Agencies match in
 * any case and take the plan's own spelling.
 */
export function knownTo(filters: Filters, known: PlanPage['filters']): Filters {
  const agency = filters.agency
    ? (known.agencies.find((a) => a.toLowerCase() === filters.agency?.toLowerCase()) ?? null)
    : null;
  const owner =
    filters.owner && known.owners.some((o) => o.email.toLowerCase() === filters.owner) ? filters.owner : null;
  return { ...filters, agency, owner };
}

/** Writes filters into a query string, keeping everything else in it (plan, as, view) as it was. */
export function queryWithFilters(search: string, filters: Filters): string {
  const params = new URLSearchParams(search);
  for (const key of KEYS) params.delete(key);
  if (filters.agency) params.set('agency', filters.agency);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.status) params.set('status', filters.status);
  if (filters.rag) params.set('rag', filters.rag);
  if (filters.overdue) params.set('overdue', 'yes');
  if (filters.awaitingSignOff) params.set('signoff', 'yes');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function isFiltered(filters: Filters): boolean {
  return KEYS.some((key) => {
    const value = key === 'signoff' ? filters.awaitingSignOff : filters[key];
    return value !== null && value !== false;
  });
}

export function matches(tile: ActionTile, filters: Filters): boolean {
  if (filters.agency && tile.agency !== filters.agency) return false;
  if (filters.owner && tile.owner?.email.toLowerCase() !== filters.owner) return false;
  if (filters.status && tile.status !== filters.status) return false;
  if (filters.rag && tile.rag !== filters.rag) return false;
  if (filters.overdue && !tile.overdue) return false;
  if (filters.awaitingSignOff && !tile.awaitingSignOff) return false;
  return true;
}

export type ThemeRow = PlanPage['themes'][number];

/** The themes with only the matching actions; a theme left with none is dropped. */
export function visibleThemes(themes: readonly ThemeRow[], filters: Filters): ThemeRow[] {
  if (!isFiltered(filters)) return [...themes];
  return themes
    .map((theme) => ({ name: theme.name, actions: theme.actions.filter((tile) => matches(tile, filters)) }))
    .filter((theme) => theme.actions.length > 0);
}

export interface ShownCounts {
  total: number;
  byRag: RagCounts;
  byStatus: { status: Status; count: number }[];
}

/** Counts of the actions on screen, by RAG and by status (statuses with none are left out). */
export function countShown(themes: readonly ThemeRow[]): ShownCounts {
  const byRag: RagCounts = { red: 0, amber: 0, green: 0, complete: 0, cancelled: 0 };
  const statusCounts = new Map<Status, number>();
  let total = 0;
  for (const theme of themes) {
    for (const tile of theme.actions) {
      total++;
      byRag[tile.rag]++;
      statusCounts.set(tile.status, (statusCounts.get(tile.status) ?? 0) + 1);
    }
  }
  const byStatus = STATUSES.filter((s) => statusCounts.has(s)).map((status) => ({
    status,
    count: statusCounts.get(status) ?? 0,
  }));
  return { total, byRag, byStatus };
}

/** "Showing 12 of 48 actions: owner Alex Wilber, overdue." for screen readers and print. */
export function filterSummary(filters: Filters, owners: readonly { email: string; displayName: string }[]): string[] {
  const parts: string[] = [];
  if (filters.agency) parts.push(`agency ${filters.agency}`);
  if (filters.owner) {
    const owner = owners.find((o) => o.email.toLowerCase() === filters.owner);
    parts.push(`owner ${owner?.displayName ?? filters.owner}`);
  }
  if (filters.status) parts.push(`status ${filters.status}`);
  if (filters.rag) parts.push(`RAG ${filters.rag}`);
  if (filters.overdue) parts.push('overdue');
  if (filters.awaitingSignOff) parts.push('awaiting sign-off');
  return parts;
}

/** The query string with one parameter set (or removed when value is null), the rest kept. */
export function withParam(search: string, key: string, value: string | null): string {
  const params = new URLSearchParams(search);
  if (value === null) params.delete(key);
  else params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
