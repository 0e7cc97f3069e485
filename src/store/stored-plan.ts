import { z } from 'zod';
import { Plan } from '../domain/types';
import { UnknownStoredValueError } from './errors';

/** A plan's details as `publish` wrote them into the import row, checked: an unknown shape is reported, never guessed. */
const PLAN_JSON = z.object({
  id: z.string(),
  title: z.string(),
  sourceDocument: z.string().nullable(),
  baselineDate: z.string(),
  timeZone: z.string(),
  remindSchedule: z.string().nullable(),
  digestSchedule: z.string().nullable(),
  separationOfDuties: z.object({ enforced: z.boolean(), setBy: z.string().nullable(), setAt: z.string().nullable() }),
});

export function storedPlan(text: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnknownStoredValueError('imports', 'plan', text);
  }
  const parsed = PLAN_JSON.safeParse(value);
  if (!parsed.success) throw new UnknownStoredValueError('imports', 'plan', text);
  return parsed.data;
}
