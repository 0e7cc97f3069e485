import { projectRoot } from '../../src/project-root';
import { CardActions } from '../../src/services/card-actions';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { ChangeNotifier } from '../../src/services/notifier';
import { Storage } from '../../src/store/open-storage';
import { testStorage } from '../support/storage';

/**
 * The same change tells the same people whichever door it comes through (chat or a card button), and
 * neither door holds its answer until the others are told.
 */
const SEEDED = new Date('2026-11-21T09:00:00Z');
const NOW = new Date('2026-11-21T10:00:00Z');
const PATTI = { id: 'user-id-4', email: 'pattif@example.com', name: 'Patti Fernandez' };
const ALEX = { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' };
const MEGAN = { id: 'user-id-1', email: 'meganb@example.com', name: 'Megan Bowen' }; // administrator

/** A notifier that records what it was told, in order. */
function recorder(told: string[]): ChangeNotifier {
  return {
    actionChanged: async (planId, ownerEmail) => void told.push(`changed ${planId}:${ownerEmail}`),
    dateRequested: async (planId, ref) => void told.push(`date requested ${planId}:${ref}`),
    dateDecided: async ({ action, request, decision, by, comment }) =>
      void told.push(
        `${decision}d ${action.ref} ${request.date} for ${request.by} by ${by.email}${comment ? `: ${comment}` : ''}`,
      ),
  };
}

async function seeded(): Promise<Storage> {
  const storage = testStorage();
  await seedDemo(storage, projectRoot(), SEEDED);
  return storage;
}

/** Lets the notifier's queued calls run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

test('asking for a new date, then declining it: chat and card buttons tell the same people in the same order', async () => {
  const byChat: string[] = [];
  const chatStorage = await seeded();
  const chat = new ChatService(chatStorage, 'Europe/London', recorder(byChat));
  const say = (text: string, user: typeof ALEX) =>
    chat.handle({ text, conversation: { id: `personal-${user.email}`, kind: 'personal' }, user, now: NOW });
  await say('SG-6 new date 31/03/2027 because training places', PATTI);
  await settled();
  const askedByChat = [...byChat];
  await say('decline the new date for SG-6 because the inspection date is fixed', ALEX);
  await settled();

  const byCard: string[] = [];
  const cardStorage = await seeded();
  const cards = new CardActions(cardStorage, recorder(byCard));
  const press = (verb: string, data: Record<string, unknown>, user: typeof ALEX) =>
    cards.handle({ verb, data: { planId: DEMO_PLAN_ID, ...data }, user, now: NOW });
  await press(
    'requestDate',
    { owner: PATTI.email, ref: 'SG-6', requestDate: '2027-03-31', requestReason: 'training places' },
    PATTI,
  );
  await settled();
  const askedByCard = [...byCard];
  await press('declineDate', { requestRef: 'SG-6', decisionComment: 'the inspection date is fixed' }, ALEX);
  await settled();

  expect(askedByChat).toEqual([`changed ${DEMO_PLAN_ID}:pattif@example.com`, `date requested ${DEMO_PLAN_ID}:SG-6`]);
  // Patti pressed her own reminder card, which the button's answer redraws (with its banner): it is not redrawn twice.
  expect(askedByCard).toEqual([`date requested ${DEMO_PLAN_ID}:SG-6`]);
  expect(byChat).toEqual([
    ...askedByChat,
    'declined SG-6 2027-03-31 for pattif@example.com by alexw@example.com: the inspection date is fixed',
  ]);
  expect(byCard).toEqual([...askedByCard, byChat[byChat.length - 1]]);
});

test('an administrator’s status update, through either door, redraws the owner’s card', async () => {
  const byChat: string[] = [];
  const chat = new ChatService(await seeded(), 'Europe/London', recorder(byChat));
  await chat.handle({
    text: 'SG-1 at risk',
    conversation: { id: 'personal-megan', kind: 'personal' },
    user: MEGAN,
    now: NOW,
  });
  const byCard: string[] = [];
  const cards = new CardActions(await seeded(), recorder(byCard));
  await cards.handle({
    verb: 'update',
    data: { planId: DEMO_PLAN_ID, owner: ALEX.email, ref: 'SG-1', status: 'At risk' },
    user: MEGAN,
    now: NOW,
  });
  await settled();
  expect(byChat).toEqual([`changed ${DEMO_PLAN_ID}:alexw@example.com`]);
  expect(byCard).toEqual(byChat);
});

test('an owner pressing their own reminder card gets it redrawn in the answer, with its banner, and not again', async () => {
  const byCard: string[] = [];
  const cards = new CardActions(await seeded(), recorder(byCard));
  const answer = await cards.handle({
    verb: 'update',
    data: { planId: DEMO_PLAN_ID, owner: ALEX.email, ref: 'SG-1', status: 'At risk' },
    user: ALEX,
    now: NOW,
  });
  await settled();
  expect(answer.kind === 'card' && JSON.stringify(answer.data)).toMatch(/SG-1 is updated: at risk/);
  expect(byCard).toEqual([]);
});

test('neither door waits for the others to be told before answering', async () => {
  let release: () => void = () => undefined;
  const stuck = new Promise<void>((resolve) => (release = resolve));
  const told: string[] = [];
  const slow: ChangeNotifier = { ...recorder(told), actionChanged: () => stuck.then(() => void told.push('changed')) };
  const storage = await seeded();
  const cards = new CardActions(storage, slow);
  const chat = new ChatService(storage, 'Europe/London', slow);

  // An administrator moves Patti's date from her card; Alex asks for a new date in chat.
  const pressed = await cards.handle({
    verb: 'requestDate',
    data: {
      planId: DEMO_PLAN_ID,
      owner: PATTI.email,
      ref: 'SG-6',
      requestDate: '2027-03-31',
      requestReason: 'training places',
    },
    user: MEGAN,
    now: NOW,
  });
  expect(pressed.kind === 'card' && JSON.stringify(pressed.data)).toMatch(/SG-6 is updated/);
  const [replied] = await chat.handle({
    text: 'SG-1 new date 26/02/2027 because panel dates',
    conversation: { id: 'personal-alex', kind: 'personal' },
    user: ALEX,
    now: NOW,
  });
  expect(replied.kind === 'card' && replied.summary).toBeTruthy();
  // Both answered while their first notification still waits; within one change, what follows waits its turn.
  expect(told).toEqual([]);
  release();
  await settled();
  expect([...told].sort()).toEqual(['changed', 'changed', `date requested ${DEMO_PLAN_ID}:SG-1`]);
  expect(told.indexOf(`date requested ${DEMO_PLAN_ID}:SG-1`)).toBeGreaterThan(0);
});
