import { refKey } from '../domain/ref';
import { readStoredValue, storedValue } from '../domain/measure-values';
import { MeasureUnit, RecordedValue, VIAS } from '../domain/types';
import { compact, oneOf, Row, str, strOrNull } from './entity-codec';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';

/**
 * A measure's values are rows of their own, one per period, in the plan's partition beside its actions:
 * a series grows by rows, never by one ever-growing property, and a value is written in the same
 * transaction as its action and history entry. Keys sort by period within an action and measure: the
 * first measure's rows keep the key they always had (`v|<ref>|<period>`), so values stored before an
 * action could have several still read; measure 2 on is `v|<ref>|m2|<period>` (a period starts with a
 * digit, never `m`), so one range read still gets all of an action's values.
 */
export const VALUE_PREFIX = 'v|';

export const valuesPrefixOf = (ref: string) => `${VALUE_PREFIX}${escapeKey(refKey(ref))}|`;
export const valueRowKey = (ref: string, period: string, measure = 1) =>
  valuesPrefixOf(ref) + (measure > 1 ? `m${measure}|` : '') + escapeKey(period);

/** Which measure a stored value is of: rows written before an action could have several are the first's. */
export const measureOfRow = (row: Row): number => {
  const n = row['measure'];
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
};

export function valueToEntity(planId: string, ref: string, value: RecordedValue) {
  const entity = compact({
    partitionKey: escapeKey(planId),
    rowKey: valueRowKey(ref, value.period, value.measure),
    ref,
    measure: value.measure,
    period: value.period,
    value: storedValue(value.value),
    by: value.by,
    via: value.via,
    at: value.at,
    note: value.note,
  });
  assertWithinLimits(entity);
  return entity;
}

/** A stored value, or null when it cannot be one for this unit (the unit changed since): left out, not guessed. */
export function entityToValue(row: Row, unit: MeasureUnit): RecordedValue | null {
  const value = readStoredValue(unit, str(row, 'value'));
  if (value === null) return null;
  return {
    measure: measureOfRow(row),
    period: str(row, 'period'),
    value,
    by: str(row, 'by'),
    via: oneOf('actions', row, 'via', VIAS),
    at: str(row, 'at'),
    note: strOrNull(row, 'note'),
  };
}
