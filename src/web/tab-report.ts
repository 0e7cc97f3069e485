import { isReportFormat, renderReport, ReportFormat, reportFileName } from '../reports/render';
import { Storage } from '../store/open-storage';
import { actorIn, makeCommitteeReport, mayMakeReport, ReportOutcome } from '../use-cases/committee-report';
import { TabPerson } from '../use-cases/readable-plan';
import { REPORT_LINK_MINUTES, ReportLinks } from './report-link';
import { INTERNAL, PLAN_NOT_FOUND, REPORT_NOT_PERMITTED, TabError } from './tab-errors';

/**
 * The committee report from the tab. `reportFile` answers the file itself, for anyone the tab's API
 * signs in (a plain link in local mode). `reportLink` answers a short-lived signed link to
 * /reports/committee, made for the person by ReportLinks: in Teams a download cannot carry the
 * tab's bearer token, and a link opened outside the tab's frame has none of its sign-in.
 */

export interface TabFile {
  bytes: Buffer;
  format: ReportFormat;
  fileName: string;
}

/** What a report route was asked: by whom, for which plan, in which format, and when. */
export interface ReportAsk {
  person: TabPerson;
  planId: string;
  format: ReportFormat;
  now: Date;
}

export type ReportAnswer = { file: TabFile } | { body: object } | { error: TabError };

/** `format` as the query gave it: absent means Word, as for the chat card's links. */
export function reportFormat(value: string | undefined): ReportFormat | null {
  const format = value ?? 'docx';
  return isReportFormat(format) ? format : null;
}

function refusal(outcome: Extract<ReportOutcome, { kind: 'refused' }>): TabError {
  switch (outcome.code) {
    case 'noPlan':
      return PLAN_NOT_FOUND;
    case 'notPermitted':
      return REPORT_NOT_PERMITTED;
    case 'badPeriod':
      // The tab never sends dates, and the default period (last report to today) is always valid.
      return INTERNAL;
  }
}

/** The report made now, for its default period, and remembered as made (the next runs from today). */
export async function reportFile(storage: Storage, { person, planId, format, now }: ReportAsk): Promise<ReportAnswer> {
  const actor = await actorIn(storage, planId, person.email, person.name);
  const outcome = await makeCommitteeReport(storage, actor, { planId, now, record: true });
  if (outcome.kind === 'refused') return { error: refusal(outcome) };
  return {
    file: {
      bytes: await renderReport(outcome.report, format),
      format,
      fileName: reportFileName(outcome.report, format),
    },
  };
}

/** A signed link to the report for this person, if they may make it now (checked again when it is opened). */
export async function reportLink(
  storage: Storage,
  links: ReportLinks,
  { person, planId, format, now }: ReportAsk,
): Promise<ReportAnswer> {
  const actor = await actorIn(storage, planId, person.email, person.name);
  const allowed = await mayMakeReport(storage, actor, planId);
  if (!('ok' in allowed)) return { error: refusal(allowed) };
  const url = await links.url({ planId: allowed.plan.id, email: actor.email }, format, now);
  return { body: { url, minutes: REPORT_LINK_MINUTES } };
}
