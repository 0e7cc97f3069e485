import fs from 'node:fs';
import path from 'node:path';
import { CARD_NAMES, CARDS_DIR } from '../../src/cards/render';
import { CARD_TEXT_INPUTS, withTextLimits } from '../../src/cards/text-inputs';
import { reminderCard } from '../../src/cards/reminder-view';
import { textProblem, TEXT_LIMITS, type TextKind } from '../../src/domain/text-limits';
import { anAction } from '../support/builders';

describe('textProblem', () => {
  test.each<[string, TextKind, string, ReturnType<typeof textProblem>]>([
    ['an ordinary note', 'note', 'Spoke to the supplier', null],
    ['empty', 'note', '', { code: 'empty' }],
    ['only spaces', 'reason', '   \n ', { code: 'empty' }],
    ['a reason at the limit', 'reason', 'r'.repeat(1000), null],
    ['a reason one over', 'reason', 'r'.repeat(1001), { code: 'tooLong', length: 1001, max: 1000 }],
    ['evidence one over', 'evidence', 'e'.repeat(1001), { code: 'tooLong', length: 1001, max: 1000 }],
    ['a comment one over', 'comment', 'c'.repeat(1001), { code: 'tooLong', length: 1001, max: 1000 }],
    ['a title of 1,001 (titles are longer)', 'title', 't'.repeat(1001), null],
    ['a title one over', 'title', 't'.repeat(2001), { code: 'tooLong', length: 2001, max: 2000 }],
  ])('%s', (_name, kind, text, expected) => {
    expect(textProblem(kind, text)).toEqual(expected);
  });
});

/** Every `Input.Text` in a JSON tree. */
function textInputs(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(textInputs);
  if (typeof node !== 'object' || node === null) return [];
  const self = (node as Record<string, unknown>).type === 'Input.Text' ? [node as Record<string, unknown>] : [];
  return [...self, ...Object.values(node).flatMap(textInputs)];
}

const INPUT_KINDS = new Map<string, TextKind>(Object.entries(CARD_TEXT_INPUTS));
const templates = CARD_NAMES.map(
  (name) => [name, JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'))] as const,
);

describe('card text boxes take their limits from the table', () => {
  test.each(templates)('%s: every text box is in the table and gets its limit', (_name, template) => {
    for (const input of textInputs(withTextLimits(template))) {
      const kind = INPUT_KINDS.get(String(input.id));
      expect(kind).toBeDefined();
      expect(input.maxLength).toBe(kind && TEXT_LIMITS[kind]);
    }
  });

  test('the templates state no maxLength of their own', () => {
    for (const [, template] of templates)
      for (const input of textInputs(template)) expect(input).not.toHaveProperty('maxLength');
  });

  test('every text box in the table is on some card', () => {
    const ids = new Set(templates.flatMap(([, t]) => textInputs(t).map((i) => i.id)));
    expect([...ids].sort()).toEqual(Object.keys(CARD_TEXT_INPUTS).sort());
  });

  test('a rendered reminder card carries the limits', () => {
    const plan = {
      planId: 'ofsted-2011',
      planTitle: 'Ofsted',
      today: '2026-11-21',
      actions: [anAction({ ref: 'SG-4' })],
    };
    const { card } = reminderCard({ email: 'sam@example.com', teamsUserId: null }, [plan]);
    const limits = Object.fromEntries(textInputs(card).map((i) => [i.id, i.maxLength]));
    expect(limits).toEqual({ evidence: 1000, updateReason: 1000, note: 1000, requestReason: 1000 });
  });

  test('a text box the table does not name is refused', () => {
    expect(() => withTextLimits({ body: [{ type: 'Input.Text', id: 'mystery' }] })).toThrow(/"mystery" has no entry/);
  });
});
