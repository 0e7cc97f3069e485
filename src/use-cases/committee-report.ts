import { localDateOf, todayIn } from '../domain/calendar';
import { Actor, canMakeCommitteeReport } from '../domain/permissions';
import { committeeReport } from '../domain/report/committee-report';
import { reportPeriod } from '../domain/report/period';
import { CommitteeReport, ReportPeriod, ReportRefusal } from '../domain/report/types';
import { IsoDate, Plan } from '../domain/types';
import { withOwnerNames } from '../services/chat/owner-names';
import { mayReadPlan } from '../services/plan-access';
import { Storage } from '../store/open-storage';
import { ReportLog } from '../store/report-log';
import { measureRowsOf } from './list-measures';

export interface ReportRequest {
  planId: string;
  from?: IsoDate;
  to?: IsoDate;
  now: Date;
  /** Remember that the report was made, so the next one runs from today (false for a preview). */
  record: boolean;
}

export type ReportOutcome = { kind: 'done'; report: CommitteeReport } | ReportRefusal;

/** The person as they stand in one plan: their roles in it. */
export async function actorIn(storage: Storage, planId: string, email: string, name: string | null): Promise<Actor> {
  return { email: email.toLowerCase(), name, roles: await storage.roles.rolesOf(planId, email.toLowerCase()) };
}

/** Whether the person may make the plan's report now (the one check every door uses). */
export async function mayMakeReport(
  storage: Storage,
  actor: Actor,
  planId: string,
): Promise<{ ok: true; plan: Plan } | Extract<ReportOutcome, { kind: 'refused' }>> {
  const plan = await storage.plans.get(planId);
  if (!plan || !(await mayReadPlan(storage, plan.id, actor))) return { kind: 'refused', code: 'noPlan' };
  const permission = canMakeCommitteeReport(actor);
  if (!permission.allowed) return { kind: 'refused', code: 'notPermitted' };
  return { ok: true, plan };
}

/** The period a report made now would cover by default (see `reportPeriod`). */
export async function defaultPeriod(storage: Storage, plan: Plan, now: Date): Promise<ReportPeriod> {
  const earlier = await new ReportLog(storage.tables).list(plan.id);
  const today = todayIn(now, plan.timeZone);
  const period = reportPeriod({ today, baselineDate: plan.baselineDate, earlierReports: earlier.map((r) => r.madeOn) });
  // With no dates given the only possible problem is none: the default always ends today.
  return period.ok ? period.period : { from: today, to: today };
}

/** The committee's highlight report for a plan, for a chair, an executive or an administrator who may read it. */
export async function makeCommitteeReport(
  storage: Storage,
  actor: Actor,
  request: ReportRequest,
): Promise<ReportOutcome> {
  const allowed = await mayMakeReport(storage, actor, request.planId);
  if (!('ok' in allowed)) return allowed;
  const { plan } = allowed;
  const log = new ReportLog(storage.tables);
  const today = todayIn(request.now, plan.timeZone);
  const [snapshot, history, glossary, names, earlier] = await Promise.all([
    storage.actions.snapshot(plan.id),
    storage.actions.planHistory(plan.id),
    storage.glossary.list(plan.id),
    storage.people.nameDirectory(),
    log.list(plan.id),
  ]);
  const period = reportPeriod({
    from: request.from,
    to: request.to,
    today,
    baselineDate: plan.baselineDate,
    earlierReports: earlier.map((r) => r.madeOn),
  });
  if (!period.ok) return { kind: 'refused', code: 'badPeriod', problem: period.problem };
  const actions = snapshot.map((v) => v.value);
  const measures = await measureRowsOf(storage, plan.id, actions, period.period.to);
  const madeAt = request.now.toISOString();
  const report = committeeReport({
    plan,
    actions: await withOwnerNames(storage, actions),
    history,
    glossary,
    period: period.period,
    since: period.since,
    today,
    madeAt,
    names: Object.fromEntries(names),
    // No measure at all reads as "not recorded yet" in the report, not as an empty table.
    ...(measures.length > 0 ? { measures } : {}),
  });
  if (request.record)
    await log.record({
      planId: plan.id,
      madeAt,
      madeOn: localDateOf(madeAt, plan.timeZone) ?? today,
      ...period.period,
      by: actor.email,
    });
  return { kind: 'done', report };
}
