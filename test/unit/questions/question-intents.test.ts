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
  if (q.kind === 'whoOwns')
    return (
      q.ref.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') ===
      (m.meaning.ref ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
    );
  if (q.kind === 'dueBefore') return q.date === m.meaning.date;
  if ((q.kind === 'slipped' || q.kind === 'changed') && m.meaning.period) return q.period === m.meaning.period;
  if (q.kind === 'dueIn' && m.meaning.period)
    return m.meaning.period === 'next week' ? q.span.from > TODAY : q.span.label === m.meaning.period;
  return true;
}

describe('the corpus', () => {
  const questions = corpus.messages.filter((m) => m.meaning.intent in KIND_OF);
  const changes = corpus.messages.filter((m) => CHANGES.includes(m.meaning.intent));

  test('at least 80% of the questions are recognised, with the right ref, date or period', () => {
    const missed = questions.filter((m) => !agrees(recogniseQuestion(m.text, TODAY), m));
    const share = (questions.length - missed.length) / questions.length;
    console.log(
      `Questions recognised: ${questions.length - missed.length} of ${questions.length} (${(share * 100).toFixed(1)}%)` +
        (missed.length
          ? `\nMissed:\n${missed.map((m) => `  ${m.id} [${m.meaning.intent}] ${m.text} → ${JSON.stringify(recogniseQuestion(m.text, TODAY))}`).join('\n')}`
          : ''),
    );
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });

  test('no message asking for a change is taken for a question', () => {
    expect(changes.length).toBeGreaterThan(200);
    const taken = changes.filter((m) => recogniseQuestion(m.text, TODAY) !== null).map((m) => `${m.id} ${m.text}`);
    expect(taken).toEqual([]);
  });
});

/** Phrasings not in the corpus, and near misses that must not be read as these questions. */
describe('reading a question', () => {
  test.each<[string, Record<string, unknown> | null]>([
    ['What slipped last week?', { kind: 'slipped', period: 'week' }],
    ['any slippage in October?', { kind: 'slipped', period: 'month' }],
    ['<at>Action Tracker</at> which ones are awaiting sign off', { kind: 'awaitingSignOff' }],
    ['what needs signing off', { kind: 'awaitingSignOff' }],
    ['overview please', { kind: 'summary' }],
    ['How is the plan going?', { kind: 'summary' }],
    ['who owns SG-4?', { kind: 'whoOwns', ref: 'SG-4' }],
    ['who is responsible for Rec 4b please', { kind: 'whoOwns', ref: 'Rec 4b' }],
    ['who owns recommendation 4b?', { kind: 'whoOwns', ref: 'recommendation 4b' }],
    ['who owns it', null],
    ["what's due before 14/01/2027?", { kind: 'dueBefore', date: '2027-01-14', inclusive: false }],
    ['anything due by end of Feb', { kind: 'dueBefore', date: '2027-02-28', inclusive: true }],
    ['what is due before the board', { kind: 'dueBefore', date: null }],
    ["what's due next month", { kind: 'dueIn', span: { from: '2026-12-01', to: '2026-12-31', label: 'next month' } }],
    [
      'due this week?',
      { kind: 'dueIn', span: { from: '2026-11-30', to: '2026-12-06', label: 'this week' }, mine: false },
    ],
    ['what have I got due next week', { kind: 'dueIn', span: { from: '2026-12-07', to: '2026-12-13' }, mine: true }],
    ['anything of mine due before 20 Jan?', { kind: 'dueBefore', date: '2027-01-20', mine: true }],
    ['what changed this month', { kind: 'changed', period: 'month' }],
    ['which plans am I on?', { kind: 'myPlans' }],
    ['anything for me to approve?', { kind: 'decisions' }],
    // A period alone is "what's due" in it, as the README lists (TESTER-4.md, finding 11); with more words it is not.
    ['w/c 7 Dec', { kind: 'dueIn', span: { from: '2026-12-07', to: '2026-12-13' }, mine: false }],
    ['next week?', { kind: 'dueIn', span: { from: '2026-12-07', to: '2026-12-13', label: 'next week' } }],
    ['This month', { kind: 'dueIn', span: { from: '2026-11-01', to: '2026-11-30', label: 'this month' } }],
    ['w/c the board', null],
    ['w/c 7 Dec SG-4', null],
    ['SG-4 next week', null],
    ['done next week', null],
    ['the audit is next week', null],
    // Not these questions: they name an action, or ask nothing of the register.
    ['SG-4 slipping to end of March', null],
    ['3 is slipping', null],
    ['6a done?', null],
    ['sign off 6(b)', null],
    ['due soon', null],
    ['what is 6b?', null],
    ['thanks', null],
    ['', null],
  ])('%j', (text, expected) => {
    const q = recogniseQuestion(text, TODAY);
    if (expected === null) expect(q).toBeNull();
    else expect(q).toMatchObject(expected);
  });

  test('a 4,000-character message is read without trouble and is no question', () => {
    expect(recogniseQuestion('SG-4 '.repeat(800), TODAY)).toBeNull();
    expect(recogniseQuestion(`what's due before ${'9 '.repeat(2000)}`, TODAY)).toMatchObject({ kind: 'dueBefore' });
  });
});
