import { HOSTILE_MESSAGES } from '../../bench/hostile-messages';
import { parseCommand } from '../../src/domain/command-grammar';

/**
 * The benchmark's hostile messages (bench/hostile-messages.ts; `grammar_worst_ms` times them) read as
 * something sensible: only those that start as a plain update of SG-4 change anything, and never
 * anything but SG-4. Timings live in the benchmark, not here.
 */
const CHANGES: Record<string, string> = {
  'new date phrases': 'delay',
  'evidence words': 'setStatus',
  urls: 'setStatus',
};

test.each(HOSTILE_MESSAGES.map((m) => [m.name, m.text] as const))('%s', (name, text) => {
  const command = parseCommand(text, '2026-11-30');
  if (CHANGES[name]) {
    expect(command).toMatchObject({ kind: CHANGES[name], ref: 'SG-4' });
  } else {
    expect(['unknown', 'smallTalk']).toContain(command.kind);
  }
});

test('a message over the length the grammar reads is refused with the reason', () => {
  expect(parseCommand(HOSTILE_MESSAGES.find((m) => m.name === 'refs, 4,000')?.text ?? '', '2026-11-30')).toMatchObject({
    kind: 'unknown',
    problem: expect.stringMatching(/too long/),
  });
});
