import { addDays, addMonths, addYears } from './calendar';
import { COUNT_PATTERN, parseCount } from './number-words';
import type { IsoDate } from './types';
import { addWorkingDays } from './working-days';

export type TimescaleUnit = 'days' | 'working days' | 'weeks' | 'months' | 'years';

export type Timescale =
  { kind: 'immediately' } | { kind: 'none' } | { kind: 'within'; amount: number; unit: TimescaleUnit };

export type TimescaleResult = { ok: true; timescale: Timescale } | { ok: false; error: string };

const EXAMPLES = 'Try "Immediately", "Within 3 months", "Within six weeks", "Within 10 working days" or "None".';

const NONE = new Set(['', 'none', 'n/a', 'na', 'not applicable', 'ongoing', '-']);
const IMMEDIATELY = new Set(['immediately', 'immediate', 'with immediate effect']);

// "within" is optional because imported plans often just say "3 months".
const WITHIN = new RegExp(
  `^(?:within\\s+)?(${COUNT_PATTERN})\\s+(working\\s+days?|business\\s+days?|days?|weeks?|fortnights?|months?|years?)$`,
);

function unitOf(word: string): { unit: TimescaleUnit; factor: number } {
  if (/^(working|business)/.test(word)) return { unit: 'working days', factor: 1 };
  if (word.startsWith('fortnight')) return { unit: 'weeks', factor: 2 };
  if (word.startsWith('day')) return { unit: 'days', factor: 1 };
  if (word.startsWith('week')) return { unit: 'weeks', factor: 1 };
  if (word.startsWith('month')) return { unit: 'months', factor: 1 };
  return { unit: 'years', factor: 1 };
}

/** Reads a plan's timescale ("Immediately", "Within three months", blank). */
export function parseTimescale(text: string): TimescaleResult {
  const t = String(text)
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.$/, '');
  if (NONE.has(t)) return { ok: true, timescale: { kind: 'none' } };
  if (IMMEDIATELY.has(t)) return { ok: true, timescale: { kind: 'immediately' } };

  const m = WITHIN.exec(t);
  const amount = m ? parseCount(m[1]) : null;
  if (m && amount !== null && amount > 0) {
    const { unit, factor } = unitOf(m[2].replace(/\s+/g, ' '));
    return { ok: true, timescale: { kind: 'within', amount: amount * factor, unit } };
  }
  const shown = t.length > 60 ? `${t.slice(0, 57)}...` : t;
  return { ok: false, error: `I couldn't read "${shown}" as a timescale. ${EXAMPLES}` };
}

/** The original due date a timescale gives from the plan's baseline date; null when there is none. */
export function dueDateFromTimescale(timescale: Timescale, baseline: IsoDate): IsoDate | null {
  switch (timescale.kind) {
    case 'none':
      return null;
    case 'immediately':
      return addDays(baseline, 0);
    case 'within':
      switch (timescale.unit) {
        case 'days':
          return addDays(baseline, timescale.amount);
        case 'working days':
          return addWorkingDays(baseline, timescale.amount);
        case 'weeks':
          return addDays(baseline, timescale.amount * 7);
        case 'months':
          return addMonths(baseline, timescale.amount);
        case 'years':
          return addYears(baseline, timescale.amount);
      }
  }
}
