import { formatUkDate } from '../domain/calendar';
import { currentDueDate } from '../domain/rag';
import { compareRefs } from '../domain/ref';
import { clipText, MAX_LISTED_REASON, MAX_LISTED_TITLE, moreLine } from '../domain/card-budget';
import { missingEvidence, requiredItems } from '../domain/evidence-items';
import { Action, IsoDate } from '../domain/types';
import { fitted } from './fit';
import { AdaptiveCard } from './render';
import { Banner } from './reminder-view';
import { ownerName } from './view-models';
import { evidenceLine } from '../domain/evidence-shown';

export interface DecisionItem {
  ref: string;
  title: string;
  to: string;
  detail: string;
}

export interface DecisionsView {
  planId: string;
  userIds: string[];
  title: string;
  subtitle: string;
  banner: Banner | null;
  requests: DecisionItem[];
  signOffs: DecisionItem[];
  /** Whether any sign-off listed still lacks required evidence: the card then offers a chair's override, with a reason. */
  anyMissing: boolean;
  more: string | null;
}

/** What the decisions card is drawn from: the plan, its actions, who to mention, and the day. */
export interface DecisionsInput {
  planId: string;
  planTitle: string;
  actions: readonly Action[];
  userIds: string[];
  today: IsoDate;
  banner?: Banner | null;
}

const MAX_ITEMS = 25;
const short = (text: string) => clipText(text, MAX_LISTED_TITLE);

/**
 * What the plan's chairs and executives have to decide: new dates asked for,
 * and sign-offs; `shown` of them at most (requests first), then how many more.
 */
export function decisionsView(
  { planId, planTitle, actions, userIds, today, banner = null }: DecisionsInput,
  shown = 2 * MAX_ITEMS,
): DecisionsView {
  const sorted = [...actions].sort((a, b) => compareRefs(a.ref, b.ref));
  const asked = sorted.filter((a) => a.dateRequest);
  // An action naming the evidence it needs is listed even before it has any, so a chair can see what is missing.
  const done = sorted.filter((a) => a.status === 'Complete' && (a.evidence.length > 0 || requiredItems(a).length > 0));
  const requestCount = Math.min(asked.length, MAX_ITEMS, shown);
  const signOffCount = Math.min(done.length, MAX_ITEMS, shown - requestCount);
  const requests = asked.slice(0, requestCount).map((a) => {
    const r = a.dateRequest!;
    const from = currentDueDate(a);
    return {
      ref: a.ref,
      title: short(a.title),
      to: formatUkDate(r.date),
      detail: `${clipText(ownerName(a), 80)} asks to move it from ${from ? formatUkDate(from) : 'no date'} to ${formatUkDate(r.date)}: ${clipText(r.reason, MAX_LISTED_REASON)}`,
    };
  });
  const signOffs = done.slice(0, signOffCount).map((a) => ({
    ref: a.ref,
    title: short(a.title),
    to: '',
    detail: `${clipText(ownerName(a), 80)} · evidence: ${clipText(a.evidence.map(evidenceLine).join('; ') || 'none yet', 200)}${missingLine(a)}`,
  }));
  const nothing = requests.length === 0 && signOffs.length === 0;
  return {
    planId,
    userIds,
    title: nothing ? 'Nothing is waiting for a decision' : 'Waiting for your decision',
    subtitle: `${clipText(planTitle, 150)} · as of ${formatUkDate(today)}`,
    banner,
    requests,
    signOffs,
    anyMissing: done.slice(0, signOffCount).some((a) => missingEvidence(a).length > 0),
    more: moreLine(asked.length + done.length - requests.length - signOffs.length, 'decisions'),
  };
}

function missingLine(action: Action): string {
  const missing = missingEvidence(action);
  return missing.length ? ` · still needed: ${clipText(missing.join(', '), 200)}` : '';
}

/** The decisions card, cut to fit Teams' size limit. */
export function decisionsCard(input: DecisionsInput): { view: DecisionsView; card: AdaptiveCard } {
  return fitted('decisions', 2 * MAX_ITEMS, (shown) => decisionsView(input, shown));
}
