import { Action, FieldChange, HistoryEntry, Via } from './types';

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

export const FIELD_LABELS: Record<string, string> = Object.fromEntries(TRACKED_FIELDS.map(([f, label]) => [f, label]));

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
