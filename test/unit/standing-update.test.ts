import { detailView } from '../../src/cards/view-models';
import {
  addNote,
  approveNewDate,
  ChangeContext,
  ChangeResult,
  changeStatus,
  declineNewDate,
  requestNewDate,
  signOff,
} from '../../src/domain/action-changes';
import { cellAsText, exportRows } from '../../src/domain/export-rows';
import { latestWords } from '../../src/domain/report/latest-words';
import { standingUpdate } from '../../src/domain/standing-update';
import { Action } from '../../src/domain/types';
import { anAction } from '../support/builders';

// anAction() is SG-1, due 30 Sep 2026, owned by alexw@example.com.
const TODAY = '2026-12-01';
const at = (hour: number) => `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
const owner = (hour: number): ChangeContext => ({ by: 'alexw@example.com', at: at(hour), today: TODAY });
const chair = (hour: number): ChangeContext => ({ by: 'chair@example.com', at: at(hour), today: TODAY });

const ok = (r: ChangeResult): Action => {
  if (!r.ok) throw new Error(`refused: ${r.problem.code}`);
  return r.action;
};
type Step = (a: Action) => Action;
const asked: Step = (a) => ok(requestNewDate(a, '2027-03-31', 'staff sickness', true, owner(9)));
const done: Step = (a) => ok(changeStatus(a, 'Complete', null, owner(10)));
const onTrack: Step = (a) => ok(changeStatus(a, 'On track', null, owner(11)));
const cancelled: Step = (a) => ok(changeStatus(a, 'Cancelled', 'merged into SG-2', owner(10)));
const doneSaying: Step = (a) => ok(changeStatus(a, 'Complete', 'all visits recorded', owner(10)));
// The status it had before it was delayed comes back (see status-before-delay); which one does not matter here.
const approved: Step = (a) => ok(approveNewDate(a, chair(10), 'On track'));
const declined: Step = (a) => ok(declineNewDate(a, null, chair(10)));
const signedOff: Step = (a) => ok(signOff(a, 'good work', chair(12), 'seen in person'));
const noted: Step = (a) => ok(addNote(a, 'visits audit booked', owner(12)));

const WITHDRAWN = 'The new date asked for, 31 Mar 2027, was withdrawn when SG-1 was marked complete.';

describe('the latest update as it stands after a new date is asked for', () => {
  test.each<[story: string, steps: Step[], words: string, pending: boolean]>([
    ['asked, still waiting', [asked], 'Asked for a new date, 31 Mar 2027: staff sickness', true],
    [
      'asked, then on track: still waiting',
      [asked, onTrack],
      'Asked for a new date, 31 Mar 2027: staff sickness',
      true,
    ],
    ['asked, done: the withdrawal stands', [asked, done], WITHDRAWN, false],
    ['asked, done, on track (the tester’s run)', [asked, done, onTrack], WITHDRAWN, false],
    ['asked, done with words: the words stand', [asked, doneSaying], 'all visits recorded', false],
    ['asked, cancelled with a reason', [asked, cancelled], 'merged into SG-2', false],
    ['asked, done, signed off', [asked, done, signedOff], 'Signed off without evidence: seen in person', false],
    [
      'asked, approved',
      [asked, approved],
      'New date 31 Mar 2027 approved (asked for by alexw@example.com): staff sickness',
      false,
    ],
    ['asked, declined', [asked, declined], 'New date 31 Mar 2027 declined. The due date stays 30 Sep 2026.', false],
    ['asked, then a note', [asked, noted], 'visits audit booked', true],
  ])('%s', (_story, steps, words, pending) => {
    const action = steps.reduce((a, step) => step(a), anAction({ status: 'On track' }));
    expect(action.dateRequest !== null).toBe(pending);
    expect(standingUpdate(action)?.text).toBe(words);
    // One rule for chat's card, the export and the committee report's latest words.
    // People are named where they are shown, so only the words before a name are compared there.
    const gist = words.split(' (asked for by')[0];
    expect(detailView(action, TODAY).latestUpdate).toContain(gist);
    expect(cellAsText(exportRows([action], TODAY)[0]['Latest update'] ?? null)).toContain(gist);
    expect(latestWords(action, [])?.text).toBe(words);
  });
});

describe('request words stored before withdrawals replaced them', () => {
  const words = { text: 'Asked for a new date, 31 Mar 2027: staff sickness', by: 'alexw@example.com', at: at(9) };
  const request = { date: '2027-03-31', reason: 'staff sickness', by: 'alexw@example.com', at: at(9) };
  test.each<[story: string, overrides: Partial<Action>, shown: string]>([
    ['the request still waits', { dateRequest: request }, words.text],
    ['no request waits', { dateRequest: null }, `${words.text} (no longer waiting for a decision)`],
    [
      'a later request waits, not this one',
      { dateRequest: { ...request, date: '2027-04-30', at: at(11) } },
      `${words.text} (no longer waiting for a decision)`,
    ],
  ])('%s', (_story, overrides, shown) => {
    const action = anAction({ status: 'Complete', latestUpdate: words, ...overrides });
    expect(standingUpdate(action)?.text).toBe(shown);
    expect(detailView(action, TODAY).latestUpdate).toContain(shown);
    expect(cellAsText(exportRows([action], TODAY)[0]['Latest update'] ?? null)).toContain(shown);
    expect(latestWords(action, [])?.text).toBe(shown);
  });

  test('other updates are left as they are', () => {
    const note = { text: 'Asked the supplier again', by: 'alexw@example.com', at: at(9) };
    expect(standingUpdate(anAction({ latestUpdate: note }))).toEqual(note);
    expect(standingUpdate(anAction())).toBeNull();
  });
});
