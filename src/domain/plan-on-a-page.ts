import { evidenceChecklist } from './evidence-items';
import type { MeasureRow } from './measure-view';
import { historyLines, NameOf, namesIn } from './history-lines';
import { currentDueDate, daysOverdue, isOverdue, ragOf } from './rag';
import { ragByWeek, RagWeek } from './rag-weeks';
import { compareRefs } from './ref';
import { Action, HistoryEntry, IsoDate, Plan, Rag, RAGS, Status, STATUSES } from './types';
import { evidenceShown } from './evidence-shown';

/**
 * The plan on a page and one action in full, as the tab shows them (the shapes of the tab's JSON
 * contract). Pure: the use cases read storage and check permission, this only arranges.
 */

export interface PersonRef {
  email: string;
  displayName: string;
}

export interface ActionTile {
  ref: string;
  title: string;
  theme: string;
  agency: string;
  owner: PersonRef | null;
  status: Status;
  rag: Rag;
  /** The current due date: the revised one once moved. */
  dueDate: IsoDate | null;
  originalDueDate: IsoDate | null;
  slipped: boolean;
  overdue: boolean;
  daysOverdue: number;
  /** Complete, not yet signed off. */
  awaitingSignOff: boolean;
}

/** A measure on the performance book; filled once the measures issue lands (see use-cases/tab-measures.ts). */
export type { MeasureRow };

export interface PlanPage {
  plan: { id: string; title: string; baselineDate: IsoDate };
  today: IsoDate;
  counts: { byRag: Record<Rag, number>; byStatus: Record<Status, number> };
  themes: { name: string; actions: ActionTile[] }[];
  filters: { agencies: string[]; owners: PersonRef[] };
  ragByWeek: RagWeek[];
  measures: MeasureRow[] | null;
}

export interface HistoryItem {
  at: string;
  /** The person by name, or null for the import or a job. */
  by: string | null;
  via: HistoryEntry['via'];
  lines: string[];
}

export interface ActionDetail extends ActionTile {
  timescale: string;
  revisionReason: string | null;
  revisionCount: number;
  dateRequest: { date: IsoDate; reason: string; by: string; at: string } | null;
  latestUpdate: { text: string; by: string; at: string } | null;
  /** `words`: what the person said with it, without its link (see evidence-shown.ts); `note` as stored. */
  evidence: {
    url: string | null;
    note: string;
    words: string | null;
    addedBy: string;
    addedAt: string;
    item: string | null;
  }[];
  /** The items of evidence the board expects before sign-off, each with whether it has been given. */
  evidenceRequired: { item: string; given: boolean }[];
  /** When the required evidence is to be presented. */
  evidenceDue: IsoDate | null;
  /** Newest first. */
  history: HistoryItem[];
  measures: MeasureRow[] | null;
}

export function actionTile(action: Action, today: IsoDate, nameOf: NameOf): ActionTile {
  const due = currentDueDate(action);
  return {
    ref: action.ref,
    title: action.title,
    theme: action.theme,
    agency: action.agency,
    owner: action.owner
      ? { email: action.owner.email, displayName: action.owner.displayName ?? nameOf(action.owner.email) }
      : null,
    status: action.status,
    rag: ragOf(action, today),
    dueDate: due,
    originalDueDate: action.originalDueDate,
    slipped: due !== action.originalDueDate,
    overdue: isOverdue(action, today),
    daysOverdue: daysOverdue(action, today),
    awaitingSignOff: action.status === 'Complete',
  };
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function planPage(
  plan: Plan,
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  today: IsoDate,
  nameOf: NameOf,
  measures: MeasureRow[] | null,
): PlanPage {
  const tiles = [...actions].sort((a, b) => compareRefs(a.ref, b.ref)).map((a) => actionTile(a, today, nameOf));
  const byRag = zeros(RAGS);
  const byStatus = zeros(STATUSES);
  const themes = new Map<string, ActionTile[]>();
  const agencies = new Set<string>();
  const owners = new Map<string, PersonRef>();
  for (const tile of tiles) {
    byRag[tile.rag]++;
    byStatus[tile.status]++;
    // Themes in the order the plan's references put them: the theme of its first action first.
    const list = themes.get(tile.theme);
    if (list) list.push(tile);
    else themes.set(tile.theme, [tile]);
    if (tile.agency) agencies.add(tile.agency);
    if (tile.owner) owners.set(tile.owner.email, tile.owner);
  }
  const byName = (a: PersonRef, b: PersonRef) => a.displayName.localeCompare(b.displayName, 'en-GB');
  return {
    plan: { id: plan.id, title: plan.title, baselineDate: plan.baselineDate },
    today,
    counts: { byRag, byStatus },
    themes: [...themes].map(([name, list]) => ({ name, actions: list })),
    filters: {
      agencies: [...agencies].sort((a, b) => a.localeCompare(b, 'en-GB')),
      owners: [...owners.values()].sort(byName),
    },
    ragByWeek: ragByWeek(actions, history, today, plan.timeZone),
    measures,
  };
}

/** `history` newest first, as the store returns one action's. */
export function actionDetail(
  action: Action,
  history: readonly HistoryEntry[],
  today: IsoDate,
  nameOf: NameOf,
  measures: MeasureRow[] | null,
): ActionDetail {
  const { dateRequest, latestUpdate } = action;
  return {
    ...actionTile(action, today, nameOf),
    timescale: action.timescale,
    revisionReason: action.revisionReason,
    revisionCount: action.revisionCount,
    dateRequest: dateRequest && { ...dateRequest, by: nameOf(dateRequest.by) },
    latestUpdate: latestUpdate && {
      ...latestUpdate,
      text: namesIn(latestUpdate.text, nameOf),
      by: nameOf(latestUpdate.by),
    },
    evidence: action.evidence.map((e) => ({
      ...e,
      addedBy: nameOf(e.addedBy),
      item: e.item ?? null,
      words: evidenceShown(e).words,
    })),
    evidenceRequired: evidenceChecklist(action),
    evidenceDue: action.evidenceDue ?? null,
    history: history.map((entry) => {
      const words = historyLines(entry, nameOf);
      return {
        at: entry.at,
        by: words.who,
        via: entry.via,
        lines: words.comment ? [...words.lines, words.comment] : words.lines,
      };
    }),
    measures,
  };
}
