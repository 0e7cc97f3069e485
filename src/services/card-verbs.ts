import { z } from 'zod';
import { formatUkDate, isValidIsoDate } from '../domain/calendar';
import { doneOnWords } from '../domain/completed-on';
import { decisionConfirmation } from '../domain/date-decisions';
import { MAX_EVIDENCE_ITEM_LENGTH, missingEvidence } from '../domain/evidence-items';
import { TEXT_LIMITS, TextKind } from '../domain/text-limits';
import { Action, IsoDate } from '../domain/types';
import { Storage } from '../store/open-storage';
import { decideDate } from '../use-cases/decide-date';
import { newDate } from '../use-cases/new-date';
import { addNote } from '../use-cases/add-note';
import { ChangeBy, ChangeOutcome, refusal } from '../use-cases/outcome';
import { signOff } from '../use-cases/sign-off';
import { recordMeasureValue } from '../use-cases/record-measure-value';
import { markComplete, updateStatus } from '../use-cases/update-status';
import { FoundAction } from './chat/plan-scope';

const text = (field: string, max = 1000) =>
  z
    .string({ message: `${field} is missing.` })
    .trim()
    .min(1, `${field} is missing.`)
    .max(max, `${field} is too long (at most ${max} characters).`);
const isoDate = (field: string) => text(field, 10).refine(isValidIsoDate, `${field} is not a real date.`);
const optionalText = (kind: TextKind) => z.string().trim().max(TEXT_LIMITS[kind]).optional();

const PlanData = z.object({ planId: text('The plan', 64) });
const ReminderData = PlanData.extend({ owner: text('The owner', 320).optional(), ref: text('Which action') });
const DecisionData = PlanData.extend({ requestRef: text('Which request'), decisionComment: optionalText('comment') });
const UpdateData = ReminderData.extend({
  // "Keep the current status" (the default) sends 'unchanged'; a client may send it empty or leave it out.
  status: z
    .enum(['unchanged', '', 'On track', 'At risk', 'Delayed', 'Not started'], { message: 'Choose a status.' })
    .optional(),
  updateDate: z.string().trim().max(10).optional(),
  updateReason: optionalText('reason'),
  note: optionalText('note'),
}).superRefine((data, ctx) => {
  // One problem at a time, as a person fixes them.
  const problem = data.status === 'Delayed' ? delayProblem(data) : dateProblem(data);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

type UpdateFields = { status?: string; updateDate?: string; updateReason?: string; note?: string };
const keeps = (status: string | undefined) => !status || status === 'unchanged';

function delayProblem(data: UpdateFields): string | null {
  if (!data.updateDate || !isValidIsoDate(data.updateDate)) return 'A delay needs the new date.';
  return data.updateReason ? null : 'A delay needs a reason.';
}

/**
 * A new date with the status kept and a reason is a request for it, as on the "Request new date" form. Any other
 * date without "Delayed" is refused, not dropped: the card is redrawn empty, so the refusal repeats what was typed.
 */
function dateProblem(data: UpdateFields): string | null {
  if (!data.updateDate) return null;
  if (!isValidIsoDate(data.updateDate)) return 'The new date is not a real date.';
  if (keeps(data.status) && data.updateReason) return null;
  const typed = [
    `new date ${formatUkDate(data.updateDate)}`,
    ...(data.updateReason ? [`reason “${data.updateReason}”`] : []),
    ...(data.note ? [`note “${data.note}”`] : []),
  ].join(', ');
  const fix = keeps(data.status)
    ? 'A new date needs a reason: give it again with the reason the date is moving.'
    : 'A new date goes with the status “Delayed”, or with “Keep the current status” to ask for it without changing the status: choose one and give it again with the reason.';
  return `${fix} You typed: ${typed}.`;
}

/** A change a button asks for, once its data is known to be well formed. */
export interface CardChange {
  ref: string;
  run(storage: Storage, found: FoundAction, by: ChangeBy): Promise<ChangeOutcome>;
  /** What the card's banner says once it is done. */
  confirm(after: Action, before: Action): string;
}

/** What a button's data turned out to be: a problem to show, a card to redraw only, or a change. */
export type Pressed = { ok: false; problems: string } | { ok: true; change: CardChange | null };

export interface CardVerb {
  /** Which card the button is on, and is redrawn. */
  card: 'reminder' | 'decisions';
  read(body: unknown): Pressed;
}

/** One table row: the verb's schema and what its parsed data does, typed together so nothing is cast. */
function verb<S extends z.ZodTypeAny>(
  card: CardVerb['card'],
  schema: S,
  change: ((data: z.infer<S>) => CardChange) | null,
): CardVerb {
  return {
    card,
    read(body) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message).join(' ') };
      return { ok: true, change: change ? change(parsed.data) : null };
    },
  };
}

