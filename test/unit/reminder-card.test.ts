import { decisionsCard, decisionsView } from '../../src/cards/decisions-view';
import { fitted } from '../../src/cards/fit';
import { reminderCard, reminderChoice } from '../../src/cards/reminder-view';
import { digestView } from '../../src/cards/digest-view';
import { renderCard } from '../../src/cards/render';
import { overdueView } from '../../src/cards/view-models';
import { computeDigest } from '../../src/domain/digest';
import { CARD_BUDGET_BYTES, utf16Bytes } from '../../src/domain/card-budget';
import { Action } from '../../src/domain/types';
import { anAction } from '../support/builders';
import { cardProblems, cardText } from '../support/card-validation';

const TODAY = '2026-11-21';
const OWNER = { email: 'alexw@example.com', teamsUserId: 'user-id-0' };
/** Worst cases: 1,000-character titles, in ASCII, in accented letters, and in emoji (two UTF-16 units each). */
const TITLES = {
  ascii: (i: number) =>
    `Action ${i}: ${'make sure the service does what the inspection asked '.repeat(20)}`.slice(0, 1000),
  accented: (i: number) =>
    `Maßnahme ${i}: ${'Überprüfung der Qualität für Kinder und Jugendliche '.repeat(20)}`.slice(0, 1000),
  emoji: (i: number) => `${i} ${'😀'.repeat(500)}`,
};
const manyActions = (n: number, title: (i: number) => string, overrides: Partial<Action> = {}) =>
  Array.from({ length: n }, (_, i) =>
    anAction({ ref: `SG-I-${i + 1}`, title: title(i + 1), originalDueDate: '2026-10-01', ...overrides }),
  );
const longReason = 'Ä'.repeat(1000);
const decidable = (title: (i: number) => string) =>
  manyActions(60, title, {
    status: 'Complete',
    owner: { email: 'someone@council.gov.uk', displayName: 'Ö'.repeat(500), aadObjectId: null },
    dateRequest: { date: '2027-01-31', reason: longReason, by: 'someone@council.gov.uk', at: '2026-11-20T10:00:00Z' },
    evidence: [{ url: `https://council.sharepoint.com/${'x'.repeat(900)}`, note: 'x', addedBy: 'a', addedAt: 'b' }],
  });

describe('every card stays within Teams’ size limit (36 KB counted as UTF-16)', () => {
  test.each(Object.entries(TITLES))(
    'a reminder for an owner with 60 actions with 1,000-character %s titles',
    (_, title) => {
      const { card, view } = reminderCard(OWNER, [
        { planId: 'p', planTitle: 'Plan', today: TODAY, actions: manyActions(60, title) },
      ]);
      expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(cardProblems(card)).toEqual([]);
      const shown = view.sections.flatMap((s) => s.actions).length;
      expect(shown).toBeGreaterThan(0);
      expect(view.more).toBe(`and ${60 - shown} more: type 'my actions'`);
      expect(cardText(card)).toContain(view.more);
      expect(view.sections[0].actions[0].title.endsWith('…')).toBe(true);
    },
  );

  test.each(Object.entries(TITLES))(
    'a decisions card with 60 requests and sign-offs, 1,000-character reasons and %s titles',
    (_, title) => {
      const { card, view } = decisionsCard({
        planId: 'p',
        planTitle: 'Plan',
        actions: decidable(title),
        userIds: ['user-id-0'],
        today: TODAY,
      });
      expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(cardProblems(card)).toEqual([]);
      const shown = view.requests.length + view.signOffs.length;
      expect(view.more).toBe(`and ${120 - shown} more: type 'decisions'`);
      expect(view.requests[0].detail).toMatch(/…$/);
    },
  );

  test('what the same cards measured before clipping and fitting: well over the limit', () => {
    const whole = decisionsView(
      { planId: 'p', planTitle: 'Plan', actions: decidable(TITLES.accented), userIds: [], today: TODAY },
      1000,
    );
    expect(whole.requests).toHaveLength(25);
    const unclipped = utf16Bytes({
      ...whole,
      requests: whole.requests.map((r) => ({ ...r, detail: r.detail + longReason })),
    });
    expect(unclipped).toBeGreaterThan(CARD_BUDGET_BYTES);
  });

  test('an overdue list of 40 with 1,000-character emoji titles is cut to fit and says how to see the rest', () => {
    const late = manyActions(40, TITLES.emoji);
    const { card, view } = fitted('overdue', late.length, (k) =>
      overdueView('Overdue: Plan', null, late.slice(0, k), 55, TODAY),
    );
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const shown = view.groups.flatMap((g) => g.actions).length;
    expect(view.more).toBe(`and ${55 - shown} more: type 'what's overdue for <agency or person>'`);
  });
});

