import { TableEntityResult } from '@azure/data-tables';
import { num, Row, str } from './entity-codec';

/**
 * An import is written beside the plan's actions, in the same partition,
 * before anyone sees it: one staged action row and one staged history row
 * per changed action. Readers ignore staged rows until the import row says
 * the import is published; from then on a staged action stands in for the
 * live one until it is copied over. Publishing is one write, so readers see
 * the whole import or none of it.
 */
export const IMPORT_ROW = '!import';
export const STAGED_ACTION_PREFIX = 's|a|';
export const STAGED_HISTORY_PREFIX = 's|h|';
/** Every staged row. */
export const STAGED_PREFIX = 's|';

export const IMPORT_STATES = ['staging', 'publishing'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** The id of the import readers must see, when one is published but not yet copied over. */
export function publishedImport(importRow: Row | null | undefined): string | null {
  return importRow && str(importRow, 'state') === 'publishing' ? str(importRow, 'importId') : null;
}

/**
 * Whether a staged action replaces the live one. Only when the live action
 * is still the version the import was computed from: a change made in Teams
 * after that wins (the import of that action is then left out, and importing
 * again applies the file to it), so nothing anyone saved is ever lost.
 */
export function stagedWins(live: Row | undefined, staged: Row | undefined, importId: string): boolean {
  if (!staged || str(staged, 'importId') !== importId) return false;
  const base = num(staged, 'baseRevision');
  return live ? num(live, 'revision') === base : base === 0;
}

/** The part of a staged or live row key that names the action. */
export const refPart = (rowKey: string, prefix: string) => rowKey.slice(prefix.length);

/**
 * The plan's actions as readers should see them while an import is
 * published but not yet copied over, in row key order. A staged action
 * carries the live row's ETag and the revision it was computed from, so a
 * change made on it in Teams is a normal, guarded write.
 */
export function overlay(
  live: TableEntityResult<Row>[],
  staged: TableEntityResult<Row>[],
  importId: string,
  actionPrefix: string,
): { row: Row; etag: string; revision: number }[] {
  const liveByRef = new Map(live.map((r) => [refPart(r.rowKey ?? '', actionPrefix), r]));
  const stagedByRef = new Map(staged.map((r) => [refPart(r.rowKey ?? '', STAGED_ACTION_PREFIX), r]));
  const refs = [...new Set([...liveByRef.keys(), ...stagedByRef.keys()])].sort();
  return refs.flatMap((ref) => {
    const l = liveByRef.get(ref);
    const s = stagedByRef.get(ref);
    if (stagedWins(l, s, importId)) return [{ row: s!, etag: l?.etag ?? '', revision: num(s!, 'baseRevision') }];
    return l ? [{ row: l, etag: l.etag, revision: num(l, 'revision') }] : [];
  });
}
