import { compilePattern, type Pattern } from './command-pattern';
import type { Build } from './command-build';
import { CHANGING_RULES } from './command-rules-changing';
import { EVIDENCE_IN_MESSAGE_RULES } from './command-evidence-words';
import { READING_RULES } from './command-rules-reading';
import { NEAR_MISSES } from './command-near-misses';
import { SETS } from './command-vocabulary';

export interface Rule {
  patterns: string[];
  build: Build;
}

/** The commands, first match wins: specific phrasings before the catch-all "SG-4" → show. */
const RULES: Rule[] = [...READING_RULES, ...CHANGING_RULES];

export type CompiledRule = { patterns: Pattern[]; build: Build };
const compile = (rules: Rule[]): CompiledRule[] =>
  rules.map((r) => ({ patterns: r.patterns.map((p) => compilePattern(p, SETS)), build: r.build }));
export const COMPILED_RULES = compile(RULES);
export const COMPILED_NEAR_MISSES = compile(NEAR_MISSES);
/** Tried once no rule reads the message in any of its readings: evidence sent as a link with a reference. */
export const COMPILED_EVIDENCE_IN_MESSAGE = compile(EVIDENCE_IN_MESSAGE_RULES);
