import { isValidIsoDate } from '../calendar';
import { IsoDate } from '../types';
import { ReportPeriod } from './types';

export type PeriodProblem =
  | { code: 'badDate'; which: 'from' | 'to'; text: string }
  | { code: 'fromAfterTo'; from: IsoDate; to: IsoDate }
  | { code: 'future'; to: IsoDate; today: IsoDate };

export type PeriodResult =
  | { ok: true; period: ReportPeriod; since: 'lastReport' | 'baseline' | 'given' }
  | { ok: false; problem: PeriodProblem };

/**
 * The period a report covers: as given, else from the last report made before today (a second
 * report on the same day covers the same days, not an empty period), else from the plan's baseline,
 * to today. The register cannot report on days that have not happened.
 */
export function reportPeriod(input: {
  from?: IsoDate;
  to?: IsoDate;
  today: IsoDate;
  baselineDate: IsoDate;
  /** The local dates earlier reports were made on. */
  earlierReports: readonly IsoDate[];
}): PeriodResult {
  const { today } = input;
  for (const which of ['from', 'to'] as const) {
    const text = input[which];
    if (text !== undefined && !isValidIsoDate(text)) return { ok: false, problem: { code: 'badDate', which, text } };
  }
  const to = input.to ?? today;
  if (to > today) return { ok: false, problem: { code: 'future', to, today } };
  const last = input.earlierReports.filter((d) => d < today).sort();
  const lastReport = last.length ? last[last.length - 1] : null;
  const from =
    input.from ?? (lastReport && lastReport <= to ? lastReport : input.baselineDate <= to ? input.baselineDate : to);
  if (from > to) return { ok: false, problem: { code: 'fromAfterTo', from, to } };
  const since = input.from !== undefined ? 'given' : lastReport && from === lastReport ? 'lastReport' : 'baseline';
  return { ok: true, period: { from, to }, since };
}
