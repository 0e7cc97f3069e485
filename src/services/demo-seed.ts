import fs from 'node:fs';
import path from 'node:path';
import { addDays, todayIn } from '../domain/calendar';
import { Action, Role } from '../domain/types';
import { Storage } from '../store/open-storage';
import { applyInOrder, DemoChange, morningOf, seedDemoMeasures } from './demo-measures';
import { importPlan } from './import-plan';

export const DEMO_PLAN_ID = 'ofsted-2011';
const SEED_BY = 'demo-seed';

/** The shared fixture when the repository sits beside it, else the copy kept in `demo/`. */
export function demoPlanFile(root: string): string {
  const shared = path.resolve(root, '../shared/fixtures/ofsted-2011-announced-plan.csv');
  return fs.existsSync(shared) ? shared : path.join(root, 'demo', 'ofsted-2011-announced-plan.csv');
}

/** The Playground's people (as in `.m365agentsplayground.yml`), who own the demo plan's actions. */
export const DEMO_PEOPLE: ReadonlyArray<{ email: string; name: string; aadObjectId: string; teamsUserId: string }> = [
  {
    email: 'alexw@example.com',
    name: 'Alex Wilber',
    aadObjectId: '00000000-0000-0000-0000-0000000000020',
    teamsUserId: 'user-id-0',
  },
  {
    email: 'meganb@example.com',
    name: 'Megan Bowen',
    aadObjectId: '00000000-0000-0000-0000-0000000000021',
    teamsUserId: 'user-id-1',
  },
  {
    email: 'adelev@example.com',
    name: 'Adele Vance',
    aadObjectId: '00000000-0000-0000-0000-0000000000022',
    teamsUserId: 'user-id-2',
  },
  {
    email: 'isaiah@example.com',
    name: 'Isaiah Langer',
    aadObjectId: '00000000-0000-0000-0000-0000000000023',
    teamsUserId: 'user-id-3',
  },
  {
    email: 'pattif@example.com',
    name: 'Patti Fernandez',
    aadObjectId: '00000000-0000-0000-0000-0000000000024',
    teamsUserId: 'user-id-4',
  },
  {
    email: 'lynner@example.com',
    name: 'Lynne Robbins',
    aadObjectId: '00000000-0000-0000-0000-0000000000025',
    teamsUserId: 'user-id-5',
  },
];

/** The part some of them play in the demo; everyone else is an owner only. */
export const DEMO_ROLES: ReadonlyArray<[email: string, role: Role, name: string]> = [
  ['alexw@example.com', 'chair', 'Alex Wilber'],
  ['meganb@example.com', 'admin', 'Megan Bowen'],
  ['adelev@example.com', 'executive', 'Adele Vance'],
];

export interface SeedResult {
  seeded: boolean;
  actions: number;
}

/** The demo's baseline, eight weeks before today: the plan's timescales count from then. */
const BASELINE_DAYS_AGO = 56;
/**
 * The plan was imported a week before its baseline, as a council loads its plan before delivery starts: a report
 * from the baseline then compares the plan as it began with how it stands, and the history begins with the import.
 */
const IMPORTED_DAYS_BEFORE_BASELINE = 7;

/**
 * When each of the demo's changes was made, in days before today: spread over the weeks since the baseline, so
 * the tab's RAG chart (drawn from the history) has weeks to show, as a plan in use for two months would.
 */
const DAYS_AGO = { slipped: 35, atRisk: 16, evidence: 12, evidenceRequired: 9, override: 4 } as const;

/** Mid-morning UK time `days` before `today`. */
function daysBefore(today: string, days: number): Date {
  return morningOf(addDays(today, -days));
}

/**
 * Seeds the demo once: the Ofsted plan with its baseline eight weeks before
 * today (imported a week before that), so some actions are overdue, some due
 * soon and some later; roles for the Playground's people; and a little history,
 * made over the weeks since, none of it dated on the day it is seeded. Tests seed
 * it under plan ids of their own (`planId`), so none meets another's changes.
 */
export async function seedDemo(
  storage: Storage,
  root: string,
  now: Date,
  planId: string = DEMO_PLAN_ID,
): Promise<SeedResult> {
  if (await storage.plans.get(planId)) return { seeded: false, actions: (await storage.actions.list(planId)).length };
  const today = todayIn(now);
  const baseline = addDays(today, -BASELINE_DAYS_AGO);
  const importedOn = addDays(baseline, -IMPORTED_DAYS_BEFORE_BASELINE);
  const importedAt = morningOf(importedOn);
  const file = demoPlanFile(root);
  const report = await importPlan(storage, {
    planId,
    file: { name: path.basename(file), bytes: fs.readFileSync(file) },
    title: 'Ofsted safeguarding and looked after children',
    sourceDocument: 'Ofsted announced inspection of safeguarding and looked after children services, 2011',
    baseline,
    by: SEED_BY,
    now: importedAt,
    today: importedOn,
  });
  if (!report.ok) throw new Error(`The demo plan did not import: ${report.errors.join(' ')}`);
  for (const [email, role, name] of DEMO_ROLES) await storage.roles.grant(planId, email, role, name);
  for (const person of DEMO_PEOPLE) await storage.people.link({ ...person, updatedAt: now.toISOString() });
  const figures = await seedDemoMeasures(storage, planId, SEED_BY, today, importedAt);
  await applyInOrder(storage, planId, [...figures, ...(await touchUp(storage, planId, today))]);
  return { seeded: true, actions: report.created.length };
}

