import { TableEntityResult } from '@azure/data-tables';
import { oneOf, Row, str } from './entity-codec';
import { ImportState, IMPORT_STATES } from './staged-rows';

/** Rows in the plans table that list imports not yet finished, so `plans` can name them even for a plan nobody sees yet. */
export const INDEX_PARTITION = 'import';

/** An import as its marker row records it: whose file, since when, and how far it got. */
export interface ImportInfo {
  planId: string;
  file: string;
  by: string;
  startedAt: string;
  state: ImportState;
}

/** An import being staged: the marker row's id and ETag, so a later import taking over is noticed. */
export interface Staging {
  planId: string;
  importId: string;
  etag: string;
}

/** Applying the import: the actions it changed, and those it left because they changed in Teams meanwhile. */
export interface Finished {
  info: ImportInfo;
  applied: number;
  keptFromTeams: string[];
}

export function toInfo(row: Row): ImportInfo {
  return {
    planId: str(row, 'planId'),
    file: str(row, 'file'),
    by: str(row, 'by'),
    startedAt: str(row, 'startedAt'),
    state: oneOf('imports', row, 'state', IMPORT_STATES, 'staging'),
  };
}

/** A row read back as one to write again: without its ETag and timestamp. */
export function toEntity(row: TableEntityResult<Row>): Row & { partitionKey: string; rowKey: string } {
  const { etag: _etag, timestamp: _timestamp, ...rest } = row;
  return { ...rest, partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) };
}
