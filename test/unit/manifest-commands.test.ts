import { manifestCommands, readManifestTemplate } from '../../scripts/manifest-template';
import { parseCommand } from '../../src/domain/command-grammar';
import { HELP_COMMANDS } from '../../src/services/chat/help';
import { recogniseQuestion } from '../../src/domain/questions/intents';
import { reportRequest } from '../../src/domain/report/report-request';

const commands = manifestCommands(JSON.parse(readManifestTemplate()));

describe('the Teams command menu offers only what the bot understands', () => {
  test('the manifest has commands', () => expect(commands.length).toBeGreaterThan(3));

  const EXPECTED_KIND: Record<string, string> = {
    help: 'help',
    'my actions': 'myActions',
    'my overdue': 'myActions',
    'due soon': 'myActions',
    "what's overdue": 'overdue',
    'show SG-4': 'show',
    'history SG-4': 'history',
    'sign off SG-4': 'signOff',
    'approve SG-4': 'approve',
    'decline SG-4': 'decideDate',
  };

  test.each(commands.map((c) => [c.title]))('%j is understood as the command it names', (title) => {
    expect(EXPECTED_KIND[title]).toBeDefined();
    expect(parseCommand(title, '2026-11-21').kind).toBe(EXPECTED_KIND[title]);
  });

  test.each(HELP_COMMANDS.map((c) => [c.example.replace('https://…', 'https://example.com/report')]))(
    'help example %j is understood',
    (example) => {
      // Questions about the register, and asking for the report, are read by their own recognisers once the grammar has not understood them.
      const understood =
        parseCommand(example, '2026-11-21').kind !== 'unknown' ||
        recogniseQuestion(example, '2026-11-21') !== null ||
        reportRequest(example) !== null;
      expect(understood).toBe(true);
    },
  );
});
