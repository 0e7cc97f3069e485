import { legacyRefKey, refKey } from '../domain/ref';
import { readStoredValue, storedValue } from '../domain/measure-values';
import {
  Action,
  DIRECTIONS,
  Measure,
  FREQUENCIES,
  HistoryEntry,
  MEASURE_UNITS,
  MeasureDefinition,
  STATUSES,
  VIAS,
} from '../domain/types';
import { compact, json, num, oneOf, Row, str, strOrNull } from './entity-codec';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';

/**
 * A plan's actions and their history share one partition of one table, so
 * that an update and its history entry are written in one transaction.
 * These are the rows' keys and how an action and a history entry become rows and back.
 */
export const ACTION_PREFIX = 'a|';
export const HISTORY_PREFIX = 'h|';
/** Rewritten by every write to the plan, so its ETag says whether anything changed. */
export const VERSION_ROW = '!version';

export const actionRowKey = (ref: string, prefix = ACTION_PREFIX) => prefix + escapeKey(refKey(ref));
/** Where earlier versions stored the ref, when that differs (refs with letters beyond ASCII); else null. */
export const legacyKeyOf = (ref: string): string | null => {
  const legacy = legacyRefKey(ref.normalize('NFKC'));
  return legacy === refKey(ref) ? null : escapeKey(legacy);
};

/**
 * Newest first within an action: row keys sort ascending, so the revision is inverted. Writes to one action are
 * serialised by its ETag, so each revision is written once, and two changes in one millisecond keep their order.
 */
export function historyRowKey(entry: HistoryEntry, revision: number): string {
  return `${HISTORY_PREFIX}${escapeKey(refKey(entry.ref))}|${String(999_999_999 - revision).padStart(9, '0')}`;
}

export function actionToEntity(action: Action, revision: number) {
  const entity = compact({
    revision,
    partitionKey: escapeKey(action.planId),
    rowKey: actionRowKey(action.ref),
    ref: action.ref,
    theme: action.theme,
    title: action.title,
    timescale: action.timescale,
    originalDueDate: action.originalDueDate,
    revisedDueDate: action.revisedDueDate,
    revisionReason: action.revisionReason,
    revisionCount: action.revisionCount,
    ownerEmail: action.owner?.email,
    ownerName: action.owner?.displayName,
    ownerAadObjectId: action.owner?.aadObjectId,
    agency: action.agency,
    status: action.status,
    // The first measure keeps the properties earlier versions wrote; any further ones travel together as JSON.
    measureIndicator: action.measures[0]?.indicator,
    measureTarget: action.measures[0]?.target,
    measureLatest: action.measures[0]?.latest,
    ...definitionProperties(action.measures[0]?.definition ?? null),
    moreMeasures: action.measures.length > 1 ? JSON.stringify(action.measures.slice(1)) : null,
    evidence: action.evidence.length ? JSON.stringify(action.evidence) : null,
    latestUpdate: action.latestUpdate ? JSON.stringify(action.latestUpdate) : null,
    dateRequest: action.dateRequest ? JSON.stringify(action.dateRequest) : null,
    evidenceRequired: action.evidenceRequired?.length ? JSON.stringify(action.evidenceRequired) : null,
    evidenceDue: action.evidenceDue ?? null,
    position: action.position ?? null,
  });
  assertWithinLimits(entity);
  return entity;
}

