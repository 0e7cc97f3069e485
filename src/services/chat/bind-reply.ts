import { denialWords } from '../../cards/refusal-words';
import { readableViews } from '../plan-access';
import { plansFor } from './plan-scope';
import { Storage } from '../../store/open-storage';
import { bindPlan, BindPlanOutcome } from '../../use-cases/bind-plan';
import { bindingIdOf, Incoming, Reply, text } from './types';

/**
 * "use plan X here": binds the plan to the whole channel (whichever post it is typed in) or
 * chat. Moving a conversation from one plan to another needs an administrator of both.
 */
export async function bindReply(storage: Storage, incoming: Incoming, planId: string, email: string): Promise<Reply> {
  const kind = incoming.conversation.kind;
  const outcome = await bindPlan(
    storage,
    { email, name: incoming.user.name },
    { bindingId: bindingIdOf(incoming), kind, planId },
  );
  const place = kind === 'channel' ? 'this channel' : 'this chat';
  switch (outcome.kind) {
    case 'refused':
      return refusedReply(storage, incoming, email, planId, outcome, place);
    case 'already':
      return text(
        `In ${place}, "what's overdue" already means ${outcome.plan.title} (${outcome.plan.id}), and its weekly digest comes here.`,
      );
    case 'bound': {
      const { plan, previous } = outcome;
      const digest =
        kind === 'channel'
          ? 'Its weekly digest will come here too, as a new post.'
          : 'Its weekly digest will come here too.';
      const moved = previous ? ` It no longer means ${previous.title}.` : '';
      return text(`Done: in ${place}, "what's overdue" now means ${plan.title} (${plan.id}).${moved} ${digest}`);
    }
  }
}

async function refusedReply(
  storage: Storage,
  incoming: Incoming,
  email: string,
  planId: string,
  refused: Extract<BindPlanOutcome, { kind: 'refused' }>,
  place: string,
): Promise<Reply> {
  switch (refused.code) {
    case 'noSuchPlan': {
      // Only plans the person may read are listed.
      const known = (await readableViews(storage, await plansFor(storage, incoming, email, null))).map(
        (v) => v.plan.id,
      );
      return text(`There is no plan "${planId}".${known.length ? ` Plans: ${known.join(', ')}.` : ''}`);
    }
    case 'notPermitted':
      return text(denialWords(refused.denial));
    case 'cannotMove': {
      const named = refused.previous ? `${refused.previous.title} (${refused.previous.id})` : 'another plan';
      return text(`${capitalised(place)} already uses ${named}. ${denialWords(refused.denial)}`);
    }
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
