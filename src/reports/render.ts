import { CommitteeReport } from '../domain/report/types';
import { docxReport } from './docx-report';
import { htmlReport } from './html-report';
import { reportDocument } from './report-document';

export const REPORT_FORMATS = ['docx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const isReportFormat = (value: unknown): value is ReportFormat =>
  typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** The report's file, in either format. */
export async function renderReport(report: CommitteeReport, format: ReportFormat): Promise<Buffer> {
  const doc = reportDocument(report);
  return format === 'docx' ? docxReport(doc) : Buffer.from(htmlReport(doc), 'utf8');
}

/** A file name that says what it is: `ofsted-2011-report-2026-11-30.docx`. */
export function reportFileName(report: CommitteeReport, format: ReportFormat): string {
  return `${report.plan.id}-report-${report.period.to}.${format}`;
}
