import { readNumber } from '../../src/domain/command-counts';
import { parseCommand } from '../../src/domain/command-grammar';
import { tokenize } from '../../src/domain/command-text';

/**
 * A bare number in a plan numbered 1, 2, 3 … (TESTER-3 item 1): a count is never read as a reference, so it never
 * completes or annotates that action; a number plainly naming an action still does.
 */
const TODAY = '2026-11-30';
const parse = (text: string) => parseCommand(text, TODAY);

/** What the first bare number typed reads as. */
function readingOf(text: string): string {
  const tokens = tokenize(text).map((t) => ({ ...t, ref: t.ref ?? (/^\d+$/.test(t.word) ? t.word : null) }));
  const at = tokens.findIndex((t) => /^\d+$/.test(t.word));
  return readNumber(tokens, at, text);
}

describe('what a bare number is', () => {
  test.each([
    // Named as a reference.
    ['action 3 done', 'ref'],
    ['item 3 on track', 'ref'],
    ['ref 5 finished 6 audits', 'ref'],
    // Nothing around it counts: the action.
    ['3 done', 'ref'],
    ['3 at risk: waiting for IT', 'ref'],
    ['show 3', 'ref'],
    ['done 3', 'ref'],
    ['finished 3.', 'ref'],
    ['finished 3 - report sent', 'ref'],
    ['note 3 spoke to the school', 'ref'],
    ['3 needs another month', 'ref'],
    ['history of 3', 'ref'],
    ['what about 3?', 'ref'],
    ['move 3 to 31/01/2027', 'ref'],
    // "of", "out of", "or" after it; the number after "of".
    ['done 5 of the 8 case audits', 'count'],
    ['done 3 of 5 reviews', 'count'],
    ['3 out of 5 schools', 'count'],
    ['3 or 4 schools booked', 'count'],
    // A noun it counts.
    ['finished 6 audits so far', 'count'],
    ['finished 7 audits so far this quarter', 'count'],
    ['3 audits done', 'count'],
    ['12 families seen this week', 'count'],
    ['trained 3 people', 'count'],
    ['delayed by 1 week', 'count'],
    // A date, a time, a share.
    ['done 5 March', 'count'],
    ['meeting at 3 pm', 'count'],
    ['5 / 8 done', 'count'],
    ['5 % up', 'count'],
    // A counting word before it.
    ['done the first 3', 'count'],
    ['another 2 booked', 'count'],
    ['nearly 40 done', 'count'],
    ['all 3 done', 'count'],
    // A tally, or a change word with more after it: either, so neither.
    ['3 done so far', 'unsure'],
    ['3 done, 2 to go', 'unsure'],
    ['done 3 today', 'unsure'],
    ['finished 3 by the team', 'unsure'],
  ])('%j: %s', (text, expected) => {
    expect(readingOf(text)).toBe(expected);
  });
});

describe('messages a tester sent about a plan with refs 3, 5, 6 and 7 change nothing', () => {
  test.each([
    ['done 5 of the 8 case audits', '5'],
    ['finished 6 audits so far', '6'],
    ['finished 7 audits so far this quarter', '7'],
    ['done 3 of 5 reviews', '3'],
    ['3 audits done', '3'],
    ['done 5 March', '5'],
  ])('%j is left, saying %s was read as a number', (text, n) => {
    expect(parse(text)).toEqual({
      kind: 'unknown',
      text,
      problem: `Nothing was changed: I read ${n} there as a number (a count or a date), not as action ${n}. If you meant action ${n}, name it as “action ${n}” and send it again.`,
    });
  });

  test.each([
    ['done 3 today', '3'],
    ['3 done so far', '3'],
  ])('%j may name the action: it asks, and changes nothing', (text, n) => {
    expect(parse(text)).toEqual({
      kind: 'unknown',
      text,
      problem: `Did you mean action ${n}? Nothing was changed. If you did, name it as “action ${n}” and send it again.`,
    });
  });

  // A ref with letters beside the count is still the action: the count is only not a second ref.
  test('"SG-4 at risk: 4 schools not booked" is SG-4, with the count in the comment', () => {
    expect(parse('SG-4 at risk: 4 schools not booked')).toMatchObject({ kind: 'setStatus', ref: 'SG-4' });
  });
});

