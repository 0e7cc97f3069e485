import { formatUkDate } from './calendar';
import { formatMeasureValue } from './measure-values';
import { Action, FieldChange, HistoryEntry, Measure, MeasureDefinition, Via } from './types';
import { evidenceLine } from './evidence-shown';

/** A measure's definition in one line, so a change to it reads in the history: "%, from 60% (1 Apr 2026) to 90% by 31 Mar 2027, higher is better, monthly". */
export function definitionText(d: MeasureDefinition): string {
  const value = (v: number | string) => formatMeasureValue(d.unit, v);
  const from = d.baseline
    ? `from ${value(d.baseline.value)}${d.baseline.date ? ` (${formatUkDate(d.baseline.date)})` : ''}`
    : null;
  const to = d.target
    ? `to ${value(d.target.value)}${d.target.by ? ` by ${formatUkDate(d.target.by)}` : ''}`
    : 'no target';
  return [d.unit, [from, to].filter(Boolean).join(' '), `${d.direction} is better`, d.frequency].join(', ');
}

type Getter = (a: Action) => string | null;

/** Every field a person can see change, with the label history shows for it. */
const TRACKED_FIELDS: ReadonlyArray<[field: string, label: string, get: Getter]> = [
  ['theme', 'Theme', (a) => a.theme || null],
  ['title', 'Action', (a) => a.title || null],
  ['timescale', 'Timescale', (a) => a.timescale || null],
  ['originalDueDate', 'Original due date', (a) => a.originalDueDate],
  ['revisedDueDate', 'Revised due date', (a) => a.revisedDueDate],
  ['revisionReason', 'Reason for new date', (a) => a.revisionReason],
  ['owner', 'Owner', (a) => a.owner?.email ?? null],
  ['ownerName', 'Owner name', (a) => a.owner?.displayName ?? null],
  ['agency', 'Lead agency', (a) => a.agency || null],
  ['status', 'Status', (a) => a.status],
  ['evidence', 'Evidence', (a) => (a.evidence.length ? a.evidence.map(evidenceLine).join('\n') : null)],
  ['evidenceRequired', 'Evidence required', (a) => (a.evidenceRequired?.length ? a.evidenceRequired.join('; ') : null)],
  ['evidenceDue', 'Evidence due', (a) => a.evidenceDue ?? null],
  ['latestUpdate', 'Latest update', (a) => a.latestUpdate?.text ?? null],
  [
    'dateRequest',
    'New date requested',
    (a) => (a.dateRequest ? `${a.dateRequest.date}: ${a.dateRequest.reason}` : null),
  ],
];

type MeasureGetter = (m: Measure | undefined) => string | null;

/** Each measure's fields; from an action with several, the field names the measure by its number ("measureLatest2"). */
const MEASURE_FIELDS: ReadonlyArray<[field: string, label: string, get: MeasureGetter]> = [
  ['measure', 'Measure', (m) => m?.indicator ?? null],
  ['measureTarget', 'Target', (m) => m?.target ?? null],
  ['measureLatest', 'Latest value', (m) => m?.latest ?? null],
  ['measureDefinition', 'How it is measured', (m) => (m?.definition ? definitionText(m.definition) : null)],
];

export const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(TRACKED_FIELDS.map(([f, label]) => [f, label])),
  ...Object.fromEntries(MEASURE_FIELDS.map(([f, label]) => [f, label])),
  // A value for an earlier period leaves the latest value as it was: the history still says what was given.
  measureValue: 'Value',
};

/** The field of measure `n` of an action with `count` measures: named by number only when there are several. */
export const measureField = (field: string, n: number, count: number) => (count > 1 ? `${field}${n}` : field);

/** The label history shows for a field: "Latest value (measure 2)" for a measure named by its number. */
export function fieldLabel(field: string): string {
  const numbered = /^(measure[A-Za-z]*?)(\d+)$/.exec(field);
  if (numbered?.[1] === 'measure') return `Measure ${numbered[2]}`;
  if (numbered && FIELD_LABELS[numbered[1]]) return `${FIELD_LABELS[numbered[1]]} (measure ${numbered[2]})`;
  return FIELD_LABELS[field] ?? field;
}

/** What changed between two versions of an action; `before` is null for a new action. */
export function diffActions(before: Action | null, after: Action): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (field: string, from: string | null, to: string | null) => {
    if (from !== to) changes.push({ field, from, to });
  };
  for (const [field, , get] of TRACKED_FIELDS) {
    push(field, before ? get(before) : null, get(after));
    if (field !== 'status') continue;
    // The measures come where the one measure always did, after the status.
    const count = Math.max(before?.measures.length ?? 0, after.measures.length);
    for (let n = 1; n <= count; n++)
      for (const [measureFieldName, , read] of MEASURE_FIELDS)
        push(measureField(measureFieldName, n, count), read(before?.measures[n - 1]), read(after.measures[n - 1]));
  }
  return changes;
}

export function historyEntry(
  after: Action,
  changes: FieldChange[],
  who: { by: string; via: Via; at: string; comment?: string | null },
): HistoryEntry {
  return {
    planId: after.planId,
    ref: after.ref,
    at: who.at,
    by: who.by,
    via: who.via,
    changes,
    comment: who.comment ?? null,
  };
}