test.each(Object.entries(TITLES))(
  'a digest with 60 in every list, %s titles and 1,000-character reasons and names',
  (_, title) => {
    const actions = manyActions(60, title, {
      originalDueDate: '2026-11-20',
      owner: { email: 'o@example.com', displayName: 'Ö'.repeat(1000), aadObjectId: null },
      revisedDueDate: '2026-11-20',
      revisionReason: longReason,
      revisionCount: 3,
    });
    const unreachable = Array.from({ length: 60 }, (_, i) => ({
      name: `${'Ü'.repeat(1000)} ${i}`,
      email: `${'x'.repeat(200)}${i}@example.com`,
      reason: 'not-met' as const,
    }));
    const digest = computeDigest({
      planTitle: 'Plan',
      actions,
      history: [],
      previous: null,
      unreachable,
      today: TODAY,
      weekStart: '2026-11-14',
    });
    const card = renderCard('digest', digestView(digest, 'P'.repeat(1000), TODAY));
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(cardText(card)).toMatch(/…and 50 more\./);
  },
);

describe('one reminder card across all of a person’s plans', () => {
  const plans = [
    {
      planId: 'ofsted-2011',
      planTitle: 'Ofsted inspection',
      today: TODAY,
      actions: [anAction({ ref: 'SG-4', originalDueDate: '2026-11-01' })],
    },
    {
      planId: 'audit-2026',
      planTitle: 'Audit recommendations',
      today: TODAY,
      actions: [
        anAction({ ref: 'R1', originalDueDate: '2026-11-25' }),
        anAction({ ref: 'R2', originalDueDate: '2026-10-01' }),
      ],
    },
  ];

  test('has one section per plan, and one picker whose choices name the plan', () => {
    const { card, view } = reminderCard(OWNER, plans);
    expect(view.sections.map((s) => [s.planId, s.heading, s.actions.map((a) => a.ref)])).toEqual([
      ['audit-2026', 'Audit recommendations (2 actions)', ['R1', 'R2']],
      ['ofsted-2011', 'Ofsted inspection (1 action)', ['SG-4']],
    ]);
    expect(view.title).toBe('Your actions this week: 2 overdue, 1 due in the next 14 days');
    expect(view.subtitle).toBe('2 plans · as of 21 Nov 2026');
    expect(view.choices.map((c) => c.value)).toEqual(['audit-2026/R1', 'audit-2026/R2', 'ofsted-2011/SG-4']);
    expect(cardProblems(card)).toEqual([]);
    expect(card.refresh).toEqual({
      action: expect.objectContaining({ verb: 'refreshReminder' }),
      userIds: ['user-id-0'],
    });
    expect(cardText(card)).toMatch(
      /Audit recommendations \(2 actions\)[\s\S]*R1[\s\S]*Ofsted inspection \(1 action\)[\s\S]*SG-4/,
    );
  });

  test('one plan: no plan headings, the plan title as subtitle', () => {
    const { view } = reminderCard(OWNER, plans.slice(0, 1));
    expect(view.sections[0].heading).toBe('');
    expect(view.subtitle).toBe('Ofsted inspection · as of 21 Nov 2026');
    expect(view.firstChoice).toBe(reminderChoice('ofsted-2011', 'SG-4'));
  });

  test('over 50 actions, the most urgent across every plan are kept', () => {
    const big = {
      planId: 'big',
      planTitle: 'A big plan',
      today: TODAY,
      actions: manyActions(60, (i) => `Action ${i}`, { originalDueDate: '2026-11-20' }),
    };
    const { view } = reminderCard(OWNER, [big, plans[0]]);
    expect(view.sections.find((s) => s.planId === 'ofsted-2011')?.actions.map((a) => a.ref)).toEqual(['SG-4']);
    const shown = view.sections.flatMap((s) => s.actions).length;
    expect(shown).toBeLessThanOrEqual(50);
    expect(view.more).toBe(`and ${61 - shown} more: type 'my actions'`);
  });

  test('with nothing due, there are no buttons', () => {
    const { card } = reminderCard(OWNER, [{ ...plans[0], actions: [] }]);
    expect(cardText(card)).toMatch(/Nothing needs you this week/);
    expect(JSON.stringify(card)).not.toContain('"verb":"complete"');
  });
});
