import { stateAt } from '../questions/summary';
import { Action, HistoryEntry, IsoDate, Plan } from '../types';
import { changesInPeriod } from './history-in-period';
import { latestWordsBy } from './latest-words';
import { challenges, highlights, slippage } from './news';
import { cancellations } from '../cancellations';
import { awaiting, planOnAPage, planRow, reportSummary } from './register';
import { inPlanOrder } from '../plan-order';
import { newDatesWaiting } from './new-dates';
import { reportGlossary } from './report-glossary';
import { CommitteeReport, GlossaryLine, MeasureRow, ReportPeriod } from './types';
import { evidenceShown } from '../evidence-shown';

export interface ReportInput {
  plan: Plan;
  /** The plan's actions now, with owners' names filled in where known. */
  actions: readonly Action[];
  /** All of the plan's history, in any order. */
  history: readonly HistoryEntry[];
  glossary: readonly GlossaryLine[];
  period: ReportPeriod;
  since: CommitteeReport['since'];
  /** Today in the plan's time zone. */
  today: IsoDate;
  madeAt: string;
  /** People's names by email, where known. */
  names?: Readonly<Record<string, string>>;
  /** The plan's measures; absent while measures are not recorded. */
  measures?: readonly MeasureRow[];
}

/**
 * The committee's highlight report, from the register alone. A period ending before today shows
 * the plan as it stood then: statuses and due dates are worked back from the history (evidence
 * and titles are today's, since history does not keep them in full).
 */
export function committeeReport(input: ReportInput): CommitteeReport {
  const { plan, history, period } = input;
  const actions = inPlanOrder(
    period.to >= input.today ? input.actions : stateAt(input.actions, history, period.to, plan.timeZone),
  );
  const changesOf = changesInPeriod(history, period, plan.timeZone);
  const report: Omit<CommitteeReport, 'glossary'> = {
    plan: {
      id: plan.id,
      title: plan.title,
      sourceDocument: plan.sourceDocument,
      baselineDate: plan.baselineDate,
      timeZone: plan.timeZone,
    },
    period,
    madeAt: input.madeAt,
    since: input.since,
    summary: reportSummary(actions, history, period, plan.timeZone),
    highlights: highlights(actions, changesOf),
    challenges: challenges(actions, period.to, latestWordsBy(history, period.to, plan.timeZone)),
    slippage: slippage(actions, changesOf),
    cancelled: cancellations(actions, changesOf),
    planOnAPage: planOnAPage(actions, period.to),
    performance: performanceOf(input.measures, actions),
    awaiting: awaiting(actions, history, period.to, plan.timeZone),
    newDates: newDatesWaiting(actions, history, period.to, plan.timeZone),
    appendix: actions.map((a) => planRow(a, period.to)),
    names: input.names ?? {},
  };
  return { ...report, glossary: reportGlossary(textsOf(report), input.glossary) };
}

/**
 * The measures of the actions the plan had at the end of the period: a period before the plan was imported shows
 * none, as it shows no actions, even when the values given since are for months within it.
 */
function performanceOf(rows: ReportInput['measures'], actions: readonly Action[]): CommitteeReport['performance'] {
  const refs = new Set(actions.map((a) => a.ref));
  const shown = (rows ?? []).filter((row) => refs.has(row.ref));
  return shown.length > 0 ? { recorded: true, rows: shown } : { recorded: false };
}

/** Every text the report prints that a person wrote, with where it comes from. */
function textsOf(report: Omit<CommitteeReport, 'glossary'>): { ref: string; text: string }[] {
  const texts = [
    { ref: 'the plan title', text: report.plan.title },
    ...(report.plan.sourceDocument ? [{ ref: 'the source document', text: report.plan.sourceDocument }] : []),
  ];
  for (const { action } of report.appendix) {
    texts.push({ ref: action.ref, text: action.title }, { ref: action.ref, text: action.theme });
    texts.push({ ref: action.ref, text: action.agency });
  }
  const evidence = [...report.highlights, ...report.awaiting];
  for (const item of evidence)
    for (const e of item.evidence) texts.push({ ref: item.action.ref, text: evidenceShown(e).words ?? '' });
  for (const slip of report.slippage) if (slip.reason) texts.push({ ref: slip.action.ref, text: slip.reason });
  for (const c of report.cancelled) if (c.reason) texts.push({ ref: c.action.ref, text: c.reason });
  for (const { action, words } of report.challenges) if (words) texts.push({ ref: action.ref, text: words.text });
  for (const { action, reason } of report.newDates) texts.push({ ref: action.ref, text: reason });
  if (report.performance.recorded)
    for (const m of report.performance.rows) texts.push({ ref: m.ref, text: m.indicator });
  return texts;
}
