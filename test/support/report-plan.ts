import { diffActions, historyEntry } from '../../src/domain/history';
import { newPlan } from '../../src/domain/plan';
import { Action, Role } from '../../src/domain/types';
import { Storage } from '../../src/store/open-storage';
import { anAction } from './builders';
import { writeImported } from './storage';

/** The day the seeded report is made on; its period is November 2026. */
export const REPORT_NOW = new Date('2026-11-30T12:00:00Z');
export const REPORT_PERIOD = { from: '2026-11-01', to: '2026-11-30' };

export const PEOPLE = {
  chair: 'chair@example.com',
  owner: 'alexw@example.com',
  stranger: 'stranger@example.com',
  otherChair: 'otherchair@example.com',
};

const megan = { email: 'meganb@example.com', displayName: 'Megan Bowen', aadObjectId: null };

/**
 * A plan of six actions, created on 1 Jun 2026, that changed in November: one signed off with
 * evidence, one completed with none (its title uses PEP, which the glossary does not explain), one
 * overdue that asks for a new date, one moved and delayed, one gone at risk, one untouched.
 */
export async function seedReportPlan(storage: Storage, planId: string, roles: Partial<Record<Role, string>> = {}) {
  await storage.plans.save(
    newPlan({
      id: planId,
      title: 'Improvement plan 2026',
      baselineDate: '2026-06-01',
      sourceDocument: 'the 2026 inspection report',
    }),
  );
  await storage.glossary.save(planId, [
    { term: 'CAMHS', meaning: 'Child and adolescent mental health services' },
    { term: 'IRO', meaning: 'Independent reviewing officer' },
  ]);
  for (const [role, email] of Object.entries(roles)) await storage.roles.grant(planId, email, role as Role);
  const base = (ref: string, fields: Partial<Action>): Action =>
    anAction({ planId, ref, status: 'On track', measures: [], ...fields });
  const start: Action[] = [
    base('A-1', { title: 'Audit CAMHS referrals', originalDueDate: '2026-12-31' }),
    base('A-2', { title: 'Recruit IRO staff', originalDueDate: '2026-10-15', owner: megan }),
    base('A-3', {
      title: 'Roll out IT equipment to social workers',
      theme: 'Looked after children',
      originalDueDate: '2026-10-31',
    }),
    base('A-4', { title: 'Train every team manager', theme: 'Looked after children', originalDueDate: '2027-02-01' }),
    base('A-5', {
      title: 'Publish the PEP guidance',
      theme: 'Looked after children',
      originalDueDate: '2026-12-15',
      owner: megan,
    }),
    base('A-6', { title: 'Review the thresholds document', status: 'Not started', originalDueDate: '2027-05-01' }),
  ];
  await writeImported(storage, planId, start, { by: 'import', at: '2026-06-01T09:00:00.000Z' });
  const change = async (
    ref: string,
    at: string,
    by: string,
    fields: Partial<Action>,
    comment: string | null = null,
  ) => {
    const current = await storage.actions.get(planId, ref);
    if (!current) throw new Error(`no ${ref}`);
    const action = { ...current.value, ...fields };
    await storage.actions.write(planId, [
      {
        action,
        current,
        history: historyEntry(action, diffActions(current.value, action), { by, via: 'chat', at, comment }),
      },
    ]);
  };
  const evidence = [
    {
      // As chat stores a link sent for a required item: the note is the link itself.
      url: 'https://example.org/audit',
      note: 'https://example.org/audit',
      item: 'Audit report',
      addedBy: PEOPLE.owner,
      addedAt: '2026-11-10T10:00:00.000Z',
    },
  ];
  await change('A-1', '2026-11-10T10:00:00.000Z', PEOPLE.owner, { status: 'Complete', evidence });
  await change('A-1', '2026-11-12T10:00:00.000Z', PEOPLE.chair, { status: 'Signed off' });
  await change('A-3', '2026-11-05T15:00:00.000Z', PEOPLE.chair, {
    status: 'Delayed',
    revisedDueDate: '2026-12-31',
    revisionReason: 'supplier problems',
    revisionCount: 1,
  });
  await change('A-4', '2026-11-15T09:00:00.000Z', PEOPLE.owner, {
    status: 'At risk',
    latestUpdate: { text: 'Trainer off sick', by: PEOPLE.owner, at: '2026-11-15T09:00:00.000Z' },
  });
  await change('A-5', '2026-11-20T09:00:00.000Z', megan.email, { status: 'Complete' });
  // As chat records an owner's request for a new date: the request, and the update saying so.
  const asked = {
    date: '2027-01-31',
    reason: 'two posts still vacant',
    by: megan.email,
    at: '2026-11-25T11:00:00.000Z',
  };
  await change('A-2', asked.at, megan.email, {
    dateRequest: asked,
    latestUpdate: { text: 'Asked for a new date, 31 Jan 2027: two posts still vacant', by: megan.email, at: asked.at },
  });
}

/** A plan where nothing is overdue, delayed or at risk. */
export async function seedCalmPlan(storage: Storage, planId: string) {
  await storage.plans.save(newPlan({ id: planId, title: 'Calm plan', baselineDate: '2026-06-01' }));
  const action = anAction({ planId, ref: 'C-1', status: 'On track', originalDueDate: '2027-06-30' });
  await writeImported(storage, planId, [action], { by: 'import', at: '2026-06-01T09:00:00.000Z' });
}
