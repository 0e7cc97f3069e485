import {
  cannotTakeSentence,
  fitting,
  periodToType,
  valueExample,
  whichMeasureWords,
  whichQuestion,
} from '../../cards/which-measure-words';
import { ChangeProblem } from '../../domain/action-changes';
import { confirmReply } from './confirm-replies';
import { Reply, text } from './types';

type WhichMeasure = Extract<ChangeProblem, { code: 'whichMeasure' }>;

/**
 * A value for an action with several measures that named none is not given to any of them: the person is asked
 * which, with a button for each measure that could take it. A button runs the value as if typed with its measure
 * named, and its period as it was worked out when asked ("for Nov 2026"), so pressing it tomorrow records the same
 * thing; it goes through the grammar, the permission checks and the use case as typing it would. When no measure
 * could take the value, the answer says why each could not.
 */
export function whichMeasureQuestion(planId: string, problem: WhichMeasure, note: string | null): Reply {
  const fits = fitting(problem.measures);
  const [first] = fits;
  if (!first) return text(`Nothing was changed. ${whichMeasureWords(problem)}`);
  const cannot = problem.measures.flatMap((m) => (m.ok ? [] : [cannotTakeSentence(m, problem.typed)]));
  const detail = [
    ...cannot,
    `Nothing is recorded until you choose. You can also type it, for example: ${valueExample(problem, first.number)}`,
  ].join(' ');
  return confirmReply(planId, whichQuestion(problem), detail, [
    ...fits.map((m) => ({
      title: `Measure ${m.number}: ${m.indicator}`,
      text: `${problem.ref} measure ${m.number} ${problem.typed} for ${periodToType(m.period)}${note ? ` - ${note}` : ''}`,
    })),
    { title: 'Cancel', text: null },
  ]);
}
