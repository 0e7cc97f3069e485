import { ChangeProblem } from '../domain/action-changes';
import { formatUkDate } from '../domain/calendar';
import { doneOnWords } from '../domain/completed-on';
import { Decision, Denial } from '../domain/permissions';
import { numericDate } from '../domain/uk-date-result';
import { NumberedMeasure } from '../domain/which-measure';
import { badValueWords } from './measure-words';
import { alreadyRecordedWords, whichMeasureWords } from './which-measure-words';

/**
 * The words for why something was refused, for chat and card buttons: the one place they are made. The
 * rules (src/domain/permissions.ts, action-changes.ts) give only codes.
 */

const ONLY_OVERSEERS: Record<Decision, string> = {
  cancel: 'Only a chair, an executive or an administrator can cancel an action.',
  decideDate: 'Only a chair, an executive or an administrator can approve or decline a new date.',
  signOff: 'Only a chair, an executive or an administrator can sign off an action.',
};

const SOMEONE_ELSE_MUST: Record<Decision, string> = {
  cancel: 'cancel it',
  decideDate: 'decide its new date',
  signOff: 'sign it off',
};

export function denialWords(denial: Denial): string {
  switch (denial.code) {
    case 'notOwner':
      return `Only the action’s owner (${denial.owner ?? 'nobody yet'}) or an administrator can change ${denial.ref}.`;
    case 'notOverseer':
      // Roles are per plan: someone who chairs another plan is told which plan this one is.
      return denial.plan
        ? `${ONLY_OVERSEERS[denial.decision]} You are none of those in ${denial.plan}.`
        : ONLY_OVERSEERS[denial.decision];
    case 'ownAction':
      return `You own ${denial.ref}, so another chair, executive or administrator must ${SOMEONE_ELSE_MUST[denial.decision]}.`;
    case 'othersReminders':
      return 'That card lists someone else’s actions. Type "my actions" to see yours.';
    case 'notDecider':
      return 'Only a chair, an executive or an administrator can decide new dates and sign-offs. Type "my actions" to see yours.';
    case 'notAdmin':
      return 'Only an administrator can choose the plan for a conversation.';
    case 'notAdminOfCurrent':
      return 'Only an administrator of the plan it uses now can move it to another plan.';
    case 'notChairForOverride':
      return 'Only a chair can sign off an action without the evidence it needs.';
    case 'notReportMaker':
      return 'Only a chair, an executive or an administrator can make the committee report.';
    case 'notMeasureGiver':
      return `Only the owner of ${denial.ref}, a chair, an executive or an administrator can give its measure’s values.`;
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

export function problemWords(problem: ChangeProblem): string {
  switch (problem.code) {
    case 'denied':
      return denialWords(problem.denial);
    case 'text':
      return problem.problem.code === 'empty'
        ? `The ${problem.kind} is empty.`
        : `The ${problem.kind} is ${count(problem.problem.length)} characters long; the most is ${count(problem.problem.max)}.`;
    case 'signedOffIsFinal':
      return `${problem.ref} is already signed off, so its status can’t change. An administrator can reopen it.`;
    case 'useSignOff':
      return `Use "sign off ${problem.ref}" to sign an action off.`;
    case 'delayNeedsDate':
      return `To delay ${problem.ref}, give a new date and a reason, for example: ${problem.ref} delayed to ${numericDate(problem.example)} because of supplier problems.`;
    case 'alreadyStatus':
      return `${problem.ref} is already ${problem.status.toLowerCase()}.`;
    case 'reasonNeeded':
      return problem.for === 'cancel'
        ? `To cancel ${problem.ref}, give the reason, and it goes into the history and the committee report: cancel ${problem.ref} because …`
        : `To sign off ${problem.ref} without the evidence, give the reason, and it goes into the history: sign off ${problem.ref} anyway because …`;
    case 'dateCannotMove':
      return problem.status === 'Complete'
        ? `${problem.ref} is marked complete, so its date can’t move. If work has started again, set it back first (for example "${problem.ref} on track"), then give the new date.`
        : `${problem.ref} is ${problem.status.toLowerCase()}, so its date can’t move.`;
    case 'datePassed':
      return problem.shown
        ? `${problem.shown}, which has passed.`
        : `The new date must be today or later; ${formatUkDate(problem.date)} has passed.`;
    case 'alreadyDue':
      return `${problem.ref} is already due on ${formatUkDate(problem.date)}.`;
    case 'tooFar':
      return 'The new date is more than five years away; please check it.';
    case 'duplicateEvidence':
      return `${problem.ref} already has that evidence${problem.item ? ` for ${problem.item}` : ''}.`;
    case 'evidenceNotRequired':
      return `${problem.ref} does not require "${problem.item}" as evidence.`;
    case 'evidenceMissing':
      return `Sign-off needs evidence for: ${problem.missing.join(', ')}. A chair can still sign it off, giving the reason: sign off ${problem.ref} anyway because …`;
    case 'alreadySignedOff':
      return `${problem.ref} is already signed off.`;
    case 'notComplete':
      return `${problem.ref} is ${problem.status.toLowerCase()}, not complete. Its owner marks it complete first.`;
    case 'noEvidence':
      return `${problem.ref} has no evidence yet. Sign-off needs at least one piece: evidence ${problem.ref} https://…`;
    case 'noDateRequest':
      return `${problem.ref} has no new date waiting for a decision.`;
    case 'bothWaiting':
      return `${problem.ref} has a new date and a sign-off waiting. Say which: "approve the new date for ${problem.ref}" or "sign off ${problem.ref}".`;
    case 'nothingChanges':
      return `That doesn’t change anything on ${problem.ref}.`;
    case 'nothingToSave':
      return 'There was nothing to save: choose a new status or write a note.';
    case 'badMeasureValue':
      return badValueWords(problem.ref, problem.refusal, problem.typed, problem.definition).replace(
        /^Nothing was changed\. /,
        '',
      );
    case 'noMeasure':
      return `${problem.ref} no longer has a measure.`;
    case 'whichMeasure':
      return whichMeasureWords(problem);
    case 'valueAlreadyRecorded':
      return `${alreadyRecordedWords(problem)}.`;
    case 'noSuchMeasure':
      return `${problem.ref} has ${countWords(problem.measures.length)}, so there is no measure ${problem.asked}:\n\n${numbered(problem.measures)}`;
    case 'gone':
      return `${problem.ref} no longer exists.`;
    case 'doneOnAhead':
      return `${formatUkDate(problem.date)} is still to come, so ${problem.ref} is left as it is. When it is done, tell me: ${problem.ref} done.`;
    case 'doneOnBeforeBaseline':
      return `${formatUkDate(problem.date)} is before the plan began (${formatUkDate(problem.baseline)}), so ${problem.ref} is left as it is. Please check the day it was done.`;
    case 'doneOnNotComplete':
      return `${problem.ref} is not complete, so it has no day done to correct. When it is done: ${problem.ref} done.`;
    case 'doneOnDecided':
      return `${problem.ref} is signed off, so the day it was done was decided with the sign-off and can’t be corrected.`;
    case 'doneOnAlready':
      return `${problem.ref} is already recorded as ${doneOnWords(problem.date)}.`;
  }
}

/** "1. Referrals audited" on a line each, as a council numbers its measures. */
const numbered = (measures: readonly NumberedMeasure[]) => measures.map((m) => `${m.number}. ${m.indicator}`).join('\n');
const countWords = (n: number) => (n === 1 ? 'one measure' : `${n} measures`);