describe('a bare number, then a completion with who did it, may be a tally: nothing changes (rule 5)', () => {
  const tally = (ref: string) => ({ kind: 'notChange', ref, why: 'tally', change: 'Complete', when: null });
  // "7 done by 3 staff" reads as "7 [audits] done by 3 staff" as well as action 7: not clearly a change.
  test.each([
    ['7 done by 3 staff', '7'],
    ['5 done by the team', '5'],
    ['3 completed by 2 auditors', '3'],
    ['7 done by Lynne', '7'],
    ['7 has been completed by the team', '7'],
    ['7 done by the team last week', '7'],
    ['7 finished by 3 staff, report sent', '7'],
  ])('%j changes nothing', (text, ref) => {
    expect(parse(text)).toEqual(tally(ref));
  });

  test.each([
    // A ref with letters can only be the action: "by the team" only says who did it (the corpus's changes keep
    // "SG-4 done by the team last week" too).
    ['SG-7 done by the team', { kind: 'setStatus', ref: 'SG-7', status: 'Complete', comment: 'by the team' }],
    // Named as a reference, a number is one.
    ['action 7 done by the team', { kind: 'setStatus', ref: 'action 7', status: 'Complete' }],
    ['#7 done by the team', { kind: 'setStatus', ref: '7', status: 'Complete' }],
    // "by" a time is when, read by the day-done and promise rules, not who.
    ['7 done by 20/11', { kind: 'setStatus', ref: '7', status: 'Complete', comment: 'by 20/11' }],
    ['7 done by the end of last week', { kind: 'setStatus', ref: '7', status: 'Complete' }],
    ['3 done by 2 pm', { kind: 'setStatus', ref: '3', status: 'Complete' }],
    ['7 done by Friday', { kind: 'notChange', ref: '7', why: 'promise' }],
    ['7 done', { kind: 'setStatus', ref: '7', status: 'Complete', comment: null }],
    // After the change word it was already unsure (rule 3).
    ['done 7 by the team', { kind: 'unknown', problem: expect.stringContaining('Did you mean action 7?') }],
  ])('%j', (text, expected) => {
    expect(parse(text)).toMatchObject(expected);
  });
});

describe('a number plainly naming an action still does', () => {
  test.each([
    ['3 done', { kind: 'setStatus', ref: '3', status: 'Complete' }],
    ['done 3', { kind: 'setStatus', ref: '3', status: 'Complete' }],
    ['action 3 done', { kind: 'setStatus', ref: 'action 3', status: 'Complete' }],
    ['#3 done', { kind: 'setStatus', ref: '3', status: 'Complete' }],
    ['show 3', { kind: 'show', ref: '3' }],
    ['#3', { kind: 'show', ref: '3' }],
    ['finished 3 - report sent', { kind: 'setStatus', ref: '3', comment: 'report sent' }],
    ['action 5 finished 6 audits so far', { kind: 'setStatus', ref: 'action 5', comment: '6 audits so far' }],
    ['note 3 spoke to the school', { kind: 'note', ref: '3', text: 'spoke to the school' }],
    ['3 at risk: 4 schools not booked', { kind: 'setStatus', ref: '3', comment: '4 schools not booked' }],
    ['3 delayed to 31/01/2027 because the trainer left', { kind: 'delay', ref: '3' }],
    ['3 measure 76%', { kind: 'measureValue', ref: '3', value: '76%' }],
    ['measure 2 of SG-1 88%', { kind: 'measureValue', ref: 'SG-1', measure: 2 }],
    // The demo's refs and bracketed ones are untouched by the rule.
    ['SG-4 done', { kind: 'setStatus', ref: 'SG-4' }],
    ['LAC-6 on track', { kind: 'setStatus', ref: 'LAC-6' }],
    ['6(a) done', { kind: 'setStatus', ref: '6(a)' }],
    ['6 (a) done', { kind: 'setStatus', ref: '6(a)' }],
  ])('%j', (text, expected) => {
    expect(parse(text)).toMatchObject(expected);
  });
});
