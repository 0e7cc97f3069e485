import { unusableAnswer } from '../../src/domain/reason-answer';

/**
 * What a reply to "Why is the date moving?" (or the reason for a cancel, or the new date) may be taken as
 * (src/domain/reason-answer.ts). Reasons as owners type them are taken; questions back and words that give
 * no reason never are, because a reason goes into the history and to the chairs.
 */
describe('reasons people give are taken', () => {
  test.each([
    'staff sickness',
    'had to check with legal first',
    'the board asked for more evidence',
    'ask the police for the data, they have not sent it',
    'the provider went bust',
    'waiting on legal',
    'because the board moved',
    'budget not agreed',
    'waiting for the supplier',
    'awaiting approval from the board',
    'delays in recruitment',
    'the contractor pulled out',
    'IT system outage',
    'Christmas',
    'the audit tool is broken',
    'trainer off sick',
    'the panel was cancelled',
    'legal review is taking longer than expected',
    'can’t recruit a project manager',
    "couldn't get the venue",
    "don't have the funding yet",
    'no budget until April',
    'no staff',
    'not enough staff',
    'not funded yet',
    'sorry, staff sickness',
    'ok so the provider went bust',
    'hi - waiting on legal',
    'thanks, waiting on legal',
    'not sure, the supplier hasn’t replied',
    'is waiting on legal sign-off',
    'has been held up by legal',
    'will be late because the data isn’t in',
    'was the board’s decision to wait',
    'are still waiting for the funding',
    'does not have a budget holder',
    'when the provider went bust we lost the venue',
    'waiting on legal (who knows when?)',
    'why? because the board moved it',
    'Ofsted visit moved to January',
    'new guidance from the DfE',
    'it’s waiting on the ICB',
    'school holidays',
    'the post is vacant',
    'we need the January data first',
    'SG-4 depends on SG-2 finishing',
    'member of staff on maternity leave',
  ])('%j', (reply) => {
    expect(unusableAnswer(reply)).toBeNull();
  });
});

describe('questions back are not reasons', () => {
  test.each([
    'sorry, who do I ask about this?',
    'what’s outstanding for me?',
    "what's overdue?",
    'who do I ask',
    'sorry who do I ask about this',
    'what do you mean',
    'why do you need a reason',
    'how do I cancel this',
    'where do I find the plan',
    'which one?',
    'is this going to the chairs',
    'can I ask Lynne first',
    'could you explain',
    'do I have to give a reason',
    'does it matter',
    'are you a bot',
    'will it be approved',
    'should I ask Megan',
    'when will it be decided',
    'when is the next board',
    'hi, can I check something',
    'staff sickness?',
    'is 18 Dec ok?',
    'who knows? 🙏',
    'quick question, who approves this',
  ])('%j', (reply) => {
    expect(unusableAnswer(reply)).toBe('question');
  });
});

describe('replies that give no reason are not reasons', () => {
  test.each([
    'hi',
    'hello there',
    'good morning',
    'thanks',
    'thank you',
    'ok',
    'OK thanks',
    'cheers',
    'yes',
    'no',
    'not sure',
    'no idea',
    'I don’t know',
    "i don't know",
    'dunno',
    'not sure yet',
    'no idea who to ask',
    'I’ll check and get back to you',
    'let me check',
    'hang on',
    'one sec',
    'n/a',
    'no reason',
    'sorry',
    // Sent to someone else (the second tester's replies that had gone to the chairs as reasons).
    'idk ask Megan',
    'ask Megan',
    'check with Lynne Robbins',
    'speak to Adele',
    '👍',
    '...',
    '',
    '   ',
  ])('%j', (reply) => {
    expect(unusableAnswer(reply)).toBe('noAnswer');
  });
});
