import { parseCommand } from '../../src/domain/command-grammar';
import {
  changeOf,
  isUnasked,
  labelledChange,
  loadCorpus,
  QUESTION_INTENTS,
  resolver,
  understood,
} from '../support/corpus';

/**
 * The corpus of how people write (test/fixtures/conversation-corpus.json), read by the grammar as each
 * sender would send it on the corpus's "today", with every reference resolved against the corpus plan
 * by the same rule the chat service uses. Nothing may change what was not asked for; the understood rate
 * may not fall below what it has reached.
 */
const corpus = loadCorpus();
const find = resolver(corpus.plan.actions);
const results = corpus.messages.map((msg) => {
  const command = parseCommand(msg.text, corpus.today);
  const actual = changeOf(command, find);
  const wanted = labelledChange(msg.meaning, find);
  return { msg, command, unasked: isUnasked(actual, wanted), ok: understood(command, msg, find) };
});

/** The understood rate at the last improvement: a regression below it fails. */
const FLOOR = 96;

test('no message changes something the person did not ask for', () => {
  const unasked = results
    .filter((r) => r.unasked)
    .map((r) => ({ id: r.msg.id, text: r.msg.text, meaning: r.msg.meaning, command: r.command }));
  expect(unasked).toEqual([]);
});

test('the understood rate, per intent and overall, stays at or above its floor', () => {
  const counted = results.filter((r) => !QUESTION_INTENTS.has(r.msg.meaning.intent));
  const byIntent = new Map<string, { ok: number; all: number }>();
  for (const r of counted) {
    const entry = byIntent.get(r.msg.meaning.intent) ?? { ok: 0, all: 0 };
    entry.all++;
    if (r.ok) entry.ok++;
    byIntent.set(r.msg.meaning.intent, entry);
  }
  const ok = counted.filter((r) => r.ok).length;
  const rate = (100 * ok) / counted.length;
  const questions = results.filter((r) => QUESTION_INTENTS.has(r.msg.meaning.intent));
  const left = questions.filter((r) => r.command.kind === 'unknown').length;
  const lines = [...byIntent]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([intent, e]) => `  ${intent.padEnd(16)} ${e.ok}/${e.all}`);
  console.log(
    [
      `Corpus: ${ok} of ${counted.length} understood (${rate.toFixed(1)}%)`,
      ...lines,
      `Chairs' questions (${questions.length}), left for the questions module: ${left}`,
      ...(process.env.CORPUS_MISSES
        ? counted
            .filter((r) => !r.ok)
            .map((r) => `  miss ${r.msg.id} ${r.msg.meaning.intent}: ${r.msg.text} → ${JSON.stringify(r.command)}`)
        : []),
    ].join('\n'),
  );
  expect(rate).toBeGreaterThanOrEqual(FLOOR);
});
