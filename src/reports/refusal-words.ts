import { formatUkDate } from '../domain/calendar';
import { AcronymWarning } from '../domain/plain-english';
import { ReportRefusal } from '../domain/report/types';

/** Why no report was made, in plain English; a plan the person may not read is named as if it did not exist. */
export function reportRefusalText(outcome: ReportRefusal, planId: string): string {
  switch (outcome.code) {
    case 'noPlan':
      return `There is no plan "${planId}" that you can read.`;
    case 'notPermitted':
      return 'Only a chair, an executive or an administrator can make the committee report.';
    case 'badPeriod': {
      const p = outcome.problem;
      if (p.code === 'badDate')
        return `--${p.which} "${p.text.slice(0, 20)}" is not a date: write it as YYYY-MM-DD, for example 2026-09-30.`;
      if (p.code === 'future')
        return `The report cannot cover days to come: --to ${formatUkDate(p.to)} is after today (${formatUkDate(p.today)}).`;
      return `The period starts after it ends: ${formatUkDate(p.from)} is after ${formatUkDate(p.to)}.`;
    }
  }
}

/** One line per acronym the report uses with no meaning in the plan's glossary. */
export function acronymWarningLines(warnings: readonly AcronymWarning[]): string[] {
  return warnings.map(
    (w) =>
      `Warning: ${w.acronym} is not explained in the plan's glossary (used in ${w.refs.slice(0, 5).join(', ')}${w.refs.length > 5 ? ` and ${w.refs.length - 5} more` : ''}).`,
  );
}
