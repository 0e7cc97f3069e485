import { performance } from 'node:perf_hooks';
import { recogniseQuestion } from '../src/domain/questions/intents';
import { percentile, round } from './stats';

const LENGTH = 4_000;
const fill = (head: string, unit: string) => (head + unit.repeat(Math.ceil(LENGTH / unit.length))).slice(0, LENGTH);

/** Hostile 4,000-character messages: repeated words, long runs of one character, digits, refs, brackets, dates. */
const HOSTILE: Record<string, string> = {
  'repeated words': fill('SG-4 ', 'changes '),
  'one character': 'a'.repeat(LENGTH),
  digits: '9'.repeat(LENGTH),
  'spaced digits after "due before"': fill("what's due before ", '9 '),
  'refs after "who owns"': fill('who owns ', 'SG-4 '),
  brackets: fill('who owns ', '(('),
  'question words': fill('', 'what has slipped how are we doing who owns '),
  'dates after "w/c"': fill("what's due w/c ", '31/02 '),
  'month names after "due before"': fill("what's due before ", 'the 32 jan next '),
  'mention markup': fill('', '<at>Action Tracker</at> '),
};

/**
 * `npm run bench:questions`: how long the question recogniser takes over each hostile message
 * (median and slowest of `BENCH_ITERATIONS` readings, default 50). Goal: well under 20 ms. `--json` prints
 * `{"questions_worst_ms": …}`.
 */
function main(): void {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 50);
  const typical: Record<string, { p50: number; max: number }> = {};
  for (const [name, text] of Object.entries(HOSTILE)) {
    recogniseQuestion(text, '2026-11-30'); // warm up
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      recogniseQuestion(text, '2026-11-30');
      times.push(performance.now() - start);
    }
    typical[name] = { p50: round(percentile(times, 50), 3), max: round(Math.max(...times), 2) };
  }
  // The slowest message, by its median reading: a single reading's maximum is mostly the garbage collector.
  const overall = Math.max(...Object.values(typical).map((t) => t.p50));
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ questions_worst_ms: overall }) + '\n');
    return;
  }
  const lines = [
    `Question recogniser, ${LENGTH.toLocaleString('en-GB')}-character messages, ${iterations} readings each (ms)`,
    `  ${'message'.padEnd(34)} ${'p50'.padStart(7)} ${'max'.padStart(7)}`,
    ...Object.entries(typical).map(
      ([name, t]) => `  ${name.padEnd(34)} ${String(t.p50).padStart(7)} ${String(t.max).padStart(7)}`,
    ),
    `  ${'questions_worst_ms (slowest p50)'.padEnd(34)} ${String(overall).padStart(7)}          goal ≤ 20`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main();
