import { formatUkDate } from './calendar';
import { formatMeasureValue } from './measure-values';
import { Action, FieldChange, HistoryEntry, MeasureDefinition, Via } from './types';

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
  ['measure', 'Measure', (a) => a.measure?.indicator ?? null],
  ['measureTarget', 'Target', (a) => a.measure?.target ?? null],
  ['measureLatest', 'Latest value', (a) => a.measure?.latest ?? null],
  [
    'measureDefinition',
    'How it is measured',
    (a) => (a.measure?.definition ? definitionText(a.measure.definition) : null),
  ],
  [
    'evidence',
    'Evidence',
    (a) =>
      a.evidence.length
        ? a.evidence.map((e) => `${e.url ?? e.note}${e.item ? ` (for ${e.item})` : ''}`).join('\n')
        : null,
  ],
  ['evidenceRequired', 'Evidence required', (a) => (a.evidenceRequired?.length ? a.evidenceRequired.join('; ') : null)],
  ['evidenceDue', 'Evidence due', (a) => a.evidenceDue ?? null],
  ['latestUpdate', 'Latest update', (a) => a.latestUpdate?.text ?? null],
  [
    'dateRequest',
    'New date requested',
    (a) => (a.dateRequest ? `${a.dateRequest.date}: ${a.dateRequest.reason}` : null),
  ],
];

export const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(TRACKED_FIELDS.map(([f, label]) => [f, label])),
  // A value for an earlier period leaves the latest value as it was: the history still says what was given.
  measureValue: 'Value',
};

/** What changed between two versions of an action; `before` is null for a new action. */
export function diffActions(before: Action | null, after: Action): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, , get] of TRACKED_FIELDS) {
    const from = before ? get(before) : null;
    const to = get(after);
    if (from !== to) changes.push({ field, from, to });
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
