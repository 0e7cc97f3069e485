import { Status, STATUSES } from './types';

const ALIASES: Record<string, Status> = {
  'not started': 'Not started',
  'not yet started': 'Not started',
  'on track': 'On track',
  'in progress': 'On track',
  'at risk': 'At risk',
  delayed: 'Delayed',
  late: 'Delayed',
  complete: 'Complete',
  completed: 'Complete',
  done: 'Complete',
  'complete awaiting sign off': 'Complete',
  'awaiting sign off': 'Complete',
  'signed off': 'Signed off',
  closed: 'Signed off',
  cancelled: 'Cancelled',
  canceled: 'Cancelled',
  withdrawn: 'Cancelled',
};

export const ACCEPTED_STATUS_WORDS = STATUSES.join(', ');

export type StatusResult = { ok: true; status: Status } | { ok: false; error: string };

/** The status of an action nobody has reported on: a blank status in a council's file. */
export const NOT_YET_STARTED: Status = 'Not started';

/** Reads a status as people write it in a spreadsheet; blank means not started. */
export function parseStatus(text: string): StatusResult {
  const key = text
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (key === '') return { ok: true, status: NOT_YET_STARTED };
  const status = ALIASES[key];
  if (status) return { ok: true, status };
  return {
    ok: false,
    error: `"${text.trim().slice(0, 40)}" is not a status we know. Use one of: ${ACCEPTED_STATUS_WORDS}.`,
  };
}

/** One of the statuses, as stored or sent: anything else is not a status. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** Complete or signed off: the work was done. A cancelled action is finished but was not done. */
export function isDone(status: Status): boolean {
  return status === 'Complete' || status === 'Signed off';
}

/** Complete, signed off and cancelled actions are finished: never overdue, never chased. */
export function isFinished(status: Status): boolean {
  return isDone(status) || status === 'Cancelled';
}
