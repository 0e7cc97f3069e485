import { awaitingView, changedView, dueView, ragView, slippedView, summaryCardView } from '../../cards/question-views';
import { formatUkDate } from '../../domain/calendar';
import { MyPlan, Ownership } from '../../domain/questions/owners-and-plans';
import { Role } from '../../domain/types';
import { Storage } from '../../store/open-storage';
import { answerQuestion, PlanAnswer, RegisterQuestion } from '../../use-cases/questions';
import { PlanView } from './plan-scope';
import { notOneReply, nothingToReadReply } from './read-replies';
import { card, Reply, text } from './types';

const NO_DATE = text('I couldn’t find the date in that. Try "what’s due before 14 Jan" or "what’s due by 31/01/2027".');

/**
 * Answers a question about the register (`answerQuestion`, which decides what the asker may read) in the
 * chat's words: one reply per plan answered.
 */
export async function questionReplies(
  storage: Storage,
  views: PlanView[],
  question: RegisterQuestion,
): Promise<Reply[]> {
  const answer = await answerQuestion(storage, views, question);
  switch (answer.kind) {
    case 'noPlans':
    case 'nothingReadable':
      return [nothingToReadReply(answer)];
    case 'noDate':
      return [NO_DATE];
    case 'owner':
      return [ownerReply(answer.ownership)];
    case 'unsure':
    case 'inSeveralPlans':
    case 'notFound':
      return [notOneReply(answer)];
    case 'myPlans':
      return [myPlansReply(answer.plans)];
    case 'answers':
      return answer.answers.map(planReply);
  }
}

function planReply(answer: PlanAnswer): Reply {
  const { plan, today } = answer.view;
  switch (answer.kind) {
    case 'slipped': {
      const { items, since, stillOverdue } = answer;
      return card(
        'action-list',
        slippedView(plan.title, items, since, today, stillOverdue),
        `${items.length} slipped since ${formatUkDate(since)} in ${plan.title}`,
      );
    }
    case 'awaitingSignOff': {
      const { items } = answer;
      return card(
        'action-list',
        awaitingView(plan.title, items, today),
        `${items.length} awaiting sign-off in ${plan.title}`,
      );
    }
    case 'summary': {
      const s = answer.summary;
      return card(
        'summary',
        summaryCardView(plan.title, s, today),
        `${plan.title}: ${s.totals.overdue} overdue of ${s.totals.total}`,
      );
    }
    case 'changed': {
      const { items, since } = answer;
      return card(
        'action-list',
        changedView(plan.title, items, since, today, plan.timeZone, answer.nameOf),
        `${items.length} changed since ${formatUkDate(since)} in ${plan.title}`,
      );
    }
    case 'due': {
      const q = answer.asked;
      const what =
        q.kind === 'dueIn'
          ? `${q.span.label} (${formatUkDate(q.span.from)} to ${formatUkDate(q.span.to)})`
          : `${q.inclusive ? 'by' : 'before'} ${formatUkDate(answer.until)}`;
      const whose = q.mine ? `your actions in ${plan.title}` : plan.title;
      const due = answer.actions;
      return card('action-list', dueView(whose, what, due, today), `${due.length} due ${what} in ${whose}`);
    }
    case 'rag': {
      const { asked, items } = answer;
      const whose = asked.mine ? `your actions in ${plan.title}` : plan.title;
      const view = ragView(whose, asked.colours, items, today);
      return card('action-list', view, `${items.length} ${asked.colours.join(' or ')} in ${whose}`);
    }
  }
}

function ownerReply(o: Ownership): Reply {
  const owner = o.owner ? (o.owner.name ? `${o.owner.name} (${o.owner.email})` : o.owner.email) : 'nobody yet';
  const agency = o.agency ? `, lead agency ${o.agency}` : '';
  const due = o.due ? `, due ${formatUkDate(o.due)}` : '';
  return text(`${o.ref} (${o.title}) is owned by ${owner}${agency}. It is ${o.status.toLowerCase()}${due}.`);
}

const ROLE_NAMES: Record<Role, string> = {
  admin: 'administrator',
  chair: 'chair',
  executive: 'executive',
  owner: 'owner',
};

function myPlansReply(plans: MyPlan[]): Reply {
  if (plans.length === 0)
    return text('You have no role and no actions in any plan here. An administrator can give you a role.');
  const lines = plans.map((p) => {
    const what = [
      ...p.roles.map((r) => ROLE_NAMES[r]),
      p.owned ? `owner of ${p.owned} of its ${p.total} action${p.total === 1 ? '' : 's'}` : null,
    ].filter((w): w is string => w !== null);
    return `- **${p.plan.title}** (${p.plan.id}): ${what.join(', ')}`;
  });
  return text(`Your plans:\n\n${lines.join('\n')}`);
}
