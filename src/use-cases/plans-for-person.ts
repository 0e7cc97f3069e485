import { canMakeCommitteeReport, canReadPlan, ownsAction } from '../domain/permissions';
import { Role, ROLES } from '../domain/types';
import { Storage } from '../store/open-storage';
import { TabPerson } from './readable-plan';

export interface PersonPlan {
  id: string;
  title: string;
  /** Granted roles, and 'owner' when they own an action in it. */
  roles: Role[];
  /** Whether they may make the plan's committee report (the same rule the report itself checks). */
  mayMakeReport: boolean;
}

/** The plans the person may read (the same rule as chat's "my plans"), by title. */
export async function plansForPerson(storage: Storage, person: TabPerson): Promise<PersonPlan[]> {
  const plans = await storage.plans.list();
  const found = await Promise.all(
    plans.map(async (plan): Promise<PersonPlan | null> => {
      const [granted, snapshot] = await Promise.all([
        storage.roles.rolesOf(plan.id, person.email),
        storage.actions.snapshot(plan.id),
      ]);
      const actor = { email: person.email, name: person.name, roles: granted };
      const actions = snapshot.map((v) => v.value);
      if (!canReadPlan(actor, actions)) return null;
      const roles = new Set(granted);
      if (actions.some((a) => ownsAction(actor, a))) roles.add('owner');
      return {
        id: plan.id,
        title: plan.title,
        roles: ROLES.filter((r) => roles.has(r)),
        mayMakeReport: canMakeCommitteeReport(actor).allowed,
      };
    }),
  );
  return found
    .filter((p): p is PersonPlan => p !== null)
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || a.id.localeCompare(b.id));
}
