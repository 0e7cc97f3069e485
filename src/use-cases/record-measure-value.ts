import { formatPeriod, parsePeriod, periodOf } from '../domain/measure-periods';
import { formatMeasureValue, MeasureRefusalCode, parseMeasureValue } from '../domain/measure-values';

export type { MeasureRefusalCode };
import { measureRow, MeasureRow } from '../domain/measure-view';
import { series } from '../domain/measures';
import { canRecordMeasureValue } from '../domain/permissions';
import { Action, FieldChange, MeasureDefinition, RecordedValue } from '../domain/types';
import { FoundAction } from '../services/chat/plan-scope';
import { Storage } from '../store/open-storage';
import { ChangeBy, ChangeOutcome, Done, ownerCardRedrawn, permitted, refusal, runChange } from './outcome';

/** Why a value was not recorded, beyond the usual refusals: the words are made at the edge (src/cards/measure-words.ts). */

export interface BadValue {
  kind: 'badValue';
  code: MeasureRefusalCode;
  /** What the person typed, and the measure it was for (absent when the action has none). */
  typed: string;
  definition: MeasureDefinition | null;
}

export type RecordOutcome =
  (Done & { recorded: RecordedValue; row: MeasureRow }) | BadValue | Exclude<ChangeOutcome, Done>;

export interface ValueInput {
  /** The value as typed: `42`, `76%`, `yes`, `14/10/2026`. */
  value: string;
  /** The period as typed (`Oct 2026`, `last quarter`), or null for the current one. */
  period: string | null;
  note: string | null;
}

/** The newest value in words for the action's `latest` text (kept for readers of earlier versions, and the history). */
export const latestText = (d: MeasureDefinition, v: { value: RecordedValue['value']; period: string }) =>
  `${formatMeasureValue(d.unit, v.value)} (${formatPeriod(v.period)})`;

/**
 * Record a value of an action's measure: its owner, a chair, an executive or an administrator. The value
 * and its period are checked against the measure first (a bad one changes nothing); the value row, the
 * action's new latest value and its history entry are then written in one transaction, ETag-guarded.
 */
export async function recordMeasureValue(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy,
  input: ValueInput,
): Promise<RecordOutcome> {
  const { actor, today } = found.view;
  const action = found.current.value;
  const allowed = canRecordMeasureValue(actor, action);
  if (!allowed.allowed) return refusal('notPermitted', { code: 'denied', denial: allowed.denial });
  const bad = (code: MeasureRefusalCode): BadValue => ({
    kind: 'badValue',
    code,
    typed: input.value,
    definition: action.measure?.definition ?? null,
  });
  if (!action.measure) return bad('noMeasure');
  const definition = action.measure.definition;
  if (!definition) return bad('notQuantified');
  const value = parseMeasureValue(input.value, definition.unit, today);
  if (!value.ok) return bad(value.code);
  const period =
    input.period === null
      ? { ok: true as const, period: periodOf(today, definition.frequency) }
      : parsePeriod(input.period, definition.frequency, today);
  if (!period.ok) return bad(period.code);

  const recorded: RecordedValue = {
    period: period.period,
    value: value.value,
    by: actor.email,
    via: by.via,
    at: by.at,
    note: input.note,
  };
  const before = await storage.measures.values(action);
  const after = series([...before, recorded]);
  const newest = after[after.length - 1];
  const outcome = await runChange(
    storage,
    found,
    {
      ...by,
      comment: input.note,
      values: [recorded],
      alsoChanged: (was, now) =>
        was.measure?.latest === now.measure?.latest ? valueChange(definition, before, recorded) : [],
    },
    (current, _ctx, who) =>
      permitted(canRecordMeasureValue(who, current), () => {
        const d = current.measure?.definition;
        if (!current.measure || !d) return { ok: false, code: 'notNow', why: { code: 'noMeasure', ref: current.ref } };
        return { ok: true, action: withLatest(current, latestText(d, newest)) };
      }),
    (_, written) => [ownerCardRedrawn(written)],
  );
  if (outcome.kind !== 'done') return outcome;
  const values = [...before.filter((v) => v.period !== recorded.period), recorded];
  const row = measureRow(outcome.found.current.value, values, today);
  return row ? { ...outcome, recorded, row } : refusal('notNow', { code: 'noMeasure', ref: action.ref });
}

/** "Value: 68% (Sep 2026) → 70% (Sep 2026)", for a value that is not the newest. */
function valueChange(d: MeasureDefinition, before: readonly RecordedValue[], recorded: RecordedValue): FieldChange[] {
  const previous = before.find((v) => v.period === recorded.period);
  const to = latestText(d, recorded);
  const from = previous ? latestText(d, previous) : null;
  // The same value again changes nothing, and is refused as such.
  return from === to ? [] : [{ field: 'measureValue', from, to }];
}

function withLatest(action: Action, latest: string): Action {
  return action.measure ? { ...action, measure: { ...action.measure, latest } } : action;
}