/** The measure a "Latest value" form names ("plan/ref#2"), or null from a card sent before there could be several. */
function measureChosen(valueFor: string | undefined): number | null {
  const match = valueFor ? /#(\d{1,2})$/.exec(valueFor) : null;
  return match ? Number(match[1]) : null;
}

const nothingToSave = async (_found: FoundAction): Promise<ChangeOutcome> =>
  refusal('unchanged', { code: 'nothingToSave' });

/** Once complete; `doneOn`, the day it was done as the form gave it (the use case refused it if it could not be). */
const completedWithEvidence = (after: Action, doneOn: IsoDate | null) => {
  const missing = missingEvidence(after);
  const day = doneOn ? ` (${doneOnWords(doneOn)})` : '';
  return missing.length
    ? `${after.ref} is complete${day}, with your evidence. Sign-off still needs evidence for: ${missing.join(', ')}.`
    : `${after.ref} is complete${day}, with your evidence. A chair or an executive can now sign it off.`;
};

const dateAskedOrStatus = (after: Action) =>
  after.dateRequest
    ? `Your new date for ${after.ref} has gone to the chairs and executives for approval; until then the current date stands.`
    : `${after.ref} is updated: ${after.status.toLowerCase()}.`;

/** Every button on a reminder or decisions card: verb → schema → use case. */
export const CARD_VERBS: Readonly<Record<string, CardVerb>> = {
  refreshReminder: verb('reminder', PlanData.extend({ owner: text('The owner', 320) }), null),
  complete: verb(
    'reminder',
    ReminderData.extend({
      evidence: text('Evidence', TEXT_LIMITS.evidence),
      // The required item chosen, by name; "None of these" sends it empty or leaves it out.
      evidenceItem: z.string().trim().max(MAX_EVIDENCE_ITEM_LENGTH).optional(),
      // The day it was done, when not today; left empty, it is today.
      completedOn: z
        .string()
        .trim()
        .max(10)
        .refine((d) => d === '' || isValidIsoDate(d), 'The day it was done is not a real date.')
        .optional(),
    }),
    (data) => ({
      ref: data.ref,
      run: (storage, found, by) =>
        markComplete(storage, found, by, {
          evidence: data.evidence,
          item: data.evidenceItem || null,
          completedOn: data.completedOn || null,
        }),
      confirm: (after) => completedWithEvidence(after, data.completedOn || null),
    }),
  ),
  update: verb('reminder', UpdateData, (data) => ({
    ref: data.ref,
    run: (storage, found, by) => {
      const note = data.note || null;
      if (data.status === 'Delayed') {
        return newDate(storage, found, by, {
          newDate: data.updateDate ?? '',
          reason: data.updateReason ?? '',
          markDelayed: true,
          note,
        });
      }
      // The status kept with a new date and its reason: asked for (or moved, by a decider), as "Request new date" does.
      if (keeps(data.status) && data.updateDate && data.updateReason)
        return newDate(storage, found, by, {
          newDate: data.updateDate,
          reason: data.updateReason,
          markDelayed: false,
          note,
        });
      const comment = [data.updateReason, note].filter(Boolean).join(' · ') || null;
      // No status chosen: a note or reason alone is recorded as a note, and the status stays as it is.
      if (!data.status || data.status === 'unchanged')
        return comment ? addNote(storage, found, by, { text: comment }) : nothingToSave(found);
      return updateStatus(storage, found, by, { status: data.status, comment, evidence: null });
    },
    confirm: dateAskedOrStatus,
  })),
  requestDate: verb(
    'reminder',
    ReminderData.extend({
      requestDate: isoDate('The new date'),
      requestReason: text('The reason', TEXT_LIMITS.reason),
    }),
    (data) => ({
      ref: data.ref,
      run: (storage, found, by) =>
        newDate(storage, found, by, {
          newDate: data.requestDate,
          reason: data.requestReason,
          markDelayed: false,
          note: null,
        }),
      confirm: dateAskedOrStatus,
    }),
  ),
  // The value due is for the last period that has ended, as the card says.
  recordValue: verb(
    'reminder',
    ReminderData.extend({
      measureValue: text('The value', TEXT_LIMITS.value),
      measureNote: optionalText('note'),
      // Which measure ("plan/ref#2"); cards sent before an action could have several measures leave it out.
      valueFor: z
        .string()
        .trim()
        .max(400)
        .regex(/#\d{1,2}$/, 'Choose the measure.')
        .optional(),
    }),
    (data) => ({
      ref: data.ref,
      run: async (storage, found, by) => {
        const measure = measureChosen(data.valueFor);
        const frequency = found.current.value.measures[(measure ?? 1) - 1]?.definition?.frequency;
        const outcome = await recordMeasureValue(storage, found, by, {
          value: data.measureValue,
          period: frequency === 'quarterly' ? 'last quarter' : 'last month',
          note: data.measureNote || null,
          measure,
        });
        if (outcome.kind !== 'badValue') return outcome;
        return refusal('invalid', {
          code: 'badMeasureValue',
          ref: found.current.value.ref,
          refusal: outcome.code,
          typed: outcome.typed,
          definition: outcome.definition,
        });
      },
      confirm: (after) => {
        const n = measureChosen(data.valueFor) ?? 1;
        const which = after.measures.length > 1 ? `’s measure ${n} (${after.measures[n - 1]?.indicator ?? ''})` : '';
        return `Recorded for ${after.ref}${which}: its latest value is now ${after.measures[n - 1]?.latest ?? 'recorded'}.`;
      },
    }),
  ),
  refreshDecisions: verb('decisions', PlanData, null),
  approveDate: verb('decisions', DecisionData, (data) => ({
    ref: data.requestRef,
    run: (storage, found, by) =>
      decideDate(storage, found, by, { what: 'date', decision: 'approve', comment: data.decisionComment ?? null }),
    confirm: (after, before) => decisionConfirmation('approve', after, before),
  })),
  declineDate: verb('decisions', DecisionData, (data) => ({
    ref: data.requestRef,
    run: (storage, found, by) =>
      decideDate(storage, found, by, { what: 'date', decision: 'decline', comment: data.decisionComment ?? null }),
    confirm: (after, before) => decisionConfirmation('decline', after, before),
  })),
  signOff: verb('decisions', PlanData.extend({ signOffRef: text('Which action') }), (data) => ({
    ref: data.signOffRef,
    run: (storage, found, by) => signOff(storage, found, by, { comment: null }),
    confirm: (after) => `${after.ref} is signed off.`,
  })),
  // A chair signs off without evidence still missing: the reason is required and goes into the history.
  signOffWithout: verb(
    'decisions',
    PlanData.extend({ signOffRef: text('Which action'), overrideReason: text('The reason', TEXT_LIMITS.reason) }),
    (data) => ({
      ref: data.signOffRef,
      run: (storage, found, by) => signOff(storage, found, by, { comment: null, override: data.overrideReason }),
      confirm: (after) => `${after.ref} is signed off without all its evidence. Your reason is in its history.`,
    }),
  ),
};
