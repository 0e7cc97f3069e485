import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';

/**
 * The checks the command grammar's tables make, for texts typed on `today`: a row's text reads as exactly its
 * command, as a command with at least its fields, or as a command of its kind.
 */
export function grammarChecks(today: string) {
  return {
    readsAs: (text: string, expected: unknown) => {
      expect(parseCommand(text, today)).toEqual(expected);
    },
    readsLike: (text: string, expected: object) => {
      expect(parseCommand(text, today)).toMatchObject(expected);
    },
    readsAsKind: (text: string, kind: Command['kind']) => {
      expect(parseCommand(text, today).kind).toBe(kind);
    },
  };
}
