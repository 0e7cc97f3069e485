import { renderCard } from '../../src/cards/render';
import { projectRoot } from '../../src/project-root';
import { CardActionResult, CardActions } from '../../src/services/card-actions';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { cardBytes, cardProblems, cardText } from '../support/card-validation';
import { Storage } from '../../src/store/open-storage';
import { testStorage } from '../support/storage';

const SEEDED = new Date('2026-11-21T09:00:00Z');
const NOW = new Date('2026-11-21T10:00:00Z');

const USERS = {
  alex: { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' },
  patti: { id: 'user-id-4', email: 'pattif@example.com', name: 'Patti Fernandez' },
  adele: { id: 'user-id-2', email: 'adelev@example.com', name: 'Adele Vance' },
};

/** Each test gets its own tables, freshly seeded with the demo plan, and its own record of who was told: no test sees another's changes. */
let storage: Storage;
let actions: CardActions;
let requested: string[];
let decided: string[];
beforeEach(async () => {
  storage = testStorage();
  await seedDemo(storage, projectRoot(), SEEDED);
  requested = [];
  decided = [];
  actions = new CardActions(storage, {
    dateRequested: async (planId, ref) => void requested.push(`${planId}:${ref}`),
    dateDecided: async ({ action, request, decision, by }) =>
      void decided.push(`${decision}d ${action.ref} ${request.date} for ${request.by} by ${by.email}`),
  });
});

async function press(verb: string, data: Record<string, unknown>, user: keyof typeof USERS = 'alex') {
  return actions.handle({ verb, data: { planId: DEMO_PLAN_ID, ...data }, user: USERS[user], now: NOW });
}

/** Patti asks for SG-6 to move to 31 Mar 2027, as an owner does from her reminder card. */
async function pattiRequestsSg6() {
  return press(
    'requestDate',
    { owner: 'pattif@example.com', ref: 'SG-6', requestDate: '2027-03-31', requestReason: 'training places' },
    'patti',
  );
}

/** The card as a person sees it, after checking it against the Adaptive Cards renderer. */
function seen(result: CardActionResult): string {
  if (result.kind !== 'card') return result.text;
  const card = renderCard(result.card, result.data);
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(28 * 1024);
  return cardText(card);
}

describe('the reminder card', () => {
  test('lists the owner’s overdue and due-soon actions with the three buttons', async () => {
    const card = seen(await press('refreshReminder', { owner: 'alexw@example.com' }));
    expect(card).toMatch(/Your actions this week: 2 overdue/);
    expect(card).toMatch(/\*\*SG-1\*\* Ensure that the outcomes.*\nDue 26 Sep 2026 · On track · Red · 56 days overdue/);
    for (const button of ['Complete', 'Update', 'Request new date']) expect(card).toContain(button);
  });

  test('Complete without evidence shows the problem in the card and changes nothing', async () => {
    const card = seen(await press('complete', { owner: 'alexw@example.com', ref: 'SG-4', evidence: ' ' }));
    expect(card).toMatch(/^Nothing was changed\. Evidence is missing\./);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-4'))!.value.status).toBe('Not started');
  });

  test('Complete with evidence updates the register, redraws the card without it, and records via card', async () => {
    const card = seen(
      await press('complete', { owner: 'alexw@example.com', ref: 'SG-4', evidence: 'https://example.com/audit' }),
    );
    expect(card).toMatch(/^SG-4 is complete, with your evidence/);
    expect(card).not.toMatch(/\*\*SG-4\*\*/);
    const stored = (await storage.actions.get(DEMO_PLAN_ID, 'SG-4'))!.value;
    expect(stored).toMatchObject({
      status: 'Complete',
      evidence: [expect.objectContaining({ url: 'https://example.com/audit' })],
    });
    const [latest] = await storage.actions.history(DEMO_PLAN_ID, 'SG-4');
    expect(latest).toMatchObject({ via: 'card', by: 'alexw@example.com' });
  });

  test('Complete with the day it was done (the form’s “Done on”) records that day beside when it was said', async () => {
    const form = await press('refreshReminder', { owner: 'alexw@example.com' });
    if (form.kind !== 'card') throw new Error('no card');
    expect(JSON.stringify(renderCard(form.card, form.data))).toMatch(
      /"type":"Input.Date","id":"completedOn","label":"Done on, if not today \(optional\)"\}/,
    );
    const card = seen(
      await press('complete', {
        owner: 'alexw@example.com',
        ref: 'SG-4',
        evidence: 'https://example.com/audit',
        completedOn: '2026-11-19',
      }),
    );
    expect(card).toMatch(/^SG-4 is complete \(done on Thu 19 Nov 2026\), with your evidence/);
    const [latest] = await storage.actions.history(DEMO_PLAN_ID, 'SG-4');
    expect(latest).toMatchObject({ via: 'card', at: NOW.toISOString() });
    expect(latest.changes).toContainEqual({ field: 'completedOn', from: null, to: '2026-11-19' });
  });

  describe('a card pressed a week after it was sent: the dates are checked against the day it is pressed', () => {
    const SENT = new Date('2026-11-14T08:00:00Z');

    test('its date inputs hold no bound fixed on the day it was sent, and say the rule in words', async () => {
      const sent = await actions.handle({
        verb: 'refreshReminder',
        data: { planId: DEMO_PLAN_ID, owner: 'alexw@example.com' },
        user: USERS.alex,
        now: SENT,
      });
      if (sent.kind !== 'card') throw new Error('no card');
      const card = renderCard(sent.card, sent.data);
      const dates = JSON.stringify(card).match(/\{"type":"Input.Date"[^}]*\}/g) ?? [];
      expect(dates.map((d) => JSON.parse(d) as Record<string, unknown>)).toEqual([
        { type: 'Input.Date', id: 'completedOn', label: 'Done on, if not today (optional)' },
        { type: 'Input.Date', id: 'updateDate', label: 'New date, if it is delayed (today or later)' },
        {
          type: 'Input.Date',
          id: 'requestDate',
          label: 'New date (today or later)',
          isRequired: true,
          errorMessage: 'Choose the new date.',
        },
      ]);
    });

    test('a new date that was still to come when it was sent, but has passed since, is refused and says why', async () => {
      const before = (await storage.actions.get(DEMO_PLAN_ID, 'SG-6'))!;
      const asked = { ref: 'SG-6', requestDate: '2026-11-18', requestReason: 'training places' };
      expect(seen(await press('requestDate', asked, 'patti'))).toMatch(
        /The new date must be today or later; 18 Nov 2026 has passed\./,
      );
      const delayed = { owner: 'pattif@example.com', ref: 'SG-6', status: 'Delayed', updateDate: '2026-11-20' };
      expect(seen(await press('update', { ...delayed, updateReason: 'no venue' }, 'patti'))).toMatch(
        /The new date must be today or later; 20 Nov 2026 has passed\./,
      );
      expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-6'))!.etag).toBe(before.etag);
    });

    test('a day it was done after the card was sent is taken, as the server takes it on the day', async () => {
      const done = { owner: 'alexw@example.com', ref: 'SG-4', evidence: 'https://example.com/audit' };
      expect(seen(await press('complete', { ...done, completedOn: '2026-11-20' }))).toMatch(
        /^SG-4 is complete \(done on Fri 20 Nov 2026\)/,
      );
    });
  });

  test.each([
    ['a day still to come', '2026-11-25', /25 Nov 2026 is still to come/],
    ['a day before the plan began', '2026-09-01', /1 Sep 2026 is before the plan began \(26 Sep 2026\)/],
    ['not a day', '2026-02-31', /The day it was done is not a real date/],
  ])('Complete with %s changes nothing and says why', async (_, completedOn, why) => {
    const before = await storage.actions.history(DEMO_PLAN_ID, 'SG-4');
    const card = seen(
      await press('complete', { owner: 'alexw@example.com', ref: 'SG-4', evidence: 'https://x.org/a', completedOn }),
    );
    expect(card).toMatch(/^Nothing was changed\./);
    expect(card).toMatch(why);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-4'))!.value).toMatchObject({
      status: 'Not started',
      evidence: [],
    });
    expect(await storage.actions.history(DEMO_PLAN_ID, 'SG-4')).toEqual(before);
  });

  test.each([
    ['a delay with no reason', { status: 'Delayed', updateDate: '2027-01-31' }, /A delay needs a reason/],
    ['a delay with no date', { status: 'Delayed', updateReason: 'supplier' }, /A delay needs the new date/],
    ['a date in the past', { status: 'Delayed', updateDate: '2026-01-01', updateReason: 'supplier' }, /has passed/],
    [
      '31 February',
      { status: 'Delayed', updateDate: '2027-02-31', updateReason: 'supplier' },
      /A delay needs the new date/,
    ],
    ['an unknown status', { status: 'Finished' }, /Choose a status/],
  ])('Update with %s is refused inside the card', async (_name, fields, message) => {
    const before = (await storage.actions.get(DEMO_PLAN_ID, 'SG-1'))!;
    expect(seen(await press('update', { owner: 'alexw@example.com', ref: 'SG-1', ...fields }))).toMatch(message);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-1'))!.etag).toBe(before.etag);
  });

  test('Update with only a note keeps the status ("Keep the current status" is the default) and its reason', async () => {
    const adele = { owner: 'adelev@example.com', ref: 'SG-3' };
    const drawn = await press('refreshReminder', { owner: 'adelev@example.com' }, 'adele');
    const form = JSON.stringify(drawn.kind === 'card' ? renderCard(drawn.card, drawn.data) : null);
    expect(form).toMatch(
      /"id":"status"[^\]]*"value":"unchanged","choices":\[\{"title":"Keep the current status","value":"unchanged"\}/,
    );
    seen(await press('update', { ...adele, status: 'At risk', updateReason: 'two social workers left' }, 'adele'));
    for (const status of ['unchanged', '', undefined]) {
      const note = `audit booked (${String(status)})`;
      expect(seen(await press('update', { ...adele, status, note }, 'adele'))).toMatch(/^SG-3 is updated: at risk\./);
      const stored = (await storage.actions.get(DEMO_PLAN_ID, 'SG-3'))!.value;
      expect(stored).toMatchObject({ status: 'At risk', latestUpdate: { text: note } });
    }
    // The reason stays on record: the notes were added after it, none replaced the status it explains.
    const history = await storage.actions.history(DEMO_PLAN_ID, 'SG-3');
    expect(history.map((h) => h.changes.map((c) => `${c.field}: ${c.to}`).join()).join('\n')).toMatch(
      /two social workers left/,
    );
    expect(
      history
        .filter((h) => h.via === 'card')
        .flatMap((h) => h.changes)
        .some((c) => c.field === 'status'),
    ).toBe(false);
  });

  test('Update with the status kept and nothing written changes nothing', async () => {
    const before = (await storage.actions.get(DEMO_PLAN_ID, 'SG-3'))!;
    expect(
      seen(
        await press('update', { owner: 'adelev@example.com', ref: 'SG-3', status: 'unchanged', note: ' ' }, 'adele'),
      ),
    ).toMatch(/^Nothing was changed\. There was nothing to save/);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-3'))!.etag).toBe(before.etag);
  });

  test('Request new date: 31 February is refused', async () => {
    expect(
      seen(await press('requestDate', { ref: 'SG-6', requestDate: '2027-02-31', requestReason: 'x' }, 'patti')),
    ).toMatch(/The new date is not a real date/);
  });

  test('an owner’s request waits for the chairs, who are told', async () => {
    const card = seen(await pattiRequestsSg6());
    expect(card).toMatch(/Your new date for SG-6 has gone to the chairs and executives for approval/);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-6'))!.value).toMatchObject({
      revisedDueDate: null,
      dateRequest: { date: '2027-03-31' },
    });
    expect(requested).toContain(`${DEMO_PLAN_ID}:SG-6`);
  });

  test('a forged submission naming someone else’s action is refused', async () => {
    const card = seen(await press('complete', { owner: 'pattif@example.com', ref: 'SG-1', evidence: 'x' }, 'patti'));
    expect(card).toMatch(/Nothing was changed\. Only the action’s owner/);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-1'))!.value.status).toBe('On track');
  });

  test('an unknown button and a missing plan get a clear message', async () => {
    expect(seen(await press('explode', {}))).toMatch(/older card/);
    expect(seen(await actions.handle({ verb: 'complete', data: {}, user: USERS.alex, now: NOW }))).toMatch(
      /plan that no longer exists/,
    );
  });
});

