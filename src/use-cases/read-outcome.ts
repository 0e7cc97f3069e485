import { PlanView } from './plan-view';

/**
 * Why a read has nothing to show, as a code; each door says it in its own words. `noPlans`: there is no
 * plan at all (or none where the person asked). `nothingReadable`: there are plans, but the person has no
 * role and no action in any of them, so not even their titles may be shown.
 */
export type NothingToRead = { kind: 'noPlans' } | { kind: 'nothingReadable' };

export const NO_PLANS: NothingToRead = { kind: 'noPlans' };
export const NOTHING_READABLE: NothingToRead = { kind: 'nothingReadable' };

/** A read's answer for one plan the person may read. */
export type PerPlan<T> = T & { view: PlanView };
