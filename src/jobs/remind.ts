import { reminderView } from '../cards/reminder-view';
import { renderCard } from '../cards/render';
import { todayIn } from '../domain/calendar';
import { remindersByOwner, runIdFor } from '../domain/reminders';
import { PersonProblem } from '../domain/reach';
import { StoredReference } from '../store/conversation-store';
import { deliverAll, DeliveryDeps, DeliveryOptions, Target, TargetReport } from './deliver';
import { destinationOf, peopleDirectory } from './destination';

export { destinationOf } from './destination';

export interface JobRequest {
  planId: string;
  now: Date;
  force?: boolean;
  dryRun?: boolean;
}

export interface JobReport {
  runId: string;
  planTitle: string;
  recipients: (TargetReport & { actions?: string[]; card?: object })[];
}

export class JobError extends Error {}

/**
 * The weekly reminder: one card per owner with everything overdue or due in
 * the next 14 days. The plan's actions and the people directory are read
 * once per run, whatever the number of owners.
 */
export async function runReminders(deps: DeliveryDeps, request: JobRequest, options: DeliveryOptions): Promise<JobReport> {
  const plan = await deps.storage.plans.get(request.planId);
  if (!plan) throw new JobError(`There is no plan "${request.planId}".`);
  const today = todayIn(request.now, plan.timeZone);
  const runId = runIdFor('remind', plan.id, today, request.force ? request.now : undefined);
  const [snapshot, people] = await Promise.all([deps.storage.actions.snapshot(plan.id), deps.storage.people.all()]);
  const find = peopleDirectory(people);
  const due = remindersByOwner(snapshot.map((v) => v.value), today);

  const targets: (Target & { actions: string[] })[] = [...due.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([email, actions]) => {
      const person = find({ email });
      const view = reminderView(plan.id, plan.title, { email, teamsUserId: person?.teamsUserId ?? null }, actions, today);
      return {
        key: email,
        label: person?.name ? `${person.name} <${email}>` : email,
        actions: actions.map((a) => a.ref),
        destination: destinationOf(person),
        message: { card: renderCard('reminder', view), summary: view.title },
        // Filed under the address the bot knows them by, which may not be the one the plan uses.
        onUnreachable: (reason: PersonProblem) => deps.storage.people.link({ email: person?.email ?? email, unreachable: reason, updatedAt: request.now.toISOString() }),
        onOpened: (chat: StoredReference) => deps.storage.people.link({ email: person?.email ?? email, personalChat: chat, unreachable: null, updatedAt: request.now.toISOString() }),
      };
    });

  if (request.dryRun) {
    return {
      runId,
      planTitle: plan.title,
      recipients: targets.map((t) => ({
        key: t.key,
        label: t.label,
        outcome: 'unreachable' in t.destination ? 'unreachable' : 'would send',
        reason: 'unreachable' in t.destination ? t.destination.unreachable : null,
        attempts: 0,
        actions: t.actions,
        card: t.message.card,
      })),
    };
  }
  const reports = await deliverAll(deps, runId, targets, options);
  return { runId, planTitle: plan.title, recipients: reports.map((r, i) => ({ ...r, actions: targets[i].actions })) };
}
