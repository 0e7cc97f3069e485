import { TableEntityResult, TransactionAction } from '@azure/data-tables';
import { ACTION_PREFIX, actionToEntity, entityToAction, entityToHistory, historyToEntity } from './action-store';
import { num, Row, str } from './entity-codec';
import { escapeKey } from './keys';
import { refPart, STAGED_ACTION_PREFIX, STAGED_HISTORY_PREFIX, stagedWins } from './staged-rows';

/** What one group does once written: copies an action, keeps the one changed in Teams, or only tidies up. */
export type CopyOutcome = { kind: 'applied' } | { kind: 'keptFromTeams'; ref: string } | { kind: 'tidied' };

/**
 * One pass of copying a published import over the live actions, as groups of operations to write together:
 * each staged action with its history and the removal of its staged rows, or, when the live action changed in
 * Teams since it was staged, just the removal. Staged history with no action left is removed too. An action whose
 * place in the file was all that changed is staged `orderOnly`, with no history, and copied without one.
 */
export function stagedCopyGroups(
  planId: string,
  importId: string,
  rows: { live: TableEntityResult<Row>[]; staged: TableEntityResult<Row>[]; stagedHistory: TableEntityResult<Row>[] },
): { groups: TransactionAction[][]; outcomes: CopyOutcome[] } {
  const pk = escapeKey(planId);
  const liveByRef = new Map(rows.live.map((r) => [refPart(String(r.rowKey), ACTION_PREFIX), r]));
  const historyByRef = new Map(rows.stagedHistory.map((r) => [refPart(String(r.rowKey), STAGED_HISTORY_PREFIX), r]));
  const groups: TransactionAction[][] = [];
  const outcomes: CopyOutcome[] = [];
  for (const s of rows.staged) {
    const ref = refPart(String(s.rowKey), STAGED_ACTION_PREFIX);
    const l = liveByRef.get(ref);
    const h = historyByRef.get(ref);
    historyByRef.delete(ref);
    const remove: TransactionAction[] = [['delete', { partitionKey: pk, rowKey: String(s.rowKey) }]];
    if (h) remove.push(['delete', { partitionKey: pk, rowKey: String(h.rowKey) }]);
    const orderOnly = s.orderOnly === true;
    if (!stagedWins(l, s, importId) || (!h && !orderOnly)) {
      groups.push(remove);
      const kept = str(s, 'importId') === importId && l ? str(l, 'ref') : '';
      outcomes.push(kept ? { kind: 'keptFromTeams', ref: kept } : { kind: 'tidied' });
      continue;
    }
    const revision = num(s, 'baseRevision') + 1;
    // The live row keeps its own key (an older key form, for some refs stored by earlier versions).
    const action = {
      ...actionToEntity(entityToAction(planId, s), revision),
      ...(l ? { rowKey: String(l.rowKey) } : {}),
    };
    groups.push([
      l ? ['update', action, 'Replace', { etag: l.etag }] : ['create', action],
      ...(h ? [['create', historyToEntity(entityToHistory(planId, h), revision)] as TransactionAction] : []),
      ...remove,
    ]);
    outcomes.push({ kind: 'applied' });
  }
  for (const h of historyByRef.values()) {
    groups.push([['delete', { partitionKey: pk, rowKey: String(h.rowKey) }]]);
    outcomes.push({ kind: 'tidied' });
  }
  return { groups, outcomes };
}
