import { RAGS, STATUSES } from '../domain/types';
import type { LatestWords } from '../domain/report/latest-words';
import { Cancellation, CommitteeReport, Slip } from '../domain/report/types';
import { Block, bullets, heading, paragraph, table } from './document';
import { actionsTable, signed, Words } from './words';

const SINCE: Record<CommitteeReport['since'], string> = {
  lastReport: 'It runs from the day of the last report.',
  baseline: "It runs from the plan's baseline date, since no earlier report was made.",
  given: '',
};

export function summarySection(report: CommitteeReport, w: Words): Block[] {
  const { summary, period, plan } = report;
  const intro =
    `This report covers ${w.date(period.from)} to ${w.date(period.to)}. ${SINCE[report.since]}`.trim() +
    ` At the end of the period the plan had ${summary.total} ${summary.total === 1 ? 'action' : 'actions'}, ` +
    `${summary.now.overdue} of them overdue.`;
  const blocks: Block[] = [heading(1, 'Summary'), paragraph(intro)];
  if (plan.sourceDocument) blocks.push(paragraph(`The plan comes from ${plan.sourceDocument}.`));
  const { atStart, change } = summary;
  if (!atStart || !change) {
    blocks.push(paragraph('The plan had no actions when the period began, so there is nothing to compare with.'));
  }
  const row = (label: string, now: number, then: number | undefined, diff: number | undefined) => [
    label,
    String(now),
    ...(atStart && change ? [String(then ?? 0), signed(diff ?? 0)] : []),
  ];
  const headers = (first: string) => [first, 'At the end', ...(atStart ? ['At the start', 'Change'] : [])];
  blocks.push(
    heading(2, 'By status'),
    table(
      headers('Status'),
      STATUSES.map((s) => row(s, summary.now.byStatus[s], atStart?.byStatus[s], change?.byStatus[s])),
    ),
    heading(2, 'By RAG rating'),
    table(
      headers('RAG'),
      RAGS.map((r) => row(w.rag(r), summary.now.byRag[r], atStart?.byRag[r], change?.byRag[r])),
      0,
    ),
    paragraph(
      `Overdue: ${summary.now.overdue}` +
        (atStart && change ? ` (${atStart.overdue} at the start, ${signed(change.overdue)}).` : '.'),
    ),
  );
  return blocks;
}

export function highlightsSection(report: CommitteeReport, w: Words): Block[] {
  return [
    heading(1, 'Key highlights'),
    actionsTable(
      w,
      'No action was completed or signed off in this period.',
      ['What happened', 'Evidence'],
      report.highlights,
      (h) => [
        `${h.reached === 'Signed off' ? 'Signed off' : 'Completed'} on ${h.doneOn ? `${w.date(h.doneOn)}, recorded ${w.day(h.at)}` : w.day(h.at)} (${w.person(h.by)})${h.comment ? `. ${h.comment}` : ''}`,
        w.evidence(h.evidence),
      ],
    ),
  ];
}

/**
 * "Trainer off sick (Alex Wilber, 15 Nov 2026)"; a reason says what it was given for: "Marked at risk: …",
 * "Due date moved to 31 Dec 2026: …".
 */
export function latestWordsLine(words: LatestWords | null, w: Words): string {
  if (!words) return 'No update or reason recorded';
  const lead =
    words.about === 'status'
      ? `Marked ${words.status.toLowerCase()}: `
      : words.about === 'dueDate'
        ? `Due date moved to ${w.date(words.to)}: `
        : '';
  return `${lead}${words.text} (${w.person(words.by)}, ${w.day(words.at)})`;
}

export function challengesSection(report: CommitteeReport, w: Words): Block[] {
  const challenges = (kind: string, empty: string) => {
    const overdue = kind === 'overdue';
    return actionsTable(
      w,
      empty,
      ['Due', ...(overdue ? ['Days overdue'] : []), 'Latest update'],
      report.challenges.filter((c) => c.kind === kind),
      (c) => [w.date(c.due), ...(overdue ? [w.days(c.daysOverdue)] : []), latestWordsLine(c.words, w)],
    );
  };
  return [
    heading(1, 'Key challenges and risks'),
    heading(2, 'Overdue'),
    challenges('overdue', 'Nothing is overdue.'),
    heading(2, 'Delayed'),
    challenges('delayed', 'No action is delayed.'),
    heading(2, 'At risk'),
    challenges('atRisk', 'No action is at risk.'),
  ];
}

/** "SG-4, Roll out laptops (Alex Wilber): moved from 30 Jun 2026 to 30 Sep 2026 on 12 Aug 2026 because of supplier problems." */
export function slipSentence(slip: Slip, w: Words): string {
  const reason = slip.reason?.replace(/[.\s]+$/, '');
  const why = !reason
    ? ' No reason was recorded.'
    : /^(because|due to|as |since |owing to)/i.test(reason)
      ? ` ${reason[0].toUpperCase()}${reason.slice(1)}.`
      : ` Reason: ${reason}.`;
  const first = slip.original && slip.original !== slip.from ? ` It was first due ${w.date(slip.original)}.` : '';
  return (
    `${slip.action.ref}, ${slip.action.title} (${w.owner(slip.action)}): the due date moved from ` +
    `${w.date(slip.from)} to ${w.date(slip.to)} on ${w.day(slip.at)}.${why}${first}`
  );
}

/** A section of one plain sentence per item, or a sentence saying there is none: never an empty heading. */
function sentences<T>(title: string, items: readonly T[], sentence: (item: T) => string, none: string): Block[] {
  return [heading(1, title), items.length ? bullets(items.map(sentence)) : paragraph(none)];
}

export function slippageSection(report: CommitteeReport, w: Words): Block[] {
  return sentences('Slippage', report.slippage, (s) => slipSentence(s, w), 'No due date was moved in this period.');
}

/** "SG-5, Review equality data (Isaiah Langer): cancelled on 30 Nov 2026 by Alex Wilber. Reason: the service was merged." */
export function cancellationSentence(c: Cancellation, w: Words): string {
  const reason = c.reason?.replace(/[.\s]+$/, '');
  return (
    `${c.action.ref}, ${c.action.title} (${w.owner(c.action)}): cancelled on ${w.day(c.at)} by ${w.person(c.by)}.` +
    (reason ? ` Reason: ${reason}.` : ' No reason was recorded.')
  );
}

export function cancelledSection(report: CommitteeReport, w: Words): Block[] {
  const none = 'No action was cancelled in this period.';
  return sentences('Cancelled', report.cancelled, (c) => cancellationSentence(c, w), none);
}
