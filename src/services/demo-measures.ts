import { DateTime } from 'luxon';
import { addDays, todayIn } from '../domain/calendar';
import { UK_TIME_ZONE } from '../domain/time-zone';
import { diffActions, historyEntry } from '../domain/history';
import { periodBefore, periodOf } from '../domain/measure-periods';
import { firstDayOf } from '../domain/value-for-period';
import { Action, IsoDate, MeasureDefinition, RecordedValue } from '../domain/types';
import { formatMeasureValue } from '../domain/measure-values';
import { latestText } from '../use-cases/record-measure-value';
import { Storage } from '../store/open-storage';

/** How many days after a period ends its figure is given. */
const GIVEN_DAYS_AFTER = 3;

interface DemoMeasure {
  ref: string;
  /** Which of the action's measures, from 1; a further one is added, with this indicator. */
  measure?: { number: number; indicator: string };
  definition: (today: IsoDate) => MeasureDefinition;
  /** Values by how many periods before the current one they are for. */
  values: [periodsAgo: number, value: number][];
}

const monthly =
  (unit: MeasureDefinition['unit'], target: number, direction: 'higher' | 'lower', baseline: number) =>
  (today: IsoDate): MeasureDefinition => ({
    unit,
    baseline: { value: baseline, date: addDays(today, -120) },
    target: { value: target, by: addDays(today, 120) },
    direction,
    frequency: 'monthly',
  });

/**
 * A few of the demo plan's measures made quantified, with values, so `npm start` shows each status:
 * SG-1 off target and improving, SG-2 on target but worsening, LAC-9 overdue, SG-12 with no data yet,
 * SG-8 reported quarterly, SG-7 a yes/no; SG-1 has a second measure, a count, on target. The other
 * measures stay in words, as the file has them.
 */
const DEMO_MEASURES: DemoMeasure[] = [
  {
    ref: 'SG-1',
    definition: monthly('%', 95, 'higher', 60),
    values: [
      [3, 62],
      [2, 68],
      [1, 74],
    ],
  },
  {
    ref: 'SG-1',
    measure: { number: 2, indicator: 'Number of referrals audited each month' },
    definition: monthly('number', 20, 'higher', 8),
    values: [
      [2, 14],
      [1, 21],
    ],
  },
  {
    ref: 'SG-2',
    definition: monthly('%', 90, 'higher', 70),
    values: [
      [2, 94],
      [1, 91],
    ],
  },
  {
    ref: 'LAC-9',
    definition: monthly('%', 10, 'lower', 16),
    values: [
      [5, 15],
      [4, 14],
    ],
  },
  { ref: 'SG-7', definition: (t) => ({ ...monthly('yes/no', 1, 'higher', 0)(t), baseline: null }), values: [[1, 0]] },
  {
    ref: 'SG-8',
    definition: (t) => ({ ...monthly('number', 4, 'lower', 9)(t), frequency: 'quarterly' }),
    values: [
      [2, 8],
      [1, 6],
    ],
  },
  {
    ref: 'SG-12',
    definition: (t) => ({ ...monthly('number', 4, 'higher', 1)(t), frequency: 'quarterly' }),
    values: [],
  },
];

/**
 * The baseline moved back, when it must, to the first day of the oldest value's period: the demo is seeded relative
 * to today, and a value for a period before the baseline is one the app itself refuses (src/domain/value-fit.ts).
 */
function fitBaseline(d: MeasureDefinition, values: DemoMeasure['values'], today: IsoDate): MeasureDefinition {
  const oldest = Math.max(-1, ...values.map(([ago]) => ago));
  if (!d.baseline?.date || oldest < 0) return d;
  const start = firstDayOf(periodBefore(periodOf(today, d.frequency), oldest));
  return start < d.baseline.date ? { ...d, baseline: { ...d.baseline, date: start } } : d;
}

/** Mid-morning UK time on `day`, when the demo's people do their updates. */
export function morningOf(day: IsoDate): Date {
  return DateTime.fromISO(day, { zone: UK_TIME_ZONE }).set({ hour: 10 }).toJSDate();
}

