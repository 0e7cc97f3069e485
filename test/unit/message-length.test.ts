import { TOO_LONG_REPLY } from '../../src/domain/command-build';
import { parseCommand } from '../../src/domain/command-grammar';
import { readableText } from '../../src/domain/command-text';

/** One limit on a message (2,000 characters once cleaned, with a 20,000-character guard on the raw text) and one reply. */
test.each<[string, string, string | null]>([
  ['a short command', 'SG-4 done', 'SG-4 done'],
  ['HTML is cleaned first', '<p>SG-4 <b>done</b></p>', 'SG-4 done'],
  ['2,000 characters exactly', `note SG-4 ${'x'.repeat(1_990)}`, `note SG-4 ${'x'.repeat(1_990)}`],
  ['2,001 characters', `note SG-4 ${'x'.repeat(1_991)}`, null],
  ['under 2,000 once the HTML is gone', `<p>${'<b>x</b>'.repeat(1_500)}</p>`, 'x'.repeat(1_500)],
  ['over the raw guard, however short it cleans', `${'<br>'.repeat(5_001)}SG-4 done`, null],
])('%s', (_name, raw, expected) => {
  expect(readableText(raw)).toBe(expected);
  const command = parseCommand(raw, '2026-11-30');
  if (expected === null) expect(command).toMatchObject({ kind: 'unknown', problem: TOO_LONG_REPLY });
  else expect(command).not.toMatchObject({ problem: TOO_LONG_REPLY });
});

test('the reply names the limit', () => {
  expect(TOO_LONG_REPLY).toBe(
    'That message is too long for me to read: send one short command (up to 2,000 characters), for example "help".',
  );
});
