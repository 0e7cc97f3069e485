import { evidenceChecklist } from './evidence-items';
import { historyLines, NameOf, namesIn } from './history-lines';
import { currentDueDate, daysOverdue, isOverdue, ragOf } from './rag';
import { ragByWeek } from './rag-weeks';
import { inPlanOrder } from './plan-order';
import type { ActionDetail, ActionTile, HistoryItem, MeasureRow, PersonRef, PlanPage } from './read-models';
import { Action, HistoryEntry, IsoDate, Plan, RAGS, STATUSES } from './types';
import { evidenceShown } from './evidence-shown';
import { standingUpdate } from './standing-update';

/**
 * The plan on a page and one action in full, as the tab shows them (the shapes of the tab's JSON
 * contract, in read-models.ts). Pure: the use cases read storage and check permission, this only arranges.
 */

export type { ActionDetail, ActionTile, HistoryItem, MeasureRow, PersonRef, PlanPage };

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
    requestedDueDate: action.dateRequest?.date ?? null,
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
  const tiles = inPlanOrder(actions).map((a) => actionTile(a, today, nameOf));
  const byRag = zeros(RAGS);
  const byStatus = zeros(STATUSES);
  const themes = new Map<string, ActionTile[]>();
  const agencies = new Set<string>();
  const owners = new Map<string, PersonRef>();
  for (const tile of tiles) {
    byRag[tile.rag]++;
    byStatus[tile.status]++;
    // Themes in the plan's own order (see plan-order.ts): the theme of its first action first.
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
  const { dateRequest } = action;
  const latestUpdate = standingUpdate(action);
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
