import type { Request, Response, Server } from 'restify';
import { storageErrorWords } from '../cards/error-words';
import { Logger } from '../log';
import { reportRefusalText } from '../reports/refusal-words';
import { isReportFormat, renderReport, reportFileName } from '../reports/render';
import { Storage } from '../store/open-storage';
import { actorIn, makeCommitteeReport } from '../use-cases/committee-report';
import { reportHeaders } from './report-headers';
import { REPORT_LINK_MINUTES, REPORT_PATH, ReportLinks } from './report-link';

export interface ReportRouteDeps {
  storage: Storage;
  links: ReportLinks;
  log: Logger;
  now?: () => Date;
}

const PLAIN = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

/**
 * GET /reports/committee?format=docx|html&token=…: the report a signed link names, made for the
 * person it was made for, if they may still read the plan and make its report. The link is the
 * only credential, so it is short-lived, and nothing about the plan is said to a link that fails.
 */
export function mountReportRoute(server: Server, deps: ReportRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  server.get(REPORT_PATH, async (req: Request, res: Response) => {
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    const format = query.get('format') ?? 'docx';
    if (!isReportFormat(format)) {
      res.sendRaw(400, 'The format must be docx or html.', PLAIN);
      return;
    }
    const check = await deps.links.check(query.get('token') ?? '', now());
    if (!check.ok) {
      deps.log.info({ code: check.code }, 'refused a report link');
      res.sendRaw(
        401,
        check.code === 'expired'
          ? `This link has expired: links to the report work for ${REPORT_LINK_MINUTES} minutes. Type "report" to the bot in Teams for a new one.`
          : 'This link is not valid. Type "report" to the bot in Teams for a new one.',
        PLAIN,
      );
      return;
    }
    const { planId, email } = check.claims;
    try {
      const outcome = await makeCommitteeReport(deps.storage, await actorIn(deps.storage, planId, email, null), {
        planId,
        now: now(),
        record: true,
      });
      if (outcome.kind === 'refused') {
        res.sendRaw(outcome.code === 'noPlan' ? 404 : 403, reportRefusalText(outcome, planId), PLAIN);
        return;
      }
      const bytes = await renderReport(outcome.report, format);
      res.sendRaw(200, bytes, reportHeaders(format, reportFileName(outcome.report, format)));
    } catch (error) {
      const words = storageErrorWords(error);
      deps.log.error({ err: words ? undefined : error, planId }, 'could not make a committee report');
      res.sendRaw(words ? 503 : 500, words ?? 'Something went wrong on my side while making the report.', PLAIN);
    }
  });
}
