import { formatPeriod, Period } from '../domain/measure-periods';
import { formatMeasureValue, MeasureRefusalCode } from '../domain/measure-values';

export type { MeasureRefusalCode };
import { measureField } from '../domain/history';
import { actionMeasureRows, MeasureRow } from '../domain/measure-view';
import { series } from '../domain/measures';
import { canRecordMeasureValue } from '../domain/permissions';
import { Action, FieldChange, MeasureDefinition, RecordedValue } from '../domain/types';
import { standingAt, Standing, valueReplaced } from '../domain/value-for-period';
import { measureFits, valueFits } from '../domain/value-fit';
import { giverName } from '../domain/history-lines';
import { formatUkDayOf } from '../domain/calendar';
import { whichMeasure } from '../domain/which-measure';
import { FoundAction } from '../services/chat/plan-scope';
import { nameOf } from '../services/chat/owner-names';
import { Storage } from '../store/open-storage';
import { ChangeBy, ChangeOutcome, Done, ownerCardRedrawn, permitted, refusal, runChange } from './outcome';

/** Why a value was not recorded, beyond the usual refusals: the words are made at the edge (src/cards/measure-words.ts). */

export interface BadValue {
  kind: 'badValue';
  code: MeasureRefusalCode;
  /** What the person typed, and the measure it was for (absent when the action has none). */
  typed: string;
  definition: MeasureDefinition | null;
  /** The period understood, for a refusal that names it (see PeriodResult); null when there is none. */
  period: Period | null;
}

/**
 * `row` is the measure as it now stands; `standing` how it stood for the period given, which may be earlier;
 * `replaced` the value that period had before, now overwritten (the history keeps it), with its giver's name.
 */
export type RecordOutcome =
  | (Done & {
      recorded: RecordedValue;
      row: MeasureRow;
      standing: Standing;
      replaced: (RecordedValue & { byName: string }) | null;
    })
  | BadValue
  | Exclude<ChangeOutcome, Done>;

export interface ValueInput {
  /** The value as typed: `42`, `76%`, `yes`, `14/10/2026`. */
  value: string;
  /** The period as typed (`Oct 2026`, `last quarter`), or null for the current one. */
  period: string | null;
  note: string | null;
  /** Which of the action's measures, from 1 ("SG-1 measure 2 40"); needed only when it has several. */
  measure?: number | null;
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
  const which = whichMeasure(action.measures, input.measure);
  // With several measures and none named, nothing is changed, and no measure is picked for the person: the
  // refusal asks which, saying which of them could take the value.
  if (!which.ok && which.code === 'whichMeasure') {
    const measures = measureFits(action.measures, input, today);
    return refusal('invalid', {
      code: 'whichMeasure',
      ref: action.ref,
      measures,
      typed: input.value,
      period: input.period,
    });
  }
  if (!which.ok && which.code === 'noSuchMeasure')
    return refusal('invalid', { code: 'noSuchMeasure', ref: action.ref, asked: which.asked, measures: which.measures });
  const n = which.ok ? which.measure : 1;
  const bad = (code: MeasureRefusalCode, period: Period | null = null): BadValue => ({
    kind: 'badValue',
    code,
    typed: input.value,
    definition: action.measures[n - 1]?.definition ?? null,
    period,
  });
  if (!which.ok) return bad('noMeasure');
  const definition = action.measures[n - 1].definition;
  if (!definition) return bad('notQuantified');
  const fit = valueFits(definition, input, today);
  if (!fit.ok) return bad(fit.code, fit.period ?? null);

  const recorded: RecordedValue = {
    measure: n,
    period: fit.period,
    value: fit.value,
    by: actor.email,
    via: by.via,
    at: by.at,
    note: input.note,
  };
  const before = (await storage.measures.values(action)).filter((v) => v.measure === n);
  const replaced = valueReplaced(before, recorded.period);
  // The same value again is said to be so, in words naming the value and its period.
  if (replaced && replaced.value === recorded.value)
    return refusal('unchanged', {
      code: 'valueAlreadyRecorded',
      ref: action.ref,
      measure: n,
      count: action.measures.length,
      value: formatMeasureValue(definition.unit, recorded.value),
      period: recorded.period,
    });
  // Who gave the value being replaced, named once for the history, which keeps it after the value row is overwritten.
  const giver = replaced ? giverName(replaced.by, replaced.via, await nameOf(storage, [action])) : null;
  // The measure's values once this one is kept: a value for a period already given takes its place.
  const values = series([...before, recorded]);
  const newest = values[values.length - 1];
  const outcome = await runChange(
    storage,
    found,
    {
      ...by,
      comment: input.note,
      values: [recorded],
      alsoChanged: (was, now) =>
        valueChange(definition, replaced, recorded, was.measures[n - 1]?.latest === now.measures[n - 1]?.latest, {
          giver,
          timeZone: found.view.plan.timeZone,
          count: now.measures.length,
        }),
    },
    (current, _ctx, who) =>
      permitted(canRecordMeasureValue(who, current), () => {
        const d = current.measures[n - 1]?.definition;
        if (!d) return { ok: false, code: 'notNow', why: { code: 'noMeasure', ref: current.ref } };
        return { ok: true, action: withLatest(current, n, latestText(d, newest)) };
      }),
    (_, written) => [ownerCardRedrawn(written)],
  );
  if (outcome.kind !== 'done') return outcome;
  const row = actionMeasureRows(outcome.found.current.value, values, today)[n - 1];
  const standing = standingAt(definition, values, recorded.period);
  return row
    ? { ...outcome, recorded, row, standing, replaced: replaced && { ...replaced, byName: giver ?? replaced.by } }
    : refusal('notNow', { code: 'noMeasure', ref: action.ref });
}

/**
 * "Value: 68% (Sep 2026), given by Megan Bowen on 3 Nov 2026 → 70% (Sep 2026)": a value for an earlier period (the
 * latest value stays as it was), or one that replaces a value already given, whose giver the history keeps. With
 * several measures the field names which ("Latest value (measure 2)").
 */
function valueChange(
  d: MeasureDefinition,
  previous: RecordedValue | null,
  recorded: RecordedValue,
  latestUnchanged: boolean,
  context: { giver: string | null; timeZone: string; count: number },
): FieldChange[] {
  const to = latestText(d, recorded);
  const from = previous ? latestText(d, previous) : null;
  // The same value again changes nothing, and is refused as such.
  if (from === to || (!latestUnchanged && !previous)) return [];
  const given = previous
    ? `${from}, given by ${context.giver ?? previous.by} on ${formatUkDayOf(previous.at, context.timeZone)}`
    : null;
  return [{ field: measureField('measureValue', recorded.measure, context.count), from: given, to }];
}

function withLatest(action: Action, n: number, latest: string): Action {
  return { ...action, measures: action.measures.map((m, i) => (i === n - 1 ? { ...m, latest } : m)) };
}
