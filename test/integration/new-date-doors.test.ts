import { CardActionResult, CardActions } from '../../src/services/card-actions';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { cardText } from '../support/card-validation';
import { useDemoChat } from '../support/chat';
import { renderCard } from '../../src/cards/render';

/**
 * A new date is never taken silently: not for an action already complete (it would reopen it unasked), at any
 * door, and not dropped by the reminder card's Update form when the status is kept. Real chat service and card
 * handler over Azurite; card data as Teams sends an Action.Execute (its data with every input's value).
 */
const NOW = new Date('2026-11-30T12:00:00Z');
const ALEX = { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' }; // chair; owns SG-1, SG-4
const MEGAN = { id: 'user-id-1', email: 'meganb@example.com', name: 'Megan Bowen' }; // administrator

const demo = useDemoChat(new Date('2026-11-30T11:00:00Z'), NOW);
const { say } = demo;
let cards: CardActions;
beforeEach(() => (cards = new CardActions(demo.storage)));

/** The reminder card's Update form as submitted: the button's data and the form's inputs, untouched ones empty. */
function update(ref: string, inputs: { status: string; updateDate?: string; updateReason?: string; note?: string }) {
  const data = {
    planId: DEMO_PLAN_ID,
    owner: ALEX.email,
    ref: `${DEMO_PLAN_ID}/${ref}`,
    updateDate: '',
    updateReason: '',
    note: '',
    ...inputs,
  };
  return cards.handle({ verb: 'update', data, user: ALEX, now: NOW });
}

/** The banner of the redrawn card, as the person reads it. */
function banner(result: CardActionResult): string {
  if (result.kind !== 'card') return result.text;
  return cardText(renderCard(result.card, result.data)).split('\n')[0];
}

/** Everything a change would leave behind. */
async function trace(ref: string) {
  const action = (await demo.storage.actions.get(DEMO_PLAN_ID, ref))!;
  const history = await demo.storage.actions.history(DEMO_PLAN_ID, ref);
  const { rows } = await demo.storage.outbox.list(DEMO_PLAN_ID);
  return { etag: action.etag, status: action.value.status, history: history.length, outbox: rows.length };
}

const COMPLETE =
  'SG-4 is marked complete, so its date can’t move. If work has started again, set it back first (for example "SG-4 on track"), then give the new date.';

describe('a new date for a complete action', () => {
  beforeEach(async () => {
    await say('SG-4 complete', ALEX.email);
  });

  test('is refused in chat, whoever asks and however, and nothing changes', async () => {
    const before = await trace('SG-4');
    expect(before.status).toBe('Complete');
    expect(await say('SG-4 will slip to the end of Feb because the audit moved', ALEX.email)).toEqual([COMPLETE]);
    // Refused before any question is asked: nobody is asked for a date that can't be used.
    expect(await say('SG-4 delayed', ALEX.email)).toEqual([COMPLETE]);
    expect(await demo.storage.conversations.pending(`personal-${ALEX.email}`, ALEX.id, NOW)).toBeNull();
    // An administrator would move it outright: refused the same way.
    expect(await say('SG-4 delayed to 26/02/2027 because the audit moved', MEGAN.email)).toEqual([COMPLETE]);
    expect(await trace('SG-4')).toEqual(before);
  });

  test('is refused by the reminder card the same way', async () => {
    const before = await trace('SG-4');
    const data = { planId: DEMO_PLAN_ID, owner: ALEX.email, ref: 'SG-4' };
    const asked = await cards.handle({
      verb: 'requestDate',
      data: { ...data, requestDate: '2027-02-26', requestReason: 'the audit moved' },
      user: ALEX,
      now: NOW,
    });
    expect(banner(asked)).toBe(`Nothing was changed. ${COMPLETE}`);
    const delayed = await update('SG-4', { status: 'Delayed', updateDate: '2027-02-26', updateReason: 'audit' });
    expect(banner(delayed)).toBe(`Nothing was changed. ${COMPLETE}`);
    expect(await trace('SG-4')).toEqual(before);
  });

  test('set going again first, as the refusal says, the new date then goes for a decision', async () => {
    await say('SG-4 on track', ALEX.email);
    expect((await say('SG-4 delayed to 26/02/2027 because the audit moved', ALEX.email))[0]).toMatch(
      /^SG-4 is marked delayed\. Your new date, 26 Feb 2027, has gone to the chairs/,
    );
  });
});

describe('the reminder card’s Update form with a new date and the status kept', () => {
  test('without a reason: refused, saying what is missing and what was typed', async () => {
    const before = await trace('SG-1');
    expect(banner(await update('SG-1', { status: 'unchanged', updateDate: '2027-01-29' }))).toBe(
      'Nothing was changed. A new date needs a reason: give it again with the reason the date is moving. You typed: new date 29 Jan 2027.',
    );
    expect(await trace('SG-1')).toEqual(before);
  });

  test('with another status: refused, not dropped, with what was typed', async () => {
    const before = await trace('SG-1');
    const typed = { status: 'At risk', updateDate: '2027-01-29', updateReason: 'staff sickness', note: 'see Lynne' };
    expect(banner(await update('SG-1', typed))).toBe(
      'Nothing was changed. A new date goes with the status “Delayed”, or with “Keep the current status” to ask for it without changing the status: choose one and give it again with the reason. You typed: new date 29 Jan 2027, reason “staff sickness”, note “see Lynne”.',
    );
    expect(await trace('SG-1')).toEqual(before);
  });

  test('with a reason: the new date is asked for, as "Request new date" does, and the status stays', async () => {
    const before = await trace('SG-1');
    const typed = { status: 'unchanged', updateDate: '2027-01-29', updateReason: 'staff sickness', note: 'see Lynne' };
    expect(banner(await update('SG-1', typed))).toBe(
      'Your new date for SG-1 has gone to the chairs and executives for approval; until then the current date stands.',
    );
    const after = (await demo.storage.actions.get(DEMO_PLAN_ID, 'SG-1'))!.value;
    expect(after).toMatchObject({ status: before.status, latestUpdate: { text: 'see Lynne' } });
    expect(after.dateRequest).toMatchObject({ date: '2027-01-29', reason: 'staff sickness', by: ALEX.email });
    const { rows } = await demo.storage.outbox.list(DEMO_PLAN_ID);
    expect(rows.map((r) => r.notification)).toContainEqual({
      kind: 'date-requested',
      planId: DEMO_PLAN_ID,
      ref: 'SG-1',
    });
  });
});
