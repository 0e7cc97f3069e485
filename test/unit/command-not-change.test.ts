import type { Command, NamedChange, NotChangeWhy } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';

/**
 * The rules that keep a message in the words of a change from making it (src/domain/command-not-change.ts), one table
 * each, read on Monday 30 Nov 2026 by the grammar as the chat service reads them; and, beside each, the clear change in
 * the same words that must still be made.
 */
const TODAY = '2026-11-30';
const read = (text: string) => parseCommand(text, TODAY);
const notChange = (ref: string, why: NotChangeWhy, change: NamedChange, when: string | null = null): Command => ({
  kind: 'notChange',
  ref,
  why,
  change,
  when,
});

describe('rule promise: a completion with a time still to come is a plan, not news', () => {
  test.each<[string, Command]>([
    ['SG-9 done by 31/12', notChange('SG-9', 'promise', 'Complete', '2026-12-31')],
    ['SG-11 complete by end of January', notChange('SG-11', 'promise', 'Complete', '2027-01-31')],
    ['SG-8 complete by Jan 31st', notChange('SG-8', 'promise', 'Complete', '2027-01-31')],
    ['SG-13 done by 1 Feb, fingers crossed', notChange('SG-13', 'promise', 'Complete', '2027-02-01')],
    ['SG-4 should be done by friday', notChange('SG-4', 'promise', 'Complete', '2026-12-04')],
    ['LAC-8 done in the new year', notChange('LAC-8', 'promise', 'Complete')],
    ['SG-11 finished next week', notChange('SG-11', 'promise', 'Complete')],
    ['SG-2 done tomorrow', notChange('SG-2', 'promise', 'Complete')],
    ['LAC-6 finished in a fortnight', notChange('LAC-6', 'promise', 'Complete')],
    ['SG-6 done by the end of the month', notChange('SG-6', 'promise', 'Complete')],
    ['LAC-8 finished by March', notChange('LAC-8', 'promise', 'Complete')],
    ['SG-12 done in January', notChange('SG-12', 'promise', 'Complete')],
    ['SG-12 complete early next year', notChange('SG-12', 'promise', 'Complete')],
    ['SG-9 complete by Christmas', notChange('SG-9', 'promise', 'Complete')],
    ['SG-10 should be done soon', notChange('SG-10', 'promise', 'Complete')],
    ['SG-6 should be signed off in the new year', notChange('SG-6', 'promise', 'Signed off')],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each([
    ['SG-9 done by 20/11', 'a day with no year more than half a year ahead is the one just gone'],
    ['SG-9 finished by the end of last week', '"last" points back'],
    ['SG-4 done by the team last week', '"by the team" is not a time'],
    ['SG-12 completed yesterday', 'yesterday'],
    ['SG-5 was finished on 27/11', 'a day just gone'],
    ['SG-9 done, the report went to the board on 3 Nov', 'a date in the story after the comma is not the change’s'],
    ['SG-8 done - all cases allocated by 20 Nov', 'likewise after a dash'],
    ['SG-9 done on time', '"on time" is not a day'],
    ['SG-9 done by 31/12/2025', 'a day with its year, gone'],
    ['SG-9 done, next step is the audit', '"next" in the story after the comma'],
    ['SG-9 done later than planned', '"later than" is not a time to come'],
    ['SG-9 done next to the other audits', '"next to" is not a time'],
  ])('still a completion: %j (%s)', (text) => {
    expect(read(text)).toMatchObject({ kind: 'setStatus', status: 'Complete' });
  });
});

describe('rule askingLeave: asking whether one may is not doing it', () => {
  test.each<[string, Command]>([
    ['can I sign off SG-6?', notChange('SG-6', 'askingLeave', 'Signed off')],
    ['can I sign off SG-6', notChange('SG-6', 'askingLeave', 'Signed off')],
    ['can I approve SG-13?', notChange('SG-13', 'askingLeave', 'approve')],
    ['can I decline SG-12?', notChange('SG-12', 'askingLeave', 'decline')],
    ['can we cancel SG-5?', notChange('SG-5', 'askingLeave', 'Cancelled')],
    ['could I cancel SG-5?', notChange('SG-5', 'askingLeave', 'Cancelled')],
    ['can I mark SG-9 complete?', notChange('SG-9', 'askingLeave', 'Complete')],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each<[string, Command]>([
    ['may I sign off SG-6?', notChange('SG-6', 'askingLeave', 'Signed off')],
    ['should I approve SG-13?', notChange('SG-13', 'askingLeave', 'approve')],
    ['shall we decline SG-12?', notChange('SG-12', 'askingLeave', 'decline')],
    ['is it ok to sign off SG-6?', notChange('SG-6', 'askingLeave', 'Signed off')],
    ['would it be ok to cancel SG-5?', notChange('SG-5', 'askingLeave', 'Cancelled')],
    ['am I allowed to sign off SG-6?', notChange('SG-6', 'askingLeave', 'Signed off')],
    ['do I need to approve SG-13?', notChange('SG-13', 'askingLeave', 'approve')],
    ['should we sign off SG-6 now?', notChange('SG-6', 'askingLeave', 'Signed off')],
    ['can I say SG-1 is complete?', notChange('SG-1', 'askingLeave', 'Complete')],
  ])('asked as a question of its own, read again as the decision: %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each<[string, Command]>([
    ['is SG-9 done by 31/12?', { kind: 'show', ref: 'SG-9' }],
    ['6a done?', { kind: 'show', ref: '6a', offer: 'Complete' }],
  ])('a question about the action is still answered with it: %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test('a question about a decision is still one: "should SG-4 be signed off?"', () => {
    expect(read('should SG-4 be signed off?')).toEqual({ kind: 'show', ref: 'SG-4' });
  });

  test.each<[string, Command['kind']]>([
    ['can you mark SG-4 complete?', 'setStatus'],
    ['can we push 3a to 15/02/2027? QA lead on long-term sick', 'delay'],
    ['AFI-1: can i have another 3 weeks? winter pressures', 'delay'],
    ['sign off SG-6', 'signOff'],
    ['cancel SG-5 because the service has been decommissioned', 'setStatus'],
  ])('a request is still one: %j', (text, kind) => {
    expect(read(text).kind).toBe(kind);
  });
});

describe('rule partial: part done is not done', () => {
  test.each<[string, Command]>([
    ['LAC-5 complete apart from the leaflet', notChange('LAC-5', 'partial', 'Complete')],
    ['SG-10 done in principle, waiting for the paperwork', notChange('SG-10', 'partial', 'Complete')],
    ['SG-9 done except for the final report', notChange('SG-9', 'partial', 'Complete')],
    ['SG-6 complete pending the final audit', notChange('SG-6', 'partial', 'Complete')],
    ['SG-12 done subject to legal approval', notChange('SG-12', 'partial', 'Complete')],
    ['SG-13 complete bar the training records', notChange('SG-13', 'partial', 'Complete')],
    ['LAC-6 finished other than the survey write-up', notChange('LAC-6', 'partial', 'Complete')],
    ['SG-10 done, waiting for the paperwork', notChange('SG-10', 'partial', 'Complete')],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each([
    'SG-9 done, waiting for sign-off',
    'SG-9 complete pending sign off',
    'LAC-5 complete, leaflet printed and sent out',
    'SG-9 done - evidence to follow',
  ])('still a completion: %j', (text) => {
    expect(read(text)).toMatchObject({ kind: 'setStatus', status: 'Complete' });
  });
});

describe('hearsay after the change: someone else’s word changes nothing, and reads as hearsay before it does', () => {
  test.each<[string, Command]>([
    ['SG-7 done, or so Lynne tells me', notChange('SG-7', 'hearsay', 'Complete')],
    ['SG-7 done according to Lynne', notChange('SG-7', 'hearsay', 'Complete')],
    ['SG-10 is done apparently', notChange('SG-10', 'hearsay', 'Complete')],
    ['SG-10 done, I’m told', notChange('SG-10', 'hearsay', 'Complete')],
    ['SG-7 at risk, or so Lynne tells me', notChange('SG-7', 'hearsay', 'At risk')],
    ['SG-6 signed off, according to Adele', notChange('SG-6', 'hearsay', 'Signed off')],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test('a change with no status or decision in it is still left, with the same words as before', () => {
    expect(read('SG-7 delayed to 31/03/2027, or so Lynne tells me')).toMatchObject({
      kind: 'unknown',
      problem: expect.stringMatching(/what someone else said/),
    });
  });

  test('a reason that quotes someone is still a reason', () => {
    expect(read('SG-13 at risk because Lynne says the venue is lost')).toMatchObject({
      kind: 'setStatus',
      status: 'At risk',
    });
  });
});

describe('questions and expectations offer no change', () => {
  test.each<[string, Command]>([
    ['LAC-5 done yet? no, still waiting on the advocacy contract', { kind: 'show', ref: 'LAC-5' }],
    ['SG-7 should be on track by now', { kind: 'show', ref: 'SG-7' }],
    ['SG-4 should be done by now', { kind: 'show', ref: 'SG-4' }],
    ['SG-1 ought to be complete by now', { kind: 'show', ref: 'SG-1' }],
    ['SG-12 should be at risk really', { kind: 'show', ref: 'SG-12' }],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each<[string, Command]>([
    ['6a done?', { kind: 'show', ref: '6a', offer: 'Complete' }],
    ['LAC-5 done yet?', { kind: 'show', ref: 'LAC-5', offer: 'Complete' }],
    ['SG-8 complete maybe', { kind: 'show', ref: 'SG-8', offer: 'Complete' }],
  ])('a plain question or an unsure change still offers it: %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('words before a change the grammar has no rule for: read again without them, the change is named, not made', () => {
  test.each<[string, Command]>([
    ['Lynne says SG-7 is complete', notChange('SG-7', 'hearsay', 'Complete')],
    ['apparently SG-13 is complete', notChange('SG-13', 'hearsay', 'Complete')],
    ["I'm told SG-5 is finished", notChange('SG-5', 'hearsay', 'Complete')],
    ['Isaiah reckons SG-12 is done', notChange('SG-12', 'hearsay', 'Complete')],
    ["I've heard SG-10 is complete", notChange('SG-10', 'hearsay', 'Complete')],
    ['Megan said SG-4 on track', notChange('SG-4', 'hearsay', 'On track')],
    ['SG-9 nearly done', notChange('SG-9', 'partial', 'Complete')],
    ['SG-11 almost complete', notChange('SG-11', 'partial', 'Complete')],
    ['LAC-8 all but finished', notChange('LAC-8', 'partial', 'Complete')],
    ['SG-5 mostly done', notChange('SG-5', 'partial', 'Complete')],
    // The date reader takes no day without its month ("the 18th"), so no day is named; it is still a plan.
    ['hoping to have SG-5 done by the 18th', notChange('SG-5', 'promise', 'Complete')],
    ['SG-5 expected to be complete by end of Q4', notChange('SG-5', 'promise', 'Complete')],
    ["I'm hoping to get SG-9 finished by Friday", notChange('SG-9', 'promise', 'Complete', '2026-12-04')],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each(['SG-9 nearly on track', 'hoping to have SG-5 on track'])(
    'only a completion is part done or planned; otherwise not understood: %j',
    (text) => {
      expect(read(text).kind).toBe('unknown');
    },
  );
});
