import { reminderView } from '../cards/reminder-view';
import { renderCard } from '../cards/render';
import { todayIn } from '../domain/calendar';
import { remindersByOwner, runIdFor } from '../domain/reminders';
import { Person } from '../store/people-store';
import { deliverAll, DeliveryDeps, DeliveryOptions, Target, TargetReport } from './deliver';
import { Destination } from './sender';

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

export const NEVER_MET = 'has never opened a chat with the bot, so it has nowhere to send (the app may not be installed for them)';

/** How to reach a person: their personal chat, else a new chat if we know their Teams id and their tenant's service. */
export function destinationOf(person: Person | undefined, serviceUrl: string | null): Destination | { unreachable: string } {
  if (person?.personalChat) return { kind: 'conversation', reference: person.personalChat };
  if (person?.teamsUserId && serviceUrl) {
    const tenantId = (person.personalChat as { conversation?: { tenantId?: string } } | null)?.conversation?.tenantId ?? null;
    return { kind: 'person', teamsUserId: person.teamsUserId, tenantId, serviceUrl };
  }
  return { unreachable: person?.unreachable ?? NEVER_MET };
}

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
  const [snapshot, people, bound] = await Promise.all([
    deps.storage.actions.snapshot(plan.id),
    deps.storage.people.all(),
    deps.storage.conversations.boundTo(plan.id),
  ]);
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const serviceUrl = (bound[0]?.reference as { serviceUrl?: string } | undefined)?.serviceUrl ?? null;
  const due = remindersByOwner(snapshot.map((v) => v.value), today);

  const targets: (Target & { actions: string[] })[] = [...due.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([email, actions]) => {
      const person = byEmail.get(email);
      const view = reminderView(plan.id, plan.title, { email, teamsUserId: person?.teamsUserId ?? null }, actions, today);
      return {
        key: email,
        label: person?.name ? `${person.name} <${email}>` : email,
        actions: actions.map((a) => a.ref),
        destination: destinationOf(person, serviceUrl),
        message: { card: renderCard('reminder', view), summary: view.title },
        onUnreachable: (reason: string) => deps.storage.people.link({ email, unreachable: reason, updatedAt: request.now.toISOString() }),
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
