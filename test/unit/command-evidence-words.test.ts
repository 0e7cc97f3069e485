import { parseCommand } from '../../src/domain/command-grammar';

/** Evidence sent as a link with a reference, read by the grammar; and what is not plainly evidence. */
const TODAY = '2026-11-30';
const URL = 'https://contoso.sharepoint.com/sites/cs/audit.docx';
const read = (text: string) => parseCommand(text, TODAY);
const evidence = (ref: string, text: string) => ({ kind: 'evidence', ref, text });

describe('a message with one reference and one web link is evidence for that action', () => {
  test.each([
    [`here is the case file audit for LAC-7: ${URL}`, evidence('LAC-7', `here is the case file audit: ${URL}`)],
    [`Training records for LAC-7 - ${URL}`, evidence('LAC-7', `Training records - ${URL}`)],
    [`LAC-7 ${URL}`, evidence('LAC-7', URL)],
    [`lac7 ${URL}`, evidence('lac7', URL)],
    [`This is the trainng records one for LAC 7 ${URL}`, evidence('LAC 7', `This is the trainng records one ${URL}`)],
    [`sg-7 ${URL} signed copy`, evidence('sg-7', `${URL} signed copy`)],
    [`Finally got the audit written up! LAC-7 ${URL}`, evidence('LAC-7', `Finally got the audit written up! ${URL}`)],
    [`training register for action 6(a) ${URL}`, evidence('action 6(a)', `training register ${URL}`)],
    [
      `Can you log this against LAC-7 as the audit report please? ${URL}`,
      evidence('LAC-7', `Can you log this as the audit report please? ${URL}`),
    ],
    // The same reference twice is one action.
    [`LAC-7 audit for LAC-7 ${URL}`, evidence('LAC-7', `audit ${URL}`)],
    // A number in a date is not a second reference.
    [`LAC-7 audit from 3 Nov 2026 ${URL}`, evidence('LAC-7', `audit from 3 Nov 2026 ${URL}`)],
    // A link that is not a web address is read, so that the reply can say why it is not kept.
    [
      'here is the audit for LAC-7 file://server/qa/audit.docx',
      evidence('LAC-7', 'here is the audit file://server/qa/audit.docx'),
    ],
  ])('%s', (text, command) => {
    expect(read(text)).toEqual(command);
  });
});

describe('a link with a reference that is not plainly evidence changes nothing', () => {
  test.each([
    // Asking someone to do something else with it, or asking about it.
    `can you check ${URL} for LAC-7`,
    `could you review ${URL} for LAC-7 please`,
    `is ${URL} the right audit for LAC-7?`,
    // Not given yet, not the right one, or not wanted.
    `I'll send the audit for LAC-7 next week, draft at ${URL}`,
    `the link for LAC-7 ${URL} is broken`,
    `don't use ${URL} for LAC-7, it's the old version`,
    `LAC-7 audit ${URL} is the wrong file, ignore it`,
    `if you need it, LAC-7 audit ${URL}`,
    `the supplier says the audit for LAC-7 is at ${URL}`,
    `maybe this is the audit for LAC-7 ${URL}`,
    `LAC-7 ${URL} probably the training records`,
    // Something to read, passed on: not the action's evidence.
    `FYI guidance for LAC-7 ${URL}`,
    `useful background reading on LAC-7: ${URL}`,
    `interesting article re LAC-7 ${URL}`,
    // Two actions or two links: which evidence for which action is not guessed.
    `LAC-7 and SG-4 ${URL}`,
    `LAC-7 audit ${URL} and https://contoso.sharepoint.com/sites/cs/training.xlsx`,
    // A status with it is its own command, read by the status rules; here it follows other words.
    `here's the audit, LAC-7 is complete now ${URL}`,
    // A web link beside a link that is not one.
    `LAC-7 ${URL} or file://server/qa/audit.docx`,
  ])('%s', (text) => {
    expect(read(text).kind).not.toBe('evidence');
  });
});

describe('"evidence SG-4 …" without a link that says the evidence is not there to give changes nothing', () => {
  test.each([
    ['SG-2 evidence is on SharePoint in the QA folder somewhere, can’t find the link right now', null],
    ['evidence SG-4 to follow once the board has met', null],
    ['SG-4 evidence will be the signed minutes', null],
    [
      'R1 evidence - November reconciliation signed by the S151 officer',
      'November reconciliation signed by the S151 officer',
    ],
    ['evidence SG-4 minutes of 3 June', 'minutes of 3 June'],
    ['evidence SG-4 no complaints received in Q3', 'no complaints received in Q3'],
    [`SG-4 evidence is ${URL}`, URL],
  ])('%s', (text, given) => {
    const command = read(text);
    if (given === null) {
      expect(command).toMatchObject({
        kind: 'unknown',
        problem: expect.stringContaining('doesn’t give the evidence itself'),
      });
    } else {
      expect(command).toMatchObject({ kind: 'evidence', text: given });
    }
  });
});
