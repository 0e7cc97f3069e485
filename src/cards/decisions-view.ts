import { formatUkDate } from '../domain/calendar';
import { currentDueDate } from '../domain/rag';
import { compareRefs } from '../domain/ref';
import { Action, IsoDate } from '../domain/types';
import { Banner } from './reminder-view';
import { ownerName } from './view-models';

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
}

const MAX_ITEMS = 25;
const short = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

/** What the plan's chairs and executives have to decide: new dates asked for, and sign-offs. */
export function decisionsView(planId: string, planTitle: string, actions: readonly Action[], userIds: string[], today: IsoDate, banner: Banner | null = null): DecisionsView {
  const sorted = [...actions].sort((a, b) => compareRefs(a.ref, b.ref));
  const requests = sorted
    .filter((a) => a.dateRequest)
    .slice(0, MAX_ITEMS)
    .map((a) => {
      const r = a.dateRequest!;
      const from = currentDueDate(a);
      return {
        ref: a.ref,
        title: short(a.title),
        to: formatUkDate(r.date),
        detail: `${ownerName(a)} asks to move it from ${from ? formatUkDate(from) : 'no date'} to ${formatUkDate(r.date)}: ${r.reason}`,
      };
    });
  const signOffs = sorted
    .filter((a) => a.status === 'Complete' && a.evidence.length > 0)
    .slice(0, MAX_ITEMS)
    .map((a) => ({
      ref: a.ref,
      title: short(a.title),
      to: '',
      detail: `${ownerName(a)} · evidence: ${a.evidence.map((e) => e.url ?? e.note).join('; ').slice(0, 200)}`,
    }));
  const nothing = requests.length === 0 && signOffs.length === 0;
  return {
    planId,
    userIds,
    title: nothing ? 'Nothing is waiting for a decision' : 'Waiting for your decision',
    subtitle: `${planTitle} · as of ${formatUkDate(today)}`,
    banner,
    requests,
    signOffs,
  };
}
