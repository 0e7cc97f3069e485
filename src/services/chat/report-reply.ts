import { formatUkDate } from '../../domain/calendar';
import { ReportFormat } from '../../reports/render';
import { Storage } from '../../store/open-storage';
import { defaultPeriod, mayMakeReport } from '../../use-cases/committee-report';
import { PlanView } from './plan-scope';
import { card, Incoming, Reply, text } from './types';

/** Makes the signed links (src/web/report-link.ts), kept behind this shape so chat needs no web code. */
export interface ReportLinkMaker {
  url(claims: { planId: string; email: string }, format: ReportFormat, now: Date): Promise<string>;
}

const REPORT_IN_PRIVATE =
  'The committee report comes as links that open it for whoever has them, so I only send them in a one-to-one chat: ' +
  'message me "report" there.';

const NOT_ALLOWED = 'Only a chair, an executive or an administrator can make the committee report.';

/**
 * "report": a card with links to the plan's committee report on the bot's own server, signed for
 * this person and short-lived. Only plans they may read are ever named, even in a refusal.
 */
export async function reportReply(
  storage: Storage,
  incoming: Incoming,
  viewsOf: () => Promise<readonly PlanView[]>,
  named: string | null,
  { links, minutes }: { links: ReportLinkMaker; minutes: number },
): Promise<Reply> {
  // The links let whoever holds them download the report, so they are never posted where others read.
  if (incoming.conversation.kind !== 'personal') return text(REPORT_IN_PRIVATE);
  const views = await viewsOf();
  const now = incoming.now;
  const checked = await Promise.all(
    views.map(async (view) => ({ view, allowed: await mayMakeReport(storage, view.actor, view.plan.id) })),
  );
  const readable = checked.filter((c) => !('kind' in c.allowed && c.allowed.code === 'noPlan'));
  const allowed = checked.filter((c) => 'ok' in c.allowed);
  if (named !== null) {
    const plan = readable.find((c) => c.view.plan.id === named);
    if (!plan) return text(`There is no plan "${named}" that you can read. Type "my plans" to see yours.`);
    if (!('ok' in plan.allowed)) return text(NOT_ALLOWED);
  }
  const chosen = named !== null ? allowed.filter((c) => c.view.plan.id === named) : allowed;
  if (chosen.length === 0) return text(NOT_ALLOWED);
  if (chosen.length > 1)
    return text(`Which plan? Type ${chosen.map((c) => `"report ${c.view.plan.id}"`).join(' or ')}.`);
  const { view } = chosen[0];
  const claims = { planId: view.plan.id, email: view.actor.email };
  const [docxUrl, htmlUrl, period] = await Promise.all([
    links.url(claims, 'docx', now),
    links.url(claims, 'html', now),
    defaultPeriod(storage, view.plan, now),
  ]);
  return card(
    'report-link',
    {
      title: `Committee report: ${view.plan.title}`,
      period: `From ${formatUkDate(period.from)} to ${formatUkDate(period.to)}: summary, highlights, risks, slippage, plan on a page, sign-offs and glossary.`,
      note: `The links work for ${minutes} minutes, and only for you.`,
      docxUrl,
      htmlUrl,
    },
    `Committee report for ${view.plan.title}`,
  );
}
