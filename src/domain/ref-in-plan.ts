/**
 * How a ref is named when the person reading can see the same ref in another plan (councils run several plans
 * whose refs repeat: R3 in the SEND plan and R3 in the audit plan). Worded as "which plan?" lists its plans: the
 * plan's title, then what to type to name that action ("send-wsoa/R3"). Pure; the caller says whether the plan
 * needs naming, by the read rule (only plans the reader may read count).
 */

export interface PlanName {
  id: string;
  title: string;
}

/** "R3 in SEND Written Statement of Action (send-wsoa/R3)", or just "R3" when no plan needs naming. */
export function refInPlan(ref: string, plan: PlanName | null): string {
  return plan ? `${ref} in ${plan.title} (${typedRef(ref, plan)})` : ref;
}

/** The ref as it would be typed to mean this plan's action ("send-wsoa/R3"), for examples to send. */
export function typedRef(ref: string, plan: PlanName | null): string {
  return plan ? `${plan.id}/${ref}` : ref;
}

/** The plan as a card's "Plan" fact names it: "SEND Written Statement of Action (send-wsoa)". */
export function planFact(plan: PlanName): { title: string; value: string } {
  return { title: 'Plan', value: `${plan.title} (${plan.id})` };
}
