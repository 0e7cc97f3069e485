import * as AC from 'adaptivecards';
import { DIGEST_LIST_CAP, digestView, signed } from '../../src/cards/digest-view';
import { AdaptiveCard, renderCard } from '../../src/cards/render';
import { computeDigest, Digest, DigestInput, DigestTotals } from '../../src/domain/digest';
import { signOffNote } from '../../src/domain/evidence-items';
import { acronymsIn } from '../../src/domain/plain-english';
import { Action, FieldChange, HistoryEntry } from '../../src/domain/types';
import { anAction } from '../support/builders';
import { cardBytes, cardProblems, cardText } from '../support/card-validation';
import { REACH_WORDS } from '../../src/cards/reach-words';

const TODAY = '2026-09-30';
const WEEK_START = '2026-09-23';
const PLAN = 'Ofsted inspection of safeguarding and looked after children services 2011';
const CHART_WARNING = 'Unknown element type "Chart.Donut". Fallback will be used if present.';

/** As long as the longest action in the real plan (313 characters). */
const LONG_TITLE =
  'Ensure that assessment reports are routinely shared with families and that they promptly receive copies of their child protection or child in need plan, and that the plan is explained to them in a way they understand, with the help of an interpreter or advocate where one is needed, and recorded';

function act(ref: string, overrides: Partial<Action> = {}): Action {
  return anAction({
    planId: 'p',
    ref,
    title: `Action ${ref}`,
    owner: { email: `${ref.toLowerCase()}@example.com`, displayName: `Owner ${ref}`, aadObjectId: null },
    originalDueDate: '2026-12-31',
    status: 'On track',
    ...overrides,
  });
}

function entry(
  ref: string,
  date: string,
  changes: Array<[string, string | null, string | null]>,
  comment: string | null = null,
): HistoryEntry {
  return {
    planId: 'p',
    ref,
    at: `${date}T12:00:00.000Z`,
    by: 'someone@example.com',
    via: 'chat',
    changes: changes.map(([field, from, to]): FieldChange => ({ field, from, to })),
    comment,
  };
}

function digestOf(input: Partial<DigestInput>): Digest {
  return computeDigest({
    planTitle: PLAN,
    actions: [],
    history: [],
    previous: null,
    unreachable: [],
    today: TODAY,
    weekStart: WEEK_START,
    ...input,
  });
}

function render(digest: Digest): AdaptiveCard {
  return renderCard('digest', digestView(digest, PLAN, TODAY));
}

type Node = Record<string, unknown>;

/** Every object in the card, depth first. */
function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value && typeof value === 'object') return [value as Node, ...Object.values(value).flatMap(nodes)];
  return [];
}

/** The one thing the renderer may object to: the chart, which Teams draws and other hosts drop (its figures are in text too). */
function expectValid(card: AdaptiveCard): void {
  const problems = cardProblems(card);
  const charts = nodes(card).filter((n) => n.type === 'Chart.Donut');
  expect(problems.filter((p) => p !== CHART_WARNING)).toEqual([]);
  expect(problems.length).toBe(charts.length);
  for (const chart of charts) expect(chart.fallback).toBe('drop');
}

/** A week with something in every list. */
function busyWeek(): Digest {
  const actions = [
    act('SG-1', { originalDueDate: '2026-09-28' }),
    act('SG-2', { revisedDueDate: '2027-01-31', revisionReason: 'Supplier problems', revisionCount: 1 }),
    act('SG-3', { status: 'Complete' }),
    act('SG-4', { status: 'Signed off' }),
    act('SG-5', { status: 'Complete' }),
    act('SG-6', { revisedDueDate: '2026-11-30', revisionCount: 3, status: 'Delayed' }),
    act('SG-7', { status: 'At risk' }),
    act('SG-8', { status: 'Cancelled' }),
  ];
  const history = [
    entry('SG-2', '2026-09-25', [
      ['revisedDueDate', null, '2027-01-31'],
      ['revisionReason', null, 'Supplier problems'],
    ]),
    entry('SG-3', '2026-09-18', [['status', 'On track', 'Complete']]),
    entry('SG-4', '2026-09-29', [['status', 'Complete', 'Signed off']]),
    entry('SG-5', '2026-09-29', [['status', 'On track', 'Complete']]),
  ];
  const previous: DigestTotals = {
    byStatus: { 'Not started': 0, 'On track': 1, 'At risk': 1, Delayed: 1, Complete: 1, 'Signed off': 0, Cancelled: 1 },
    byRag: { red: 1, amber: 1, green: 3, complete: 1, cancelled: 1 },
    overdue: 0,
    total: 7,
  };
  const unreachable = [
    { name: 'Megan Bowen', email: 'meganb@example.com', reason: 'blocked' as const },
    { name: 'Adele Vance', email: 'adelev@example.com', reason: 'not-met' as const },
  ];
  return digestOf({ actions, history, previous, unreachable });
}