export function entityToAction(planId: string, row: Row): Action {
  const email = strOrNull(row, 'ownerEmail');
  const indicator = strOrNull(row, 'measureIndicator');
  return {
    planId,
    ref: str(row, 'ref'),
    theme: str(row, 'theme'),
    title: str(row, 'title'),
    timescale: str(row, 'timescale'),
    originalDueDate: strOrNull(row, 'originalDueDate'),
    revisedDueDate: strOrNull(row, 'revisedDueDate'),
    revisionReason: strOrNull(row, 'revisionReason'),
    revisionCount: num(row, 'revisionCount'),
    owner: email
      ? { email, displayName: strOrNull(row, 'ownerName'), aadObjectId: strOrNull(row, 'ownerAadObjectId') }
      : null,
    agency: str(row, 'agency'),
    // No status stored reads as not started, as it always has.
    status: oneOf('actions', row, 'status', STATUSES, 'Not started'),
    measures: indicator
      ? [
          {
            indicator,
            target: strOrNull(row, 'measureTarget'),
            latest: strOrNull(row, 'measureLatest'),
            // A free-text measure reads back exactly as earlier versions wrote it.
            ...definitionOf(row),
          },
          ...json<Measure[]>(row, 'moreMeasures', []).filter(isMeasure),
        ]
      : [],
    evidence: json(row, 'evidence', []),
    latestUpdate: json(row, 'latestUpdate', null),
    dateRequest: json(row, 'dateRequest', null),
    // Rows stored before evidence could be required read as requiring none.
    ...optionalEvidenceFields(row),
    // Rows stored before the plan's order was kept have no position: they are listed by ref (see plan-order.ts).
    ...(typeof row.position === 'number' ? { position: row.position } : {}),
  };
}

function optionalEvidenceFields(row: Row): Pick<Action, 'evidenceRequired' | 'evidenceDue'> {
  const required = json<string[]>(row, 'evidenceRequired', []);
  const due = strOrNull(row, 'evidenceDue');
  return { ...(required.length ? { evidenceRequired: required } : {}), ...(due ? { evidenceDue: due } : {}) };
}

export function historyToEntity(entry: HistoryEntry, revision: number) {
  const entity = compact({
    partitionKey: escapeKey(entry.planId),
    rowKey: historyRowKey(entry, revision),
    ref: entry.ref,
    at: entry.at,
    by: entry.by,
    via: entry.via,
    changes: JSON.stringify(entry.changes),
    comment: entry.comment,
  });
  assertWithinLimits(entity);
  return entity;
}

export function entityToHistory(planId: string, row: Row): HistoryEntry {
  return {
    planId,
    ref: str(row, 'ref'),
    at: str(row, 'at'),
    by: str(row, 'by'),
    via: oneOf('actions', row, 'via', VIAS),
    changes: json(row, 'changes', []),
    comment: strOrNull(row, 'comment'),
  };
}

/** Rows written by hand or by a newer version could hold anything: a measure without an indicator is left out. */
const isMeasure = (m: unknown): m is Measure =>
  typeof m === 'object' && m !== null && typeof (m as { indicator?: unknown }).indicator === 'string';

/** A measure's definition: a handful of properties of a fixed size on the action (its values are rows: measure-rows.ts). */
function definitionProperties(d: MeasureDefinition | null) {
  if (!d) return {};
  return {
    measureUnit: d.unit,
    measureBaseline: d.baseline ? storedValue(d.baseline.value) : null,
    measureBaselineDate: d.baseline?.date ?? null,
    measureTargetValue: d.target ? storedValue(d.target.value) : null,
    measureTargetDate: d.target?.by ?? null,
    measureDirection: d.direction,
    measureFrequency: d.frequency,
  };
}

function definitionOf(row: Row): { definition?: MeasureDefinition } {
  const definition = readDefinition(row);
  return definition ? { definition } : {};
}

/** Free-text measures from earlier versions have no unit: they read back with no definition. */
function readDefinition(row: Row): MeasureDefinition | null {
  if (strOrNull(row, 'measureUnit') === null) return null;
  const unit = oneOf('actions', row, 'measureUnit', MEASURE_UNITS);
  const baseline = readStoredValue(unit, str(row, 'measureBaseline'));
  const target = readStoredValue(unit, str(row, 'measureTargetValue'));
  return {
    unit,
    baseline: baseline === null ? null : { value: baseline, date: strOrNull(row, 'measureBaselineDate') },
    target: target === null ? null : { value: target, by: strOrNull(row, 'measureTargetDate') },
    direction: oneOf('actions', row, 'measureDirection', DIRECTIONS, 'higher'),
    frequency: oneOf('actions', row, 'measureFrequency', FREQUENCIES, 'monthly'),
  };
}
