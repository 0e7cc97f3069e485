import { digestCard } from '../cards/digest-view';
import { addDays, todayIn } from '../domain/calendar';
import { computeDigest, UnreachableOwner } from '../domain/digest';
import { limboWeeksOf } from '../domain/limbo';
import { isoWeek, runIdFor } from '../domain/reminders';
import { ownerName } from '../cards/view-models';
import { withOwnerNames } from '../services/chat/owner-names';
import { measureRowsOf } from '../use-cases/list-measures';
import { deliverAll, DeliveryDeps, DeliveryOptions, Target } from './deliver';
import { destinationOf, peopleDirectory } from './destination';
import { JobError, JobReport, JobRequest, mondayOf } from './remind';

/**
 * The weekly digest for the executive group: posted to every conversation
 * bound to the plan (in a channel, as a new post; a channel counts once however
 * many of its posts an administrator bound it from). Owners the bot cannot reach are listed, so nobody is
 * silently left out of the reminders.
 */
export async function runDigest(deps: DeliveryDeps, request: JobRequest, options: DeliveryOptions): Promise<JobReport> {
  const plan = await deps.storage.plans.get(request.planId);
  if (!plan) throw new JobError(`There is no plan "${request.planId}".`);
  const today = todayIn(request.now, plan.timeZone);
  const week = isoWeek(today);
  const runId = runIdFor('digest', plan.id, today, request.force ? request.now : undefined);
  const when = { weekOf: mondayOf(today), forced: Boolean(request.force) };
  const [snapshot, history, people, bound, previous, outbox] = await Promise.all([
    deps.storage.actions.snapshot(plan.id),
    deps.storage.actions.planHistory(plan.id),
    deps.storage.people.all(),
    deps.storage.conversations.boundTo(plan.id),
    deps.storage.digestTotals.before(plan.id, week),
    deps.storage.outbox.list(plan.id),
  ]);
  const waitingFor = outbox.rows.flatMap((row) => row.waitingFor.map((w) => w.email));
  const actions = await withOwnerNames(
    deps.storage,
    snapshot.map((v) => v.value),
  );
  const find = peopleDirectory(people);
  const unreachable: UnreachableOwner[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    const email = action.owner?.email;
    if (!email || seen.has(email)) continue;
    seen.add(email);
    // The reminder run's own rule, so the digest lists exactly the owners the reminders cannot reach.
    const destination = destinationOf(find(action.owner!));
    if ('unreachable' in destination) {
      // Filed under the address the bot knows them by, else the plan's.
      const known = (find(action.owner!)?.email ?? email).toLowerCase();
      const waiting = waitingFor.filter((w) => w === known).length;
      unreachable.push({ name: ownerName(action), email, reason: destination.unreachable, waiting });
    }
  }
  const digest = computeDigest({
    planTitle: plan.title,
    actions,
    history,
    previous,
    unreachable,
    today,
    weekStart: addDays(today, -7),
    timeZone: plan.timeZone,
    limboWeeks: limboWeeksOf(plan),
  });
  const measures = await measureRowsOf(deps.storage, plan.id, actions, today);
  const card = digestCard(digest, plan.title, today, {
    timeZone: plan.timeZone,
    limboWeeks: limboWeeksOf(plan),
    measures,
  });
  const summary = `Weekly digest: ${digest.totals.overdue} overdue of ${digest.totals.total}`;
  const targets: Target[] = bound.map((c, i) => ({
    key: c.conversationId,
    label: conversationLabel(c, bound.length > 1 ? `${i + 1} of ${bound.length}` : null),
    // A channel gets a new post each week; continuing the stored reference would reply in an old thread.
    destination:
      c.kind === 'channel'
        ? { kind: 'channel', channelId: c.conversationId, tenantId: c.tenantId, reference: c.reference }
        : { kind: 'conversation', reference: c.reference },
    message: { card, summary },
  }));
  if (targets.length === 0) {
    throw new JobError(
      `No channel or chat is bound to plan ${plan.id}, so the digest has nowhere to go. An administrator can type "use plan ${plan.id} here" in the executive group's channel.`,
    );
  }
  if (request.dryRun) {
    return {
      runId,
      ...when,
      planTitle: plan.title,
      recipients: targets.map((t) => ({
        key: t.key,
        label: t.label,
        outcome: 'would send',
        reason: null,
        attempts: 0,
        card,
      })),
    };
  }
  const reports = await deliverAll(deps, runId, targets, options);
  if (reports.some((r) => r.outcome === 'sent')) await deps.storage.digestTotals.save(plan.id, week, digest.totals);
  return { runId, ...when, planTitle: plan.title, recipients: reports };
}

/**
 * A bound conversation as a person knows it: by the name Teams gave it, where
 * the stored reference has one; never by its id, which means nothing to anyone.
 */
export function conversationLabel(
  c: { kind: string | null; reference: Record<string, unknown> },
  nth: string | null,
): string {
  const conversation = c.reference.conversation as { name?: unknown } | undefined;
  const name = typeof conversation?.name === 'string' && conversation.name.trim() ? conversation.name.trim() : null;
  const kind = c.kind === 'channel' ? 'channel' : c.kind === 'groupChat' ? 'group chat' : 'personal chat';
  if (name) return `the ${kind} "${name}"`;
  return `a ${kind} bound to the plan${nth ? ` (${nth})` : ''}`;
}