/** The demo action that names the evidence the board expects before sign-off. */
export const DEMO_EVIDENCE_REF = 'LAC-7';
export const DEMO_EVIDENCE_REQUIRED = ['Case file audit report', 'Training attendance records'];

/**
 * A completed action someone other than Alex Wilber owns, with one of its two items of evidence given: the
 * Playground's user (the demo's chair) can try a refused sign-off and then a chair's override on it, which
 * separation of duties forbids on LAC-7, his own.
 */
export const DEMO_OVERRIDE_REF = 'LAC-6';
export const DEMO_OVERRIDE_REQUIRED = ['Support group attendance register', 'Foster carer survey results'];

/**
 * A little history to look at, made over the weeks since the baseline (DAYS_AGO): the delayed action has slipped
 * six weeks, an overdue one has a new date in ten days (so something is due soon), and the completed one has
 * evidence, waiting for sign-off; LAC-7 names the evidence the board expects; LAC-6 was completed last.
 */
async function touchUp(storage: Storage, planId: string, today: string): Promise<DemoChange[]> {
  const all = await storage.actions.list(planId);
  const changes: DemoChange[] = [];
  for (const { value } of all) {
    const when = whenChanged(value);
    const at = daysBefore(today, when).toISOString();
    let after: Action | null = null;
    if (value.status === 'Delayed' && value.originalDueDate) {
      after = {
        ...value,
        revisedDueDate: addDays(value.originalDueDate, 42),
        revisionReason: 'IT equipment roll-out slipped due to supplier problems',
        revisionCount: 1,
      };
    } else if (value.status === 'At risk') {
      after = {
        ...value,
        revisedDueDate: addDays(today, 10),
        revisionReason: 'Waiting for the audit team to finish the case file review',
        revisionCount: 1,
      };
    } else if (value.status === 'Complete') {
      after = {
        ...value,
        evidence: [
          {
            url: 'https://example.com/audit/pathway-plans',
            note: 'https://example.com/audit/pathway-plans',
            addedBy: value.owner?.email ?? SEED_BY,
            addedAt: at,
          },
        ],
      };
    }
    if (value.ref === DEMO_EVIDENCE_REF) {
      // The board's evidence matrix for one of Alex Wilber's actions, so "show LAC-7" and his reminder card show it.
      after = { ...(after ?? value), evidenceRequired: DEMO_EVIDENCE_REQUIRED, evidenceDue: addDays(today, 21) };
    }
    if (value.ref === DEMO_OVERRIDE_REF) after = overrideDemo(value, at, today);
    // Told by the action's owner, so the history and the report name a person, not the seeding. Its measures are
    // left as they are then, since the demo's figures are given on days of their own.
    const told = after;
    if (told)
      changes.push({
        ref: value.ref,
        by: value.owner?.email ?? SEED_BY,
        at,
        change: (a) => ({ ...told, measures: a.measures }),
      });
  }
  return changes;
}

/** How many days ago the demo's change to an action was made (see DAYS_AGO). */
function whenChanged(value: Action): number {
  if (value.ref === DEMO_OVERRIDE_REF) return DAYS_AGO.override;
  if (value.ref === DEMO_EVIDENCE_REF) return DAYS_AGO.evidenceRequired;
  if (value.status === 'Delayed') return DAYS_AGO.slipped;
  if (value.status === 'At risk') return DAYS_AGO.atRisk;
  return DAYS_AGO.evidence;
}

/** LAC-6 complete, with the attendance register given and the survey still missing (see DEMO_OVERRIDE_REF). */
function overrideDemo(value: Action, at: string, today: string): Action {
  const link = 'https://example.com/foster-carers/support-group-register.xlsx';
  return {
    ...value,
    status: 'Complete',
    evidenceRequired: DEMO_OVERRIDE_REQUIRED,
    evidenceDue: addDays(today, 7),
    evidence: [
      { url: link, note: link, addedBy: value.owner?.email ?? SEED_BY, addedAt: at, item: DEMO_OVERRIDE_REQUIRED[0] },
    ],
  };
}
