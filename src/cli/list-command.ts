import { formatUkDate } from '../domain/calendar';
import { currentDueDate, daysOverdue, isDueSoon, isOverdue, RAG_LABELS, ragOf } from '../domain/rag';
import { compareRefs } from '../domain/ref';
import { textTable } from '../domain/text-table';
import { withOwnerNames } from '../services/chat/owner-names';
import { Action } from '../domain/types';
import { CliContext, requirePlan, UserError } from './context';

export interface ListOptions {
  plan: string;
  overdue?: boolean;
  dueSoon?: boolean;
  owner?: string;
}

export async function listCommand(ctx: CliContext, options: ListOptions): Promise<void> {
  const { plan, today } = await requirePlan(ctx, options.plan);
  const owner = options.owner?.trim().toLowerCase();
  // Plans often name owners by email alone; the name the bot has met them by reads better.
  const all = await withOwnerNames(
    ctx.storage,
    (await ctx.storage.actions.list(plan.id)).map((v) => v.value),
  );
  // The table shows names, so a name is what people type back: either it or the email will do.
  const ownedBy = (a: Action) =>
    !owner || a.owner?.email.toLowerCase() === owner || a.owner?.displayName?.trim().toLowerCase() === owner;
  if (owner && !all.some(ownedBy)) {
    const owners = [...new Set(all.flatMap((a) => (a.owner ? [a.owner.displayName ?? a.owner.email] : [])))].sort();
    throw new UserError(
      `Nobody called "${options.owner}" owns an action in ${plan.title}. Give an owner's email address or name` +
        (owners.length ? `: ${owners.join(', ')}.` : '.'),
    );
  }
  const actions = all
    .filter((a) => !options.overdue || isOverdue(a, today))
    .filter((a) => !options.dueSoon || isDueSoon(a, today))
    .filter(ownedBy)
    .sort((a, b) => daysOverdue(b, today) - daysOverdue(a, today) || compareRefs(a.ref, b.ref));
  const which = [
    options.overdue && 'overdue',
    options.dueSoon && 'due in the next 14 days',
    owner && `owned by ${options.owner?.trim()}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (actions.length === 0) {
    ctx.out.write(`No actions${which ? ` ${which}` : ''} in ${plan.title} (as of ${formatUkDate(today)}).\n`);
    return;
  }
  const rows = actions.map((a) => {
    const due = currentDueDate(a);
    const late = daysOverdue(a, today);
    return [
      a.ref,
      a.title,
      a.owner?.displayName ?? a.owner?.email ?? '(no owner)',
      due ? formatUkDate(due) : '',
      late ? String(late) : '',
      a.status,
      RAG_LABELS[ragOf(a, today)],
    ];
  });
  ctx.out.write(
    `${plan.title}: ${actions.length} action${actions.length === 1 ? '' : 's'}${which ? ` ${which}` : ''}, as of ${formatUkDate(today)}\n\n`,
  );
  ctx.out.write(
    textTable(['Ref', 'Action', 'Owner', 'Due', 'Days overdue', 'Status', 'RAG'], rows, [10, 50, 24]) + '\n',
  );
}
