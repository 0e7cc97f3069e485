import { parseCommand } from '../../../src/domain/command-grammar';
import { recogniseQuestion } from '../../../src/domain/questions/intents';

const TODAY = '2026-11-30';

/**
 * Ten ways to ask, written down before the question grammar was read (so they are how a person asks, not how the
 * grammar happens to read), then the close variants a tester asked for.
 */
const WRITTEN_FIRST = [
  'which measures are off target?',
  'what measures are off target',
  'off-target measures',
  'which measures are behind',
  'which measures are behind target?',
  'what measures are below target',
  'show me the measures that are off target',
  'list off target measures',
  'measures off target',
  'any measures off target?',
];

describe('"which measures are off target?"', () => {
  test.each([
    ...WRITTEN_FIRST,
    'Which measures are off target?',
    'What measures are off-target?',
    'which KPIs are off track',
    'which indicators are not meeting their targets?',
    'what measures are not on target',
    'which of our measures are still behind?',
    'failing measures',
    'measures missing their targets',
  ])('%j asks for the measures off target', (text) => {
    // No command reads it, so the chat service asks the question grammar, which reads it as this question.
    expect(parseCommand(text, TODAY)).toMatchObject({ kind: 'unknown', problem: null });
    expect(recogniseQuestion(text, TODAY)).toEqual({ kind: 'offTargetMeasures' });
  });

  test.each([
    // About one action: not the plan's question (and not a change either).
    ['SG-1 is off target', null],
    ['is SG-1 measure off target?', null],
    ['which measures of SG-1 are off target?', null],
    // Actions, not measures: the question about slipping, or nothing.
    ['which actions are behind', null],
    ['what has slipped this month?', { kind: 'slipped', period: 'month' }],
    ['off target', null],
  ])('%j is not that question', (text, question) => {
    expect(recogniseQuestion(text, TODAY)).toEqual(question);
  });

  test.each([
    ['measures', { kind: 'measures' }],
    ['performance book', { kind: 'measures' }],
    // A reason that mentions measures is still the reason.
    ['SG-4 delayed because measures are behind target', { kind: 'delay', reason: 'measures are behind target' }],
  ])('%j is read as it always was', (text, command) => {
    expect(parseCommand(text, TODAY)).toMatchObject(command);
  });
});
