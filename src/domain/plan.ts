import { Plan } from './types';
import { UK_TIME_ZONE } from './time-zone';

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function validatePlanId(id: string): string | null {
  return PLAN_ID.test(id)
    ? null
    : `"${id.slice(0, 64)}" is not a usable plan id. Use lower-case letters, numbers and dashes, starting with a letter or number (for example ofsted-2011).`;
}

export function newPlan(fields: Partial<Plan> & Pick<Plan, 'id' | 'baselineDate'>): Plan {
  return {
    title: fields.id,
    sourceDocument: null,
    timeZone: UK_TIME_ZONE,
    remindSchedule: null,
    digestSchedule: null,
    separationOfDuties: { enforced: true, setBy: null, setAt: null },
    ...fields,
  };
}
