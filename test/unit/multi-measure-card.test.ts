import { renderCard } from '../../src/cards/render';
import { detailView } from '../../src/cards/view-models';
import { CARD_BUDGET_BYTES, utf16Bytes } from '../../src/domain/card-budget';
import { actionMeasureRows } from '../../src/domain/measure-view';
import { MAX_MEASURES, Measure, RecordedValue } from '../../src/domain/types';
import { detailReply } from '../../src/services/chat/read-replies';
import { aMeasure, anAction, aPlan } from '../support/builders';
import { cardProblems } from '../support/card-validation';

const TODAY = '2026-11-30';
const PLAN = aPlan({ id: 'p', title: 'Plan' });
const quantified = (indicator: string): Measure =>
  aMeasure({ indicator, target: '20', definition: { baseline: null, target: { value: 20, by: null } } });
const months = (measure: number, n: number): RecordedValue[] =>
  Array.from({ length: n }, (_, i) => ({
    measure,
    period: `2025-${String(i + 1).padStart(2, '0')}`,
    value: 10 + i,
    by: 'a',
    via: 'chat',
    at: '',
    note: null,
  }));

function detailCard(measures: Measure[], values: RecordedValue[]) {
  const action = anAction({ planId: 'p', measures });
  const reply = detailReply(
    {
      kind: 'action',
      action,
      nameOf: (email) => email,
      plan: null,
      found: {
        view: { plan: PLAN, today: TODAY, actor: { email: 'a', name: null, roles: new Set() } },
        current: { value: action, etag: '', revision: 1 },
      },
      measures: actionMeasureRows(action, values, TODAY),
    },
    null,
  );
  if (reply.kind !== 'card') throw new Error('expected a card');
  return renderCard(reply.card, reply.data);
}

const charts = (card: object) => JSON.stringify(card).match(/"type":"Chart\.Line"/g)?.length ?? 0;

test('the detail card has a section and a line chart with its text fallback for each quantified measure', () => {
  const card = detailCard(
    [
      quantified('Referrals seen'),
      quantified('Referrals audited'),
      { indicator: 'In words', target: null, latest: null },
    ],
    [...months(1, 3), ...months(2, 2)],
  );
  const text = JSON.stringify(card);
  expect(charts(card)).toBe(2);
  expect(text).toContain('Measure 1: Referrals seen');
  expect(text).toContain('Measure 2: Referrals audited');
  expect(text).toContain('Jan 2025: 10 · Feb 2025: 11 · Mar 2025: 12');
  // A measure in words only is among the facts, by its number.
  expect(text).toContain('"title":"Measure 3","value":"In words"');
});

test('ten measures with long indicators and a year of values each stay within Teams’ size limit', () => {
  const measures = Array.from({ length: MAX_MEASURES }, (_, i) => quantified(`${i + 1} ${'x'.repeat(1999)}`));
  const card = detailCard(
    measures,
    measures.flatMap((_, i) => months(i + 1, 12)),
  );
  expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  const shown = charts(card);
  expect(shown).toBeGreaterThan(0);
  if (shown < MAX_MEASURES) expect(JSON.stringify(card)).toContain(`and ${MAX_MEASURES - shown} more: type 'measures'`);
});

test('a detail card drawn without measures (a notification’s) has no measure sections and no unbound fields', () => {
  const card = renderCard('action-detail', detailView(anAction({ measures: [quantified('Referrals seen')] }), TODAY));
  expect(cardProblems(card)).toEqual([]);
  expect(charts(card)).toBe(0);
  expect(JSON.stringify(card)).not.toContain('${');
});
