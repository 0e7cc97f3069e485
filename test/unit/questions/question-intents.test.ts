import fs from 'node:fs';
import path from 'node:path';
import { recogniseQuestion } from '../../../src/domain/questions/intents';
import { Question, QuestionKind } from '../../../src/domain/questions/question';

interface CorpusMessage {
  id: number;
  text: string;
  meaning: { intent: string; ref?: string; date?: string; period?: string };
}
const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/conversation-corpus.json'), 'utf8')) as {
  today: string;
  messages: CorpusMessage[];
};
const TODAY = corpus.today;

/** The corpus's labels for the questions this recogniser answers. */
const KIND_OF: Record<string, QuestionKind> = {
  slipped: 'slipped',
  'awaiting-sign-off': 'awaitingSignOff',
  summary: 'summary',
  'who-owns': 'whoOwns',
  'due-before': 'dueBefore',
  'due-in': 'dueIn',
  changed: 'changed',
  'my-plans': 'myPlans',
  decisions: 'decisions',
};
const CHANGES = ['set-status', 'delay', 'evidence', 'note', 'sign-off', 'approve-date', 'decline-date', 'bind-plan'];

/** Whether the recogniser's reading agrees with the label, details (ref, date, period) included. */
function agrees(q: Question | null, m: CorpusMessage): boolean {
  if (!q || q.kind !== KIND_OF[m.meaning.intent]) return false;
  if (q.kind === 'whoOwns') return q.ref.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') === (m.meaning.ref ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (q.kind === 'dueBefore') return q.date === m.meaning.date;
  if ((q.kind === 'slipped' || q.kind === 'changed') && m.meaning.period) return q.period === m.meaning.period;
  if (q.kind === 'dueIn' && m.meaning.period) return m.meaning.period === 'next week' ? q.span.from > TODAY : q.span.label === m.meaning.period;
  return true;
}

describe('the corpus', () => {
  const questions = corpus.messages.filter((m) => m.meaning.intent in KIND_OF);
  const changes = corpus.messages.filter((m) => CHANGES.includes(m.meaning.intent));

  test('at least 80% of the questions are recognised, with the right ref, date or period', () => {
    const missed = questions.filter((m) => !agrees(recogniseQuestion(m.text, TODAY), m));
    const share = (questions.length - missed.length) / questions.length;
    console.log(`Questions recognised: ${questions.length - missed.length} of ${questions.length} (${(share * 100).toFixed(1)}%)` +
      (missed.length ? `\nMissed:\n${missed.map((m) => `  ${m.id} [${m.meaning.intent}] ${m.text} → ${JSON.stringify(recogniseQuestion(m.text, TODAY))}`).join('\n')}` : ''));
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });

  test('no message asking for a change is taken for a question', () => {
    expect(changes.length).toBeGreaterThan(200);
    const taken = changes.filter((m) => recogniseQuestion(m.text, TODAY) !== null).map((m) => `${m.id} ${m.text}`);
    expect(taken).toEqual([]);
  });
});