/**
 * The day a value is given: a few days after its period ends, as owners report, but never today or later, so
 * nothing reads as done while the demo starts; a value due before the plan was imported came in with it.
 */
function givenOn(period: string, today: IsoDate): IsoDate {
  const lastDay = addDays(firstDayOf(periodBefore(period, -1)), -1);
  const due = addDays(lastDay, GIVEN_DAYS_AFTER);
  const yesterday = addDays(today, -1);
  return due < yesterday ? due : yesterday;
}

/**
 * The demo's measures, dated as a council's would be: the definitions (unit, target) and the figures for periods
 * that ended before the plan was imported came in with the import (written now); each later figure was given by
 * the action's owner in chat a few days after its period ended (returned, to be written in the story's order).
 */
export async function seedDemoMeasures(
  storage: Storage,
  planId: string,
  by: string,
  today: IsoDate,
  importedAt: Date,
): Promise<DemoChange[]> {
  const importDay = todayIn(importedAt);
  const later: DemoChange[] = [];
  for (const demo of DEMO_MEASURES) {
    const current = await storage.actions.get(planId, demo.ref);
    const n = demo.measure?.number ?? 1;
    const measure = demo.measure ? { indicator: demo.measure.indicator, target: null, latest: null } : undefined;
    const was = current?.value.measures[n - 1] ?? measure;
    if (!current || !was || current.value.measures.length < n - 1) continue;
    const owner = current.value.owner?.email ?? by;
    const definition = fitBaseline(demo.definition(today), demo.values, today);
    const given = demo.values.map(([ago, value]): RecordedValue => {
      const period = periodBefore(periodOf(today, definition.frequency), ago);
      const day = givenOn(period, today);
      return day <= importDay
        ? { measure: n, period, value, by, via: 'import', at: importedAt.toISOString(), note: null }
        : { measure: n, period, value, by: owner, via: 'chat', at: morningOf(day).toISOString(), note: null };
    });
    const withImport = given.filter((v) => v.via === 'import');
    const measures = [...current.value.measures];
    measures[n - 1] = {
      ...was,
      target: definition.target ? formatMeasureValue(definition.unit, definition.target.value) : null,
      latest: withImport.length ? latestText(definition, withImport[withImport.length - 1]) : null,
      definition,
    };
    const after: Action = { ...current.value, measures };
    // The definition, with the figures the council already had, came in with the plan's import.
    const meta = { by, via: 'import' as const, at: importedAt.toISOString() };
    await storage.actions.write(planId, [
      {
        action: after,
        current,
        history: historyEntry(after, diffActions(current.value, after), meta),
        values: withImport,
      },
    ]);
    for (const value of given.filter((v) => v.via === 'chat'))
      later.push({
        ref: demo.ref,
        by: owner,
        at: value.at,
        values: [value],
        change: (a) => {
          const next = [...a.measures];
          next[n - 1] = { ...next[n - 1], latest: latestText(definition, value) };
          return { ...a, measures: next };
        },
      });
  }
  return later;
}

/** A change the demo's story makes to an action after its import, told by `by` in chat `at` (see `applyInOrder`). */
export interface DemoChange {
  ref: string;
  by: string;
  at: string;
  change: (action: Action) => Action;
  values?: RecordedValue[];
}

/** The story's changes written in the order they were made, so each action's history reads newest first. */
export async function applyInOrder(storage: Storage, planId: string, changes: readonly DemoChange[]): Promise<void> {
  for (const c of [...changes].sort((a, b) => a.at.localeCompare(b.at))) {
    const current = await storage.actions.get(planId, c.ref);
    if (!current) continue;
    const after = c.change(current.value);
    // Told by the owner, in chat, on the day it was made: the history reads "Alex Wilber · in chat".
    const history = historyEntry(after, diffActions(current.value, after), { by: c.by, via: 'chat', at: c.at });
    await storage.actions.write(planId, [{ action: after, current, history, values: c.values ?? [] }]);
  }
}
