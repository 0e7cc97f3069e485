import { CommitteeReport } from '../domain/report/types';
import { paragraph, ReportDocument } from './document';
import {
  appendixSection,
  awaitingSection,
  glossarySection,
  performanceSection,
  planOnAPageSection,
} from './register-sections';
import {
  cancelledSection,
  challengesSection,
  highlightsSection,
  slippageSection,
  summarySection,
} from './news-sections';
import { wordsFor } from './words';

/** The section headings, in order: the tests and the renderers both read them from here. */
export const SECTION_HEADINGS = [
  'Summary',
  'Key highlights',
  'Key challenges and risks',
  'Slippage',
  'Cancelled',
  'Plan on a page',
  'Performance book',
  'Awaiting a decision',
  'Glossary',
  'Appendix: every action',
] as const;

/** The highlight report in plain English, section by section, ready for any renderer. */
export function reportDocument(report: CommitteeReport): ReportDocument {
  const w = wordsFor(report);
  return {
    title: `${report.plan.title}: highlight report`,
    blocks: [
      paragraph(`Action Tracker report made on ${w.day(report.madeAt)}, from the action register.`),
      ...summarySection(report, w),
      ...highlightsSection(report, w),
      ...challengesSection(report, w),
      ...slippageSection(report, w),
      ...cancelledSection(report, w),
      ...planOnAPageSection(report, w),
      ...performanceSection(report, w),
      ...awaitingSection(report, w),
      ...glossarySection(report),
      ...appendixSection(report, w),
    ],
  };
}
