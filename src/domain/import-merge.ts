import { evidenceLink } from './evidence-items';
import { importedRevision } from './import-dates';
import { ImportedMeasureFields, mergeMeasure } from './import-measure';
import { ImportedRow } from './import-rows';
import { NOT_YET_STARTED } from './status';
import { Action, Evidence, Measure } from './types';

/**
 * The action as it should be after importing a row. What the file leaves
 * blank keeps its current value, so an import never wipes out updates made
 * in Teams; what the file says replaces it.
 */
export function mergeImportedRow(
  existing: Action | null,
  row: ImportedRow,
  planId: string,
  who: { by: string; at: string },
): Action {
  const base: Action = existing ?? {
    planId,
    ref: row.ref,
    theme: '',
    title: row.title,
    timescale: '',
    originalDueDate: null,
    revisedDueDate: null,
    revisionReason: null,
    revisionCount: 0,
    owner: null,
    agency: '',
    status: NOT_YET_STARTED,
    measures: [],
    evidence: [],
    latestUpdate: null,
    dateRequest: null,
  };
  const known = new Set(base.evidence.map((e) => e.url ?? e.note));
  const added: Evidence[] = [...new Set(row.evidence)]
    .filter((text) => !known.has(text))
    .map((text) => ({
      url: evidenceLink(text),
      note: text,
      addedBy: who.by,
      addedAt: who.at,
    }));
  const given = row.originalDueDate !== undefined ? row.originalDueDate : base.originalDueDate;
  // A new action whose file gives only its current due date is due then: nothing moved it here.
  const originalDueDate = existing === null && given === null ? (row.currentDueDate ?? null) : given;
  return {
    ...base,
    // A new action's date moved before it came here (an exported plan): it keeps the date and its reason.
    ...(existing === null ? importedRevision(row, originalDueDate) : null),
    title: row.title,
    theme: row.theme ?? base.theme,
    timescale: row.timescale ?? base.timescale,
    originalDueDate,
    owner: row.owner ? mergeOwner(base, row) : base.owner,
    agency: row.agency ?? base.agency,
    status: row.status ?? base.status,
    measures: mergeMeasures(base.measures, row),
    evidence: [...base.evidence, ...added],
    ...(row.evidenceRequired !== undefined ? { evidenceRequired: row.evidenceRequired } : {}),
    ...(row.evidenceDue !== undefined ? { evidenceDue: row.evidenceDue } : {}),
  };
}

/** Keeps what Teams taught us about the same person (their directory id, their name). */
function mergeOwner(base: Action, row: ImportedRow): Action['owner'] {
  const incoming = row.owner!;
  if (base.owner?.email !== incoming.email) return incoming;
  return { ...base.owner, displayName: incoming.displayName ?? base.owner.displayName };
}

/**
 * The file's measures, by position: measure 2 of the file updates measure 2 of the register, so its values
 * (stored by position) stay with it. A measure the file leaves blank keeps what the register has; the file
 * never removes one.
 */
function mergeMeasures(current: readonly Measure[], row: ImportedRow): Measure[] {
  const incoming: ImportedMeasureFields[] = [row.measure !== undefined ? row : {}, ...(row.moreMeasures ?? [])];
  const count = Math.max(current.length, row.measure === undefined && !row.moreMeasures ? 0 : incoming.length);
  return Array.from({ length: count }, (_, i): Measure | undefined =>
    incoming[i]?.measure !== undefined ? mergeMeasure(current[i], incoming[i]) : current[i],
  ).filter((m): m is Measure => m !== undefined);
}
