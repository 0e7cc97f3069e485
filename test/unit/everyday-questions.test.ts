import { answersQuestion, parseCommand } from '../../src/domain/command-grammar';
import { recogniseQuestion } from '../../src/domain/questions/intents';
import { everydayQuestions } from '../support/everyday-questions';

const TODAY = '2026-11-30';
const questions = everydayQuestions();

/** What the chat service makes of a message: the grammar's command, or else the question it recognises. */
function reading(text: string): unknown {
  const command = parseCommand(text, TODAY);
  if (command.kind !== 'unknown') return command;
  const question = recogniseQuestion(text, TODAY);
  return question ? { question } : command;
}

test('the fixture is read in full', () => {
  expect(questions.length).toBe(53);
});

describe('each everyday question reads as the question it asks', () => {
  test.each(questions.map((q) => [q.text, q] as const))('%j', (text, { answer }) => {
    if (answer.kind === 'due') expect(reading(text)).toMatchObject({ question: { kind: 'dueIn', mine: false } });
    else if (answer.kind === 'rag')
      expect(reading(text)).toEqual({ question: { kind: 'rag', colours: answer.colours, mine: /\bmy\b/.test(text) } });
    else
      expect(reading(text)).toMatchObject({ kind: answer.kind, ...(answer.kind === 'myActions' && { which: 'all' }) });
  });
});

describe('a question asked while the bot waits for a reason or a date is answered, not taken as the reason', () => {
  test.each(questions.filter((q) => q.answer.kind !== 'due').map((q) => [q.text]))('%j', (text) => {
    expect(answersQuestion(parseCommand(text, TODAY), text, TODAY)).toBe(false);
  });
  // A period alone does not plainly ask: when the bot has asked for a new date, "next week" is the date.
  test.each(questions.filter((q) => q.answer.kind === 'due').map((q) => [q.text]))('%j is the answer', (text) => {
    expect(answersQuestion(parseCommand(text, TODAY), text, TODAY)).toBe(true);
  });
});

describe('near misses: reasons and changes in the same words stay what they are', () => {
  test.each<[string, string]>([
    // A reason for a delay, given without asking anything: still unknown, so it can be the answer to "why?".
    ['running late', 'unknown'],
    ['running behind', 'unknown'],
    ['behind schedule', 'unknown'],
    ['the supplier is running late', 'unknown'],
    ['we are behind with recruitment', 'unknown'],
    ['it went red because of staffing', 'unknown'],
    ['red tape at the council', 'unknown'],
    ["what's left to do", 'unknown'],
    // Naming an action makes it about that action.
    ['SG-4 red', 'askRed'],
    ['1.2a amber', 'setStatus'],
    ['is R3 red?', 'show'],
    ['what do I do?', 'help'],
  ])('%j reads as %s', (text, kind) => {
    const read = parseCommand(text, TODAY);
    expect(read.kind === 'unknown' && recogniseQuestion(text, TODAY) ? 'question' : read.kind).toBe(kind);
  });

  test.each(['running late', 'behind schedule', 'it went red because of staffing'])(
    '%j, while a reason is asked for, is the reason',
    (text) => {
      expect(answersQuestion(parseCommand(text, TODAY), text, TODAY)).toBe(true);
    },
  );

  test.each<[string, boolean]>([
    ['which of my actions are red?', true],
    ['am I red on anything?', true],
    ['show me the reds', false],
    ['tell me what is amber', false],
    ['how many reds have we got?', false],
  ])('%j asks about the asker’s own actions: %s', (text, mine) => {
    expect(recogniseQuestion(text, TODAY)).toMatchObject({ kind: 'rag', mine });
  });
});
