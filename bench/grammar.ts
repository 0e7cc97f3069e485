import { parseCommand } from '../src/domain/command-grammar';
import { HOSTILE_MESSAGES } from './hostile-messages';
import { percentile, round } from './stats';

export interface GrammarTimes {
  /** The slowest parse of any hostile message (the median of its repeats, so one GC pause is not counted). */
  worstMs: number;
  worstName: string;
}

/**
 * Times the grammar alone on the hostile messages, as a running server would parse them (after one pass to
 * load and compile the code): each parsed `repeats` times, its median kept.
 */
export function measureGrammar(repeats = 5): GrammarTimes {
  for (const { text } of HOSTILE_MESSAGES) parseCommand(text, '2026-11-30');
  let worst = { worstMs: 0, worstName: '' };
  for (const { name, text } of HOSTILE_MESSAGES) {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const start = process.hrtime.bigint();
      parseCommand(text, '2026-11-30');
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const median = percentile(times, 50);
    if (median > worst.worstMs) worst = { worstMs: median, worstName: name };
  }
  return { worstMs: round(worst.worstMs, 2), worstName: worst.worstName };
}

if (require.main === module) {
  for (const { name, text } of HOSTILE_MESSAGES) {
    const start = process.hrtime.bigint();
    parseCommand(text, '2026-11-30');
    process.stdout.write(`${name.padEnd(34)} ${round(Number(process.hrtime.bigint() - start) / 1e6, 2)} ms\n`);
  }
  const { worstMs, worstName } = measureGrammar();
  process.stdout.write(`grammar_worst_ms ${worstMs} (${worstName})\n`);
}
