import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RagColour } from '../../src/domain/questions/question';

/** The answer a line of test/fixtures/everyday-questions.txt should get. */
export type Answer =
  { kind: 'myActions' } | { kind: 'overdue' } | { kind: 'due' } | { kind: 'rag'; colours: RagColour[] };

export interface EverydayQuestion {
  text: string;
  /** The asker's first name, as the fixture writes it. */
  as: string;
  answer: Answer;
}

const COLOURS: readonly RagColour[] = ['red', 'amber', 'green'];

function answerOf(word: string): Answer | null {
  if (word === 'myActions' || word === 'overdue' || word === 'due') return { kind: word };
  const colours = word.split('+');
  return colours.every((c) => (COLOURS as readonly string[]).includes(c))
    ? { kind: 'rag', colours: colours as RagColour[] }
    : null;
}

/** Every question of the fixture, in order; a line it cannot read fails loudly rather than being skipped. */
export function everydayQuestions(): EverydayQuestion[] {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'everyday-questions.txt'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const said = / => as=(\w+) (\S+)$/.exec(line);
      const answer = said ? answerOf(said[2]) : null;
      if (!said || !answer) throw new Error(`Not a question line: ${line}`);
      return { text: line.slice(0, said.index), as: said[1], answer };
    });
}