describe('the weekly digest card', () => {
  const card = render(busyWeek());
  const text = cardText(card);

  test('validates: the only complaint is the chart, which other hosts drop', () => {
    expectValid(card);
  });

  test('where charts are unknown the renderer drops the chart, and its figures are still there in text, once', () => {
    const parsed = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    context.targetVersion = AC.Versions.v1_5;
    parsed.parse(card, context);
    const body = card.body as Node[];
    const index = body.findIndex((n) => n.type === 'Chart.Donut');
    expect(parsed.getItemCount()).toBe(body.length - 1);
    const next = parsed.getItemAt(index);
    expect(next.getJsonTypeName()).toBe('TextBlock');
    expect((next as AC.TextBlock).text).toBe('Red: 2 · Amber: 1 · Green: 1 · Complete: 3 · Cancelled: 1');
  });

  test('title, week and the RAG rating explained once', () => {
    expect(text).toContain(`Weekly digest: ${PLAN}`);
    expect(text).toContain('Week to 30 Sep 2026');
    expect(text).toContain('RAG (red, amber, green) rating of 8 actions');
    expect(text.match(/\bRAG\b/g)).toHaveLength(1);
  });

  test('the chart and the text always shown under it (Teams mobile, screen readers) give the same RAG figures', () => {
    const chart = nodes(card).find((n) => n.type === 'Chart.Donut')!;
    const data = chart.data as Array<{ legend: string; value: unknown; color: string }>;
    expect(data.map((d) => [d.legend, d.value])).toEqual([
      ['Red', 2],
      ['Amber', 1],
      ['Green', 1],
      ['Complete', 3],
      ['Cancelled', 1],
    ]);
    for (const d of data) expect(typeof d.value).toBe('number');
    const body = card.body as Node[];
    const under = body[body.indexOf(chart) + 1];
    expect(under).toMatchObject({ type: 'TextBlock' });
    expect(under.$when).toBeUndefined();
    const figures = [...(under.text as string).matchAll(/(\w+): (\d+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(figures).toEqual(data.map((d) => [d.legend, d.value]));
    expect(text).toContain('Since last week: red +1, amber no change, green −2, complete +2, cancelled no change.');
  });

  test('totals by status with the change since last week', () => {
    const facts = nodes(card).find((n) => n.type === 'FactSet')!.facts as Array<{ title: string; value: string }>;
    expect(facts).toEqual([
      { title: 'Not started', value: '0 (no change)' },
      { title: 'On track', value: '2 (+1)' },
      { title: 'At risk', value: '1 (no change)' },
      { title: 'Delayed', value: '1 (no change)' },
      { title: 'Complete, awaiting sign-off', value: '2 (+1)' },
      { title: 'Signed off', value: '1 (+1)' },
      { title: 'Cancelled', value: '1 (no change)' },
      { title: 'Overdue', value: '1 (+1)' },
      { title: 'All actions', value: '8 (+1)' },
    ]);
  });

  test('each list, in plain English with UK dates', () => {
    expect(text).toContain('Newly overdue (1)');
    expect(text).toContain('**SG-1** Action SG-1');
    expect(text).toContain('Owner SG-1 · was due 28 Sep 2026 · 2 days overdue');
    expect(text).toContain('Slipped this week (1)');
    expect(text).toContain('Owner SG-2 · moved from 31 Dec 2026 to 31 Jan 2027 · reason: Supplier problems');
    expect(text).toContain('Completed this week (2)');
    expect(text).toContain('Owner SG-4 · signed off on 29 Sep 2026');
    expect(text).toContain('Owner SG-5 · marked complete on 29 Sep 2026');
    expect(text).toContain('Awaiting sign-off, longest wait first (2)');
    expect(text.indexOf('Owner SG-3 · waiting 12 days')).toBeLessThan(text.indexOf('Owner SG-5 · waiting 1 day'));
    expect(text).toContain('Slipped two or more times (1)');
    expect(text).toContain('Owner SG-6 · due date moved 3 times · now due 30 Nov 2026 · Delayed');
    expect(text).toContain("Owners I can't reach (2)");
    expect(text.indexOf('**Adele Vance** (adelev@example.com)')).toBeLessThan(text.indexOf('**Megan Bowen**'));
    expect(text).toContain(REACH_WORDS['not-met'].why);
    expect(text).toContain('has blocked the bot or removed the app');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('and 0 more');
  });

  test('no acronyms but RAG (the plan’s own references aside), and no template left unbound', () => {
    expect(acronymsIn(text.replace(/SG-\d+/g, ''))).toEqual(['RAG']);
    expect(JSON.stringify(card)).not.toContain('${');
  });
});

describe('a first digest and a quiet week', () => {
  test('with no earlier digest there are no changes to show, and it says so', () => {
    const card = render(digestOf({ actions: [act('A-1'), act('A-2', { status: 'At risk' })] }));
    expectValid(card);
    const text = cardText(card);
    const facts = nodes(card).find((n) => n.type === 'FactSet')!.facts as Array<{ title: string; value: string }>;
    expect(facts.find((f) => f.title === 'On track')).toEqual({ title: 'On track', value: '1' });
    expect(text).toContain('This is the first digest for this plan');
    expect(text).not.toContain('Since last week');
  });

  test('empty sections are absent; a quiet week says nothing happened', () => {
    const card = render(digestOf({ actions: [act('A-1')] }));
    expectValid(card);
    const text = cardText(card);
    for (const heading of [
      'Newly overdue',
      'Slipped this week',
      'Completed this week',
      'Awaiting sign-off',
      'Slipped two or more times',
      "Owners I can't reach",
    ]) {
      expect(text).not.toContain(heading);
    }
    expect(text).toContain(
      'Nothing became overdue, moved, was completed or cancelled, or is waiting for sign-off this week.',
    );
    expect((card.body as Node[]).length).toBeLessThan(12);
  });

  test('only the lists with something in them appear', () => {
    const card = render(digestOf({ actions: [act('A-1', { originalDueDate: '2026-09-29' })] }));
    const text = cardText(card);
    expect(text).toContain('Newly overdue (1)');
    expect(text).not.toContain('Slipped this week');
    expect(text).not.toContain('Nothing became overdue');
  });

  test('an empty plan: no chart, a sentence instead', () => {
    const card = render(digestOf({}));
    expectValid(card);
    expect(nodes(card).some((n) => n.type === 'Chart.Donut')).toBe(false);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('There are no actions in this plan yet.');
  });
});

describe('a very bad week: long lists', () => {
  const N = 55;
  const pad = (i: number) => String(i + 1).padStart(2, '0');
  const late = Array.from({ length: N }, (_, i) =>
    act(`LAC-${pad(i)}`, {
      title: LONG_TITLE,
      originalDueDate: '2026-06-30',
      revisedDueDate: '2026-09-25',
      revisionReason: 'x'.repeat(400),
      revisionCount: 4,
      owner: {
        email: `someone.with.a.long.name.${i}@partner-agency.example.com`,
        displayName: `Someone With A Rather Long Name ${i}`,
        aadObjectId: null,
      },
    }),
  );
  const done = Array.from({ length: N }, (_, i) => act(`EH-${pad(i)}`, { title: LONG_TITLE, status: 'Complete' }));
  const history = [
    ...late.map((a) =>
      entry(a.ref, '2026-09-24', [
        ['revisedDueDate', '2026-08-31', '2026-09-25'],
        ['revisionReason', 'y', 'Waiting for the partner agency to agree the new arrangements, '.repeat(5)],
      ]),
    ),
    // Each with a long remark, which the list shows (clipped) as the committee report does.
    ...done.map((a, i) =>
      entry(a.ref, i % 2 ? '2026-09-24' : '2026-09-29', [['status', 'On track', 'Complete']], 'z'.repeat(1000)),
    ),
  ];
  const unreachable = Array.from({ length: N }, (_, i) => ({
    name: `Someone With A Rather Long Name ${i}`,
    email: `someone.with.a.long.name.${i}@partner-agency.example.com`,
    reason: 'blocked' as const,
  }));
  const digest = digestOf({ actions: [...late, ...done], history, unreachable });
  const card = render(digest);
  const text = cardText(card);

  test('every list has more than 50 entries', () => {
    for (const list of [
      digest.newlyOverdue,
      digest.slippedThisWeek,
      digest.completedThisWeek,
      digest.awaitingSignOff,
      digest.slippedRepeatedly,
      digest.unreachable,
    ]) {
      expect(list.length).toBeGreaterThanOrEqual(50);
    }
  });

  test('stays under Teams’ 28 KB and validates', () => {
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    expectValid(card);
  });

  test('each list shows ten and says how many more', () => {
    const sections = (card.body as Node[]).filter((n) => n.type === 'Container');
    expect(sections).toHaveLength(6);
    for (const section of sections) {
      const items = (section.items as Node[]).filter((n) => n.type === 'Container');
      expect(items).toHaveLength(DIGEST_LIST_CAP);
    }
    expect(text.match(/…and 45 more\./g)).toHaveLength(6);
    expect(text).toContain('Newly overdue (55)');
    expect(text).toContain("Owners I can't reach (55)");
  });

  test('long titles and reasons are cut short, not dropped', () => {
    expect(text).toContain(`**LAC-01** ${LONG_TITLE.slice(0, 100)}`);
    expect(text).not.toContain(LONG_TITLE);
    expect(text).toContain('…');
  });
});

describe('words', () => {
  test.each([
    [2, '+2'],
    [0, 'no change'],
    [-3, '−3'],
  ])('change %i reads %s', (n, words) => {
    expect(signed(n)).toBe(words);
  });
});

describe('why an owner cannot be reached, in words', () => {
  test.each([
    ['not-met', /not installed for them/],
    ['no-tenant', /cannot open a chat/],
    ['blocked', /blocked the bot or removed the app/],
    ['chat-gone', /no chat with the bot any more/],
  ] as const)('%s reads %s on the card', (reason, words) => {
    const card = render(digestOf({ unreachable: [{ name: 'Lynne Robbins', email: 'lynner@example.com', reason }] }));
    expect(cardText(card)).toMatch(words);
  });
});

describe('measures in the digest', () => {
  const row = (ref: string, status: 'off-target' | 'overdue' | 'on-target', trend: 'worsening' | null) => ({
    ref,
    measure: 1,
    of: 1,
    indicator: `Indicator ${ref}`,
    unit: '%' as const,
    target: 95,
    targetDate: '2027-03-31',
    direction: 'higher' as const,
    frequency: 'monthly' as const,
    latest: { value: 74, period: '2026-10' },
    status,
    trend,
    values: [],
  });

  test('measures off target and values overdue each get a section; those on target do not', () => {
    const digest = digestOf({ weekStart: TODAY, timeZone: 'Europe/London' });
    const view = digestView(digest, PLAN, TODAY, {
      measures: [row('SG-1', 'off-target', 'worsening'), row('LAC-9', 'overdue', null), row('SG-2', 'on-target', null)],
    });
    expect(view.measuresOffTarget).toEqual({
      heading: 'Measures off target (1)',
      items: [
        {
          label: 'SG-1',
          text: 'Indicator SG-1',
          detail: '74% for Oct 2026 · target 95% by 31 Mar 2027 (higher is better) · getting worse',
        },
      ],
      more: null,
    });
    expect(view.measuresOverdue?.items.map((i) => i.label)).toEqual(['LAC-9']);
    const card = renderCard('digest', view);
    expect(cardText(card)).toMatch(/Measure values overdue \(1\)\n\*\*LAC-9\*\* Indicator LAC-9/);
  });
  test('each of an action’s several measures is its own line, labelled with its number', () => {
    const digest = digestOf({ weekStart: TODAY, timeZone: 'Europe/London' });
    const view = digestView(digest, PLAN, TODAY, {
      measures: [
        { ...row('SG-1', 'off-target', null), of: 2 },
        { ...row('SG-1', 'overdue', null), measure: 2, of: 2 },
      ],
    });
    expect(view.measuresOffTarget?.items.map((i) => i.label)).toEqual(['SG-1 (1 of 2)']);
    expect(view.measuresOverdue?.items.map((i) => i.label)).toEqual(['SG-1 (2 of 2)']);
  });
});

describe('completed this week says what was said with it, as the committee report does', () => {
  const missing = act('LAC-6', { status: 'Signed off', evidenceRequired: ['Foster carer survey results'] });
  const override = signOffNote({ ...missing, status: 'Complete' }, 'the board saw the survey on 3 Nov');
  test.each<[name: string, status: 'Signed off' | 'Complete', comment: string | null, detail: string]>([
    [
      'a chair’s override names the items it went without, and the reason',
      'Signed off',
      override,
      'Owner LAC-6 · signed off on 29 Sep 2026 without evidence for Foster carer survey results: the board saw the survey on 3 Nov',
    ],
    [
      'a plain sign-off with a remark',
      'Signed off',
      'Well evidenced',
      'Owner LAC-6 · signed off on 29 Sep 2026 · Well evidenced',
    ],
    ['marked complete, nothing said', 'Complete', null, 'Owner LAC-6 · marked complete on 29 Sep 2026'],
  ])('%s', (_name, status, comment, detail) => {
    const from = status === 'Complete' ? 'On track' : 'Complete';
    const digest = digestOf({
      actions: [{ ...missing, status }],
      history: [entry('LAC-6', '2026-09-29', [['status', from, status]], comment)],
    });
    expect(digestView(digest, PLAN, TODAY).completedThisWeek?.items[0].detail).toBe(detail);
  });
});

describe('cancelled this week, with the reason, so an action never leaves the plan quietly', () => {
  const cancelled = (ref: string) => act(ref, { status: 'Cancelled' });
  test.each<[name: string, actions: Action[], history: HistoryEntry[], details: string[]]>([
    [
      'cancelled this week: when and why',
      [cancelled('SG-5')],
      [entry('SG-5', '2026-09-29', [['status', 'On track', 'Cancelled']], 'the service was merged')],
      ['Owner SG-5 · cancelled on 29 Sep 2026 · reason: the service was merged'],
    ],
    [
      'cancelled before a reason was required',
      [cancelled('SG-5')],
      [entry('SG-5', '2026-09-29', [['status', 'On track', 'Cancelled']])],
      ['Owner SG-5 · cancelled on 29 Sep 2026 · no reason given'],
    ],
    [
      'cancelled last week: not this week’s news',
      [cancelled('SG-5')],
      [entry('SG-5', '2026-09-20', [['status', 'On track', 'Cancelled']], 'merged')],
      [],
    ],
    [
      'cancelled this week, then reopened',
      [act('SG-5', { status: 'On track' })],
      [entry('SG-5', '2026-09-29', [['status', 'On track', 'Cancelled']], 'merged')],
      [],
    ],
  ])('%s', (_name, actions, history, details) => {
    const view = digestView(digestOf({ actions, history }), PLAN, TODAY);
    expect(view.cancelledThisWeek?.items.map((i) => i.detail) ?? []).toEqual(details);
    if (details.length) expect(cardText(render(digestOf({ actions, history })))).toContain('Cancelled this week');
  });
});
