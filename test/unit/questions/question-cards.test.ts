import {
  awaitingView,
  changedView,
  dueView,
  MAX_ANSWER_ROWS,
  slippedView,
  summaryCardView,
} from '../../../src/cards/question-views';
import { renderCard } from '../../../src/cards/render';
import { awaitingSignOff } from '../../../src/domain/questions/awaiting';
import { changedSince } from '../../../src/domain/questions/changed';
import { slippedSince } from '../../../src/domain/questions/slipped';
import { summarise } from '../../../src/domain/questions/summary';
import { diffActions } from '../../../src/domain/history';
import { Action, HistoryEntry } from '../../../src/domain/types';
import { aHistoryEntry, anAction } from '../../support/builders';
import { cardBytes, cardProblems, cardText } from '../../support/card-validation';

const TODAY = '2026-11-30';
const TZ = 'Europe/London';
const N = 300;
// Every field at its longest: import allows 2,000-character titles; reasons and notes are free text.
const LONG = 'Ensure that the multi-agency safeguarding arrangements are reviewed ünd agreed 👍 '
  .repeat(25)
  .slice(0, 2000);
const PLAN = 'A plan whose title goes on and on '.repeat(10);
const evidence = Array.from({ length: 50 }, (_, i) => ({
  url: `https://example.com/${i}`,
  note: LONG,
  addedBy: 'x@example.com',
  addedAt: '2026-11-01T00:00:00Z',
}));
const actions: Action[] = Array.from({ length: N }, (_, i) =>
  anAction({
    ref: `SG-${i + 1}`,
    title: LONG,
    status: i % 3 === 0 ? 'Complete' : 'Delayed',
    originalDueDate: '2026-11-25',
    revisedDueDate: '2026-11-27',
    revisionCount: 4,
    evidence,
    owner: {
      email: `someone.with.a.long.name.${i}@partner-agency.example.com`,
      displayName: LONG.slice(0, 300),
      aadObjectId: null,
    },
  }),
);
const history: HistoryEntry[] = actions.map((a) =>
  aHistoryEntry(a, {
    at: '2026-11-26T10:00:00Z',
    by: `someone.with.a.long.name@partner-agency.example.com`,
    changes: [
      { field: 'revisedDueDate', from: '2026-11-25', to: '2026-11-27' },
      { field: 'revisionReason', from: LONG, to: LONG },
      { field: 'status', from: 'On track', to: a.status },
      { field: 'evidence', from: LONG, to: LONG },
    ],
  }),
);

describe.each([
  [
    'slipped',
    () =>
      renderCard(
        'action-list',
        slippedView(PLAN, slippedSince(actions, history, '2026-11-23', TODAY, TZ), '2026-11-23', TODAY),
      ),
  ],
  [
    'awaiting sign-off',
    () => renderCard('action-list', awaitingView(PLAN, awaitingSignOff(actions, history, TODAY, TZ), TODAY)),
  ],
  ['due', () => renderCard('action-list', dueView(PLAN, 'before 14 Jan 2027', actions, TODAY))],
  [
    'changed',
    () =>
      renderCard(
        'action-list',
        changedView(PLAN, changedSince(actions, history, '2026-11-23', TZ), '2026-11-23', TODAY, TZ),
      ),
  ],
  ['summary', () => renderCard('summary', summaryCardView(PLAN, summarise(actions, history, TODAY, TZ), TODAY))],
])('the %s answer for a plan where everything matches and every text is at its longest', (_, render) => {
  const card = render();
  test('stays well under Teams’ message limit and is a valid Adaptive Card', () => {
    expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
    expect(cardBytes(card)).toBeLessThan(40 * 1024);
    expect(cardProblems(card)).toEqual([]);
  });
  test('says how many more there are when it cannot show them all', () => {
    const text = cardText(card);
    if (_ !== 'summary')
      expect(text).toContain(`…and ${(_ === 'awaiting sign-off' ? N / 3 : N) - MAX_ANSWER_ROWS} more.`);
    else expect(text.match(/\*\*SG-\d+\*\*/g)).toHaveLength(5);
  });
});

describe('the words of the answers', () => {
  const complete = anAction({ ref: 'SG-1', status: 'Complete', originalDueDate: '2026-12-31' });
  const late = anAction({ ref: 'SG-2', status: 'On track', originalDueDate: '2026-11-01' });

  test('an action completed today is "completed today", not "complete for 0 days"', () => {
    const items = [0, 1, 5].map((daysWaiting) => ({
      action: complete,
      completedAt: '2026-11-30T09:00:00Z',
      completedOn: '2026-11-30',
      daysWaiting,
      evidence: 1,
    }));
    const lines = awaitingView('Plan', items, TODAY).actions.map((a) => a.line.split(' · ')[0]);
    expect(lines).toEqual(['Completed today', 'Complete for 1 day', 'Complete for 5 days']);
  });

  test('the summary counts every rating, complete too, so they add up to the total; and says nothing about a comparison in the plan’s first week', () => {
    // Imported today: the plan had no actions a week ago, so there is nothing to compare with.
    const imported = [complete, late].map((a) =>
      aHistoryEntry(a, { at: '2026-11-30T08:00:00Z', via: 'import', changes: diffActions(null, a) }),
    );
    const view = summaryCardView('Plan', summarise([complete, late], imported, TODAY, TZ), TODAY);
    expect(view.byRag).toEqual([
      { title: 'Red', value: '1' },
      { title: 'Complete', value: '1' },
    ]);
    expect(view.byStatus.map((f) => f.title)).toEqual(['On track', 'Complete']);
    expect(view.comparison).toBeNull();
    const text = cardText(renderCard('summary', view));
    expect(text).not.toMatch(/comparison|no actions on/i);
    expect(text).toMatch(/^1 finished \(0 signed off\)/m);
  });
});
