import { currentDueDate, daysOverdue, isOverdue } from '../rag';
import { compareRefs } from '../ref';
import { comparePlanOrder } from '../plan-order';
import { correctedTo, statedDoneOn } from '../completed-on';
import { isDone } from '../status';
import { Action, HistoryEntry } from '../types';
import { latestWords, LatestWords } from './latest-words';
import { Challenge, ChallengeKind, Highlight, Slip } from './types';

type ChangesOf = (action: Action) => HistoryEntry[];

const change = (entry: HistoryEntry, field: string) => entry.changes.find((c) => c.field === field);

/** Completed or signed off in the period and still done at its end: the latest such change, by reference. */
export function highlights(actions: readonly Action[], changesOf: ChangesOf): Highlight[] {
  const found: Highlight[] = [];
  for (const action of actions) {
    if (!isDone(action.status)) continue;
    let latest: Highlight | null = null;
    for (const entry of changesOf(action)) {
      const status = change(entry, 'status');
      if (status && (status.to === 'Complete' || status.to === 'Signed off') && status.from !== status.to)
        latest = {
          action,
          reached: status.to,
          at: entry.at,
          by: entry.by,
          evidence: action.evidence,
          comment: entry.comment,
          doneOn: status.to === 'Complete' ? statedDoneOn(entry) : null,
        };
      // "SG-9 was actually done on 20 Nov": the day corrected since it was completed.
      const corrected: string | null = latest?.reached === 'Complete' ? correctedTo(entry) : null;
      if (latest && corrected) latest = { ...latest, doneOn: corrected };
    }
    if (latest) found.push(latest);
  }
  return found.sort((a, b) => comparePlanOrder(a.action, b.action));
}

const ORDER: Record<ChallengeKind, number> = { overdue: 0, delayed: 1, atRisk: 2 };

/**
 * Overdue (most overdue first), then delayed, then at risk, at the end of the period, each with the latest
 * words about it (`wordsOf`; by default its latest update alone).
 */
export function challenges(
  actions: readonly Action[],
  today: string,
  wordsOf: (action: Action) => LatestWords | null = (action) => latestWords(action, []),
): Challenge[] {
  const found: Challenge[] = [];
  for (const action of actions) {
    const kind: ChallengeKind | null = isOverdue(action, today)
      ? 'overdue'
      : action.status === 'Delayed'
        ? 'delayed'
        : action.status === 'At risk'
          ? 'atRisk'
          : null;
    if (kind)
      found.push({
        action,
        kind,
        due: currentDueDate(action),
        daysOverdue: daysOverdue(action, today),
        words: wordsOf(action),
      });
  }
  return found.sort(
    (a, b) => ORDER[a.kind] - ORDER[b.kind] || b.daysOverdue - a.daysOverdue || compareRefs(a.action.ref, b.action.ref),
  );
}

/** Every move of a due date in the period, oldest first, each with the date it replaced and its reason. */
export function slippage(actions: readonly Action[], changesOf: ChangesOf): Slip[] {
  const found: Slip[] = [];
  for (const action of actions) {
    for (const entry of changesOf(action)) {
      const revised = change(entry, 'revisedDueDate');
      if (!revised || revised.to === null || revised.to === revised.from) continue;
      const original = change(entry, 'originalDueDate')?.to ?? action.originalDueDate;
      found.push({
        action,
        original,
        from: revised.from ?? original,
        to: revised.to,
        reason: (change(entry, 'revisionReason')?.to ?? entry.comment)?.trim() || null,
        at: entry.at,
        by: entry.by,
      });
    }
  }
  return found.sort((a, b) => a.at.localeCompare(b.at) || compareRefs(a.action.ref, b.action.ref));
}
