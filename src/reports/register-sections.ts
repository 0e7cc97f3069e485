import { CommitteeReport, MeasureRow } from '../domain/report/types';
import { cellWords, measureGaps } from '../domain/measure-gaps';
import { measureLabel } from '../domain/measure-view';
import { Block, heading, paragraph, table, tableOr } from './document';
import { actionsTable, named, NAMED_COLUMNS, Words } from './words';
import { latestWords, STATUS_WORDS, targetWords, trendWords } from '../cards/measure-words';

const NO_ACTIONS = 'The plan has no actions yet.';

export function planOnAPageSection(report: CommitteeReport, w: Words): Block[] {
  const blocks: Block[] = [heading(1, 'Plan on a page')];
  if (!report.planOnAPage.length) return [...blocks, paragraph(NO_ACTIONS)];
  for (const group of report.planOnAPage) {
    blocks.push(
      heading(2, group.theme || 'No theme'),
      table(
        [...NAMED_COLUMNS, 'Due date', 'RAG'],
        group.rows.map((r) => [...named(w, r.action), w.date(r.due), w.rag(r.rag)]),
        4,
      ),
    );
  }
  return blocks;
}

/**
 * In the words chat and the cards use ("74% for Oct 2026", "on target"), never the stored codes; where a measure
 * has nothing to show, the tab's words for it (src/domain/measure-gaps.ts).
 */
export function measureRow(m: MeasureRow): string[] {
  const gaps = measureGaps(m);
  return [
    measureLabel(m),
    m.indicator,
    gaps.target ?? targetWords(m),
    gaps.latest ?? latestWords(m),
    gaps.trend ?? cellWords(trendWords(m.trend)),
    gaps.status ?? cellWords(STATUS_WORDS[m.status]),
  ];
}

export function performanceSection(report: CommitteeReport, _w: Words): Block[] {
  const { performance } = report;
  return [
    heading(1, 'Performance book'),
    !performance.recorded
      ? paragraph(
          'Measures are not recorded in Action Tracker yet, so this report has no performance book. Each action’s measure, where the plan gives one, is in the appendix.',
        )
      : tableOr(
          'No measures are recorded for this plan yet.',
          ['Ref', 'Measure', 'Target', 'Latest value', 'Trend', 'Status'],
          performance.rows.map(measureRow),
        ),
  ];
}

/** The evidence an action waiting for sign-off has, and what the board expects that it still lacks. */
function awaitingEvidence(a: CommitteeReport['awaiting'][number], w: Words): string {
  const still = a.missing.length ? `Still missing: ${a.missing.join(', ')}` : '';
  if (!a.evidence.length) return still || 'Missing: no evidence yet, and sign-off needs at least one piece';
  return still ? `${w.evidence(a.evidence)}. ${still}` : w.evidence(a.evidence);
}

/**
 * What waits for a chair's or an executive's decision, as the bot's decisions card lists it: new dates asked
 * for, then sign-off.
 */
export function awaitingSection(report: CommitteeReport, w: Words): Block[] {
  return [
    heading(1, 'Awaiting a decision'),
    paragraph(
      'A chair or an executive decides each of these. Until a new date is agreed, the current due date stands.',
    ),
    heading(2, 'New dates asked for'),
    actionsTable(
      w,
      'No new date is waiting for a decision.',
      ['Due', 'New date asked for', 'Asked', 'Reason'],
      report.newDates,
      (r) => [w.date(r.due), w.date(r.date), `${w.person(r.by)} on ${w.day(r.at)}`, r.reason],
    ),
    heading(2, 'Sign-off'),
    actionsTable(w, 'Nothing is waiting for sign-off.', ['Waiting', 'Evidence'], report.awaiting, (a) => [
      a.daysWaiting === null || a.completedOn === null
        ? 'Since before its history began'
        : `${w.days(a.daysWaiting)} (completed ${w.date(a.completedOn)})`,
      awaitingEvidence(a, w),
    ]),
  ];
}

export function glossarySection(report: CommitteeReport): Block[] {
  const { entries, warnings } = report.glossary;
  const blocks: Block[] = [
    heading(1, 'Glossary'),
    tableOr(
      'The report uses no acronyms.',
      ['Term', 'Meaning'],
      entries.map((e) => [e.term, e.meaning]),
    ),
  ];
  if (warnings.length)
    blocks.push(
      paragraph(
        `Not explained in the plan’s glossary: ${warnings.map((x) => `${x.acronym} (${x.refs.slice(0, 5).join(', ')}${x.refs.length > 5 ? ' and others' : ''})`).join('; ')}.`,
      ),
    );
  return blocks;
}

export function appendixSection(report: CommitteeReport, w: Words): Block[] {
  return [
    heading(1, 'Appendix: every action'),
    tableOr(
      NO_ACTIONS,
      ['Ref', 'Theme', 'Action', 'Owner', 'Lead agency', 'Status', 'Due date', 'RAG', 'Days overdue', 'Measure'],
      report.appendix.map((r) => [
        r.action.ref,
        r.action.theme,
        r.action.title,
        w.owner(r.action),
        r.action.agency,
        r.action.status,
        w.date(r.due) + (r.action.revisedDueDate ? ` (first ${w.date(r.action.originalDueDate)})` : ''),
        w.rag(r.rag),
        r.daysOverdue ? String(r.daysOverdue) : '',
        r.action.measures
          .map(
            (m, i, all) =>
              `${all.length > 1 ? `${i + 1}. ` : ''}${m.indicator}${m.target ? `; target ${m.target}` : ''}${m.latest ? `; latest ${m.latest}` : ''}`,
          )
          .join(' · '),
      ]),
      7,
    ),
  ];
}
