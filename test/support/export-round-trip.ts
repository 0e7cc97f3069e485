import { cellAsText, exportColumns, exportRows } from '../../src/domain/export-rows';
import { mergeImportedRow } from '../../src/domain/import-merge';
import { validateRows } from '../../src/domain/import-rows';
import { Action, IsoDate } from '../../src/domain/types';

/**
 * The register exported as a committee would download it, then read back untouched into the same actions, with a
 * 30 Jun 2026 baseline: what the import finds wrong with the file, and the actions it would leave.
 */
export function exportedAndImported(actions: Action[], today: IsoDate) {
  const rows = exportRows(actions, today);
  const columns = exportColumns(rows);
  const table = [columns, ...rows.map((row) => columns.map((c) => cellAsText(row[c] ?? null)))];
  const { errors, rows: read } = validateRows(table, '2026-06-30', today);
  const who = { by: 'importer', at: `${today}T10:00:00.000Z` };
  const merged = read.map((row) =>
    mergeImportedRow(
      actions.find((a) => a.ref === row.ref)!,
      row,
      'test-plan',
      who,
    ),
  );
  return { errors, merged };
}
