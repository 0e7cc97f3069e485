import { z } from 'zod';
import {
  cannotTakeSentence,
  fitting,
  periodToType,
  valueExample,
  whichMeasureWords,
  whichQuestion,
} from '../../cards/which-measure-words';
import { ChangeProblem } from '../../domain/action-changes';
import { cleanCommandText } from '../../domain/command-text';
import { measureNamedIn } from '../../domain/which-measure-answer';
import { PendingQuestion } from '../../store/conversation-store';
import { Storage } from '../../store/open-storage';
import { awaitAnswer, waitingData } from './pending-answer';
import { PENDING_WHICH_PLAN } from './which-plan-question';
import { confirmReply } from './confirm-replies';
import { Incoming, Reply, text } from './types';

type WhichMeasure = Extract<ChangeProblem, { code: 'whichMeasure' }>;

/** The measure each button gives the value to, and the command it runs, as if typed. */
interface MeasureChoice {
  measure: number;
  title: string;
  text: string;
}

function choicesFor(problem: WhichMeasure, note: string | null): MeasureChoice[] {
  return fitting(problem.measures).map((m) => ({
    measure: m.number,
    title: `Measure ${m.number}: ${m.indicator}`,
    text: `${problem.ref} measure ${m.number} ${problem.typed} for ${periodToType(m.period)}${note ? ` - ${note}` : ''}`,
  }));
}

/**
 * A value for an action with several measures that named none is not given to any of them: the person is asked
 * which, with a button for each measure that could take it. A button runs the value as if typed with its measure
 * named, and its period as it was worked out when asked ("for Nov 2026"), so pressing it tomorrow records the same
 * thing; it goes through the grammar, the permission checks and the use case as typing it would. When no measure
 * could take the value, the answer says why each could not.
 */
export function whichMeasureQuestion(planId: string, problem: WhichMeasure, note: string | null): Reply {
  const choices = choicesFor(problem, note);
  const [first] = choices;
  if (!first) return text(`Nothing was changed. ${whichMeasureWords(problem)}`);
  const cannot = problem.measures.flatMap((m) => (m.ok ? [] : [cannotTakeSentence(m, problem.typed)]));
  const detail = [
    ...cannot,
    `Nothing is recorded until you choose. You can also type the measure’s number (${first.measure}), or the whole value, for example: ${valueExample(problem, first.measure)}`,
  ].join(' ');
  return confirmReply(planId, whichQuestion(problem), detail, [
    ...choices.map(({ title, text }) => ({ title, text })),
    { title: 'Cancel', text: null },
  ]);
}

export const PENDING_WHICH_MEASURE = 'whichMeasure';

/** What a typed answer may choose from, kept with the question; read back through this schema. */
const WhichMeasureDraft = z.object({
  planId: z.string(),
  count: z.number().int().min(1),
  choices: z.array(z.object({ measure: z.number().int(), text: z.string() })).min(1),
});

/**
 * Asks which measure, as `whichMeasureQuestion`, and remembers the buttons' commands for this person in this
 * conversation, so a typed "2" or "the second one" can run the one it names (see `typedMeasureChoice`).
 */
export async function askWhichMeasure(
  storage: Storage,
  incoming: Incoming,
  planId: string,
  problem: WhichMeasure,
  note: string | null,
): Promise<Reply> {
  const choices = choicesFor(problem, note);
  if (choices.length > 0)
    await awaitAnswer(storage, incoming, PENDING_WHICH_MEASURE, {
      planId,
      count: problem.measures.length,
      choices: choices.map(({ measure, text }) => ({ measure, text })),
    });
  return whichMeasureQuestion(planId, problem, note);
}

/**
 * The button a typed answer to the waiting "which measure?" question presses: its plan and command, for the
 * same path a pressed button takes (confirm-press), or null when nothing is waiting or the words name no measure
 * that was offered (one that cannot take the value, or none at all); the message is then read as it always was.
 */
export function typedMeasureChoice(
  pending: PendingQuestion | null,
  typed: string,
): { planId: string; text: string } | null {
  const draft = waitingData(pending, PENDING_WHICH_MEASURE, WhichMeasureDraft);
  if (!draft) return null;
  const named = measureNamedIn(cleanCommandText(typed).trim(), draft.count);
  const choice = draft.choices.find((c) => c.measure === named);
  return choice ? { planId: draft.planId, text: choice.text } : null;
}

/** After "Cancel" (or any "No") is pressed, a typed "1" no longer answers the measure question it set aside. */
export async function forgetMeasureQuestion(storage: Storage, who: Pick<Incoming, 'conversation' | 'user' | 'now'>) {
  const pending = await storage.conversations.pending(who.conversation.id, who.user.id, who.now);
  // "Which plan?" (which-plan-question) is answered by the same buttons, so its Cancel forgets it too.
  if (pending?.kind === PENDING_WHICH_MEASURE || pending?.kind === PENDING_WHICH_PLAN)
    await storage.conversations.clearPending(who.conversation.id, who.user.id);
}