describe('the decisions card for chairs and executives', () => {
  beforeEach(() => pattiRequestsSg6());

  test('shows waiting date requests and sign-offs', async () => {
    const card = seen(await press('refreshDecisions', {}));
    expect(card).toMatch(/Waiting for your decision/);
    expect(card).toMatch(/Patti Fernandez asks to move it from 26 Sep 2026 to 31 Mar 2027: training places/);
    expect(card).toMatch(/Complete, waiting for sign-off[\s\S]*LAC-1/);
  });

  test('an owner cannot approve', async () => {
    expect(seen(await press('approveDate', { requestRef: 'SG-6' }, 'patti'))).toMatch(
      /Only a chair, an executive or an administrator can decide new dates/,
    );
    expect(decided).toEqual([]);
  });

  test('a chair approves: the revised date is set and who approved is recorded', async () => {
    const card = seen(await press('approveDate', { requestRef: 'SG-6' }));
    expect(card).toMatch(/^Approved: SG-6 is now due 31 Mar 2027 \(it was due \d+ \w+ \d{4}\)\./);
    expect(card).not.toMatch(/asks to move it/);
    const stored = (await storage.actions.get(DEMO_PLAN_ID, 'SG-6'))!.value;
    expect(stored).toMatchObject({
      revisedDueDate: '2027-03-31',
      revisionReason: 'training places',
      dateRequest: null,
    });
    const [latest] = await storage.actions.history(DEMO_PLAN_ID, 'SG-6');
    expect(latest).toMatchObject({ by: 'alexw@example.com', via: 'card' });
    expect(decided).toEqual(['approved SG-6 2027-03-31 for pattif@example.com by alexw@example.com']);
  });

  test('a chair approves a delay on an action never started: it is not started again, and the card says so', async () => {
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-9'))!.value.status).toBe('Not started');
    await press(
      'update',
      {
        owner: 'pattif@example.com',
        ref: 'SG-9',
        status: 'Delayed',
        updateDate: '2027-04-30',
        updateReason: 'no venue',
      },
      'patti',
    );
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-9'))!.value.status).toBe('Delayed');
    const card = seen(await press('approveDate', { requestRef: 'SG-9' }));
    expect(card).toMatch(
      /^Approved: SG-9 is now due 30 Apr 2027 \(it was due \d+ \w+ \d{4}\)\. Its status is now not started \(it was delayed\): the new date accounts for the delay\./,
    );
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-9'))!.value).toMatchObject({
      status: 'Not started',
      revisedDueDate: '2027-04-30',
    });
  });

  test('sign-off from the card', async () => {
    expect(seen(await press('signOff', { signOffRef: 'LAC-1' }))).toMatch(/LAC-1 is signed off/);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'LAC-1'))!.value.status).toBe('Signed off');
  });
});
