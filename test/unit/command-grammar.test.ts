import fc from 'fast-check';
import type { Command } from '../../src/domain/command';
import { answersQuestion, COMMAND_EXAMPLES, parseCommand } from '../../src/domain/command-grammar';
import { cleanCommandText } from '../../src/domain/command-text';
import { parseUkDate } from '../../src/domain/uk-date';
import { grammarChecks } from '../support/grammar';

const TODAY = '2026-06-15'; // a Monday
const { readsAs, readsAsKind } = grammarChecks(TODAY);

const help: Command = { kind: 'help' };
const cancel: Command = { kind: 'cancel' };
const mine = (which: 'all' | 'overdue' | 'dueSoon'): Command => ({ kind: 'myActions', which });
const overdue = (scope: { kind: 'for' | 'in'; text: string } | null = null): Command => ({ kind: 'overdue', scope });
const show = (ref: string): Command => ({ kind: 'show', ref });
const history = (ref: string): Command => ({ kind: 'history', ref });
type Settable = 'Not started' | 'On track' | 'At risk' | 'Complete' | 'Cancelled';
const status = (ref: string, s: Settable, comment: string | null = null): Command => ({
  kind: 'setStatus',
  ref,
  status: s,
  comment,
  evidence: null,
});
const dated = (text: string, date: string) => ({ text, date });
const badDate = (text: string) => ({ text, error: (parseUkDate(text, TODAY) as { error: string }).error });
type Answer =
  | ReturnType<typeof dated>
  | ReturnType<typeof badDate>
  | { text: string; later: { count: number; unit: 'day' | 'week' | 'month' } }
  | null;
const delayed = (ref: string, newDate: Answer, reason: string | null = null): Command => ({
  kind: 'delay',
  ref,
  newDate,
  reason,
  statusChange: true,
});
const moved = (ref: string, newDate: Answer, reason: string | null = null): Command => ({
  kind: 'delay',
  ref,
  newDate,
  reason,
  statusChange: false,
});
const evidence = (ref: string, text: string): Command => ({ kind: 'evidence', ref, text });
const note = (ref: string, text: string): Command => ({ kind: 'note', ref, text });
const signOff = (ref: string, comment: string | null = null): Command => ({ kind: 'signOff', ref, comment });
const approve = (ref: string, comment: string | null = null): Command => ({ kind: 'approve', ref, comment });
const approveDate = (ref: string, comment: string | null = null): Command => ({
  kind: 'decideDate',
  ref,
  decision: 'approve',
  comment,
});
const declineDate = (ref: string, comment: string | null = null): Command => ({
  kind: 'decideDate',
  ref,
  decision: 'decline',
  comment,
});
const decisions: Command = { kind: 'decisions' };
const bind = (planId: string): Command => ({ kind: 'bindPlan', planId });
const unknown = (text: string, problem: string | null = null): Command => ({ kind: 'unknown', text, problem });

/** The problem the grammar says back for `text`, which it must read as no command at all. */
const problemOf = (text: string) => {
  const command = parseCommand(text, TODAY);
  expect(command.kind).toBe('unknown');
  return command.kind === 'unknown' ? command.problem : null;
};

/** Each command with the ways people type it, as the rows [typed, command] of a table. */
const phrasings = (groups: [Command, string[]][]): [string, Command][] =>
  groups.flatMap(([command, typed]) => typed.map((text): [string, Command] => [text, command]));

describe('parseCommand understands', () => {
  test.each<[string, Command]>(
    phrasings([
      // help
      [help, ['help', 'Help', 'HELP!', '?', '??', 'what can you do', 'What can you do?', 'commands']],
      [{ kind: 'smallTalk', thanks: false }, ['hi', 'hello', 'Hello!', 'hey']], // a greeting gets a short hello, not the whole help card
      [help, ['help me', 'help please']],
      [unknown('hlep'), ['hlep']], // four letters: too short to forgive a typo
      [help, ['<at>Action Tracker</at> help', '@Action Tracker help']],
      // my actions
      [
        mine('all'),
        [
          'my actions',
          'My Actions',
          'my tasks',
          'mine',
          'show my actions',
          'list my actions',
          'show me my actions please',
          'my actoins',
          'what are my actions?',
          'what do i own',
          'my open actions',
          'hi, what have I got on?',
          'what have I got on this week',
          'hey what do I have on',
        ],
      ],
      [
        mine('overdue'),
        [
          'my overdue',
          'my overdue actions',
          'my late actions',
          "what's overdue for me",
          'whats overdue for me?',
          'which of my actions are overdue',
          'am i overdue on anything',
        ],
      ],
      [
        mine('dueSoon'),
        [
          'due soon',
          'my due soon',
          "what's due soon",
          'what is due soon?',
          'due this fortnight',
          'due in the next two weeks',
          'my actions due soon',
          "what's coming up",
        ],
      ],
      // overdue
      [
        overdue(),
        [
          "what's overdue",
          'whats overdue?',
          'what is overdue',
          'overdue',
          'Overdue.',
          'what is late',
          'who is late',
          "what's overdue for",
          "what's late",
          'show overdue',
          'overdue actions',
          "wat's overdue",
          'whta’s overdue',
          'overdeu',
          'ovrdue',
          'what actions are overdue?',
          'anything overdue',
          'list overdue actions',
          'whats   OVERDUE',
        ],
      ],
      [overdue({ kind: 'for', text: 'health' }), ["what's overdue for health"]],
      [overdue({ kind: 'for', text: 'Megan Bowen' }), ["what's overdue for Megan Bowen?"]],
      [overdue({ kind: 'in', text: 'safeguarding' }), ['overdue in safeguarding']],
      [overdue({ kind: 'in', text: 'looked after children' }), ["what's overdue in looked after children"]],
      [overdue({ kind: 'in', text: 'Safeguarding theme' }), ['overdue actions in the Safeguarding theme']],
      [overdue(), ['<at>Action Tracker</at> what&#39;s overdue', '<at>Action Tracker</at>&nbsp;what’s overdue?']],
      [overdue({ kind: 'for', text: 'health' }), ['@Action Tracker what\u2019s overdue for health']],
      [overdue(), ['<p><at>Action Tracker</at> whats overdue</p>', 'hi, what’s overdue?']],
      // show
      [show('SG-4'), ['show SG-4', 'SG-4']],
      [show('sg4'), ['sg4']],
      [show('Sg-4'), ['Sg-4']],
      [
        show('SG-4'),
        [
          'details SG-4',
          'detials SG-4',
          'what about SG-4',
          'what about SG-4?',
          'status of SG-4',
          'SG-4?',
          'SG-4 status',
          'SG-4 update',
          "what's the update on SG-4",
          'show me SG-4',
          'how is SG-4 going?',
          "what's the latest on SG-4",
        ],
      ],
      [show('LAC-10'), ['tell me about LAC-10']],
      [show('10.3.1'), ['10.3.1', 'show 10.3.1.']],
      [show('SG-I-1'), ['SG-I-1']],
      [show('3.2'), ['3.2']],
      [show('SG-4'), ['(SG-4)']],
      [show('SG 4'), ['SG 4']],
      [show('SG-4'), ['S\u200bG-4']],
      [show('sg4'), ['<at>Action Tracker</at> sg4']],
      [show('SG-4'), ['can you show SG-4 please', 'SG-4\u2019s status']],
      // history
      [history('SG-4'), ['history SG-4', 'history of SG-4', 'SG-4 history', 'show history SG-4']],
      [history('sg4'), ['show me the history of sg4']],
      [history('SG-4'), ['changes to SG-4', 'histroy SG-4', 'hsitory SG-4']],
      [history('sg-4'), ['histry sg-4']],
      [history('SG-4'), ['what changed on SG-4?']],
      [history('10.3.1'), ['History Of 10.3.1']],
      // setStatus
      [
        status('SG-4', 'Complete'),
        [
          'SG-4 done',
          'SG-4 done.',
          'SG-4 complete',
          'SG-4 completed',
          'SG-4 compelte',
          'mark SG-4 complete',
          'mark SG-4 as done',
        ],
      ],
      [status('sg4', 'Complete'), ['Mark sg4 as Done!']],
      [status('SG-4', 'Complete'), ['SG-4 is done', 'SG-4 has been completed', 'SG-4 finished']],
      [status('SG-4', 'On track'), ['SG-4 on track', 'SG-4 is on track', 'SG-4 in progress']],
      [status('SG-4', 'At risk'), ['SG-4 at risk']],
      [
        status('SG-4', 'At risk', 'waiting for IT'),
        [
          'SG-4 at risk: waiting for IT',
          'SG-4 at risk - waiting for IT',
          'SG-4 at risk – waiting for IT',
          'SG-4 at risk because waiting for IT',
          'SG-4 at risk, waiting for IT',
        ],
      ],
      [status('SG-4', 'At risk'), ['set SG-4 to at risk', 'SG-4 status: at risk']],
      [status('SG-4', 'On track'), ['update SG-4 to on track']],
      [status('SG-4', 'Not started'), ['SG-4 not started']],
      [status('SG-4', 'Cancelled'), ['SG-4 cancelled', 'SG-4 canceled', 'cancel SG-4']],
      [status('SG-4', 'Complete'), ['done SG-4']],
      [status('sg4', 'Complete'), ['completed sg4']],
      [status('SG-4', 'Complete'), ["I've finished SG-4"]],
      [status('10.3.1', 'Complete'), ['10.3.1 done']],
      [status('SG-4', 'Complete'), ['SG-4 done thanks', 'SG-4 Done ✅']],
      [status('SG-4', 'On track'), ['SG-4: on track']],
      [status('SG-4', 'On track', 'for March'), ['SG-4 on track for March']],
      [status('SG-4', 'Not started'), ['set status of SG-4 to not started']],
      [status('SG-4', 'At risk'), ['update SG-4 status to at risk']],
      [status('10.3.1', 'Complete', 'report filed'), ['mark 10.3.1 complete: report filed']],
      [status('SG 4', 'Complete'), ['SG 4 done']],
      [status('SG-4', 'Complete'), ['please mark SG-4 as complete', '<at>Action Tracker</at> SG-4 done']],
      [status('SG-4', 'Complete', 'all evidence uploaded'), ['SG-4 done\nall evidence uploaded']],
      // delay
      [
        delayed('SG-4', dated('30/09/2026', '2026-09-30'), 'supplier problems'),
        ['SG-4 delayed to 30/09/2026 because supplier problems'],
      ],
      [
        delayed('SG-4', dated('end of October', '2026-10-31'), 'supplier problems'),
        ['SG-4 delayed until end of October: supplier problems'],
      ],
      [
        delayed('SG-4', dated('30/09/2026', '2026-09-30'), 'supplier problems'),
        ['SG-4 delayed 30/09/2026 supplier problems'],
      ],
      [delayed('SG-4', null), ['SG-4 delayed', 'SG-4 is delayed']],
      [delayed('SG-4', null, 'supplier problems'), ['SG-4 delayed because supplier problems']],
      [delayed('SG-4', null, 'staff sickness'), ['SG-4 delayed due to staff sickness']],
      [delayed('SG-4', null, 'supplier problems'), ['SG-4 delayed, supplier problems']],
      [
        delayed('SG-4', dated('30 Sept', '2026-09-30'), 'supplier problems'),
        ['SG-4 delayed to 30 Sept, supplier problems'],
      ],
      [delayed('SG-4', dated('30/09/2026', '2026-09-30')), ['SG-4 delyaed to 30/09/2026']],
      [delayed('SG-4', null), ['mark SG-4 as delayed', 'SG-4 late']],
      [delayed('SG-4', dated('next Friday', '2026-06-26')), ['delay SG-4 to next Friday']],
      [delayed('SG-4', badDate('31/02/2026'), 'x'), ['SG-4 delayed to 31/02/2026 because x']],
      [delayed('SG-4', badDate('31/02/2026')), ['SG-4 delayed to 31/02/2026']],
      [delayed('SG-4', badDate('next week'), 'IT'), ['SG-4 delayed to next week because IT']],
      [delayed('SG-4', badDate('whenever')), ['SG-4 delayed until whenever']],
      [moved('SG-4', dated('end of October', '2026-10-31')), ['move SG-4 to end of October']],
      [
        moved('SG-4', dated('31/12/2026', '2026-12-31'), 'waiting for funding'),
        ['move SG-4 to 31/12/2026 because waiting for funding'],
      ],
      [
        moved('SG-4', dated('next Friday', '2026-06-26')),
        ['reschedule SG-4 to next Friday', 'reschedlue SG-4 to next Friday'],
      ],
      [moved('SG-4', dated('30/09/2026', '2026-09-30')), ['SG-4 new date 30/09/2026']],
      [moved('SG-4', dated('30 Sept', '2026-09-30')), ['push SG-4 back to 30 Sept', 'push back SG-4 to 30 Sept']],
      [moved('SG-4', null), ['move SG-4']],
      [moved('SG-4', dated('30 Sept', '2026-09-30')), ['move SG-4 to 30 Sept.']],
      [moved('SG-4', dated('1/10/2026', '2026-10-01')), ['change the due date of SG-4 to 1/10/2026']],
      [delayed('SG-4', dated('30/09/2026', '2026-09-30')), ['SG-4 delayed – new date 30/09/2026']],
      [delayed('SG-4', null, 'new supplier needed'), ['SG-4 delayed new supplier needed']],
      [delayed('SG-4', dated('30/09/2026', '2026-09-30'), 'supplier'), ['SG-4 delayed: 30/09/2026, supplier']],
      [delayed('SG-4', null, 'snow'), ['SG-4 is late because of snow']],
      [delayed('SG-4', dated('end of October', '2026-10-31')), ['SG-4 slipped to end of October']],
      [moved('SG-4', dated('next Friday', '2026-06-26')), ['reschedule SG-4 for next Friday']],
      [moved('SG-4', dated('1st October', '2026-10-01')), ['extend SG-4 until 1st October']],
      [moved('SG-4', dated('30/09/2026', '2026-09-30')), ['SG-4 now due 30/09/2026']],
      // "by 2 weeks" counts from the action's current due date, which the chat service knows.
      [delayed('SG-4', { text: 'by 2 weeks', later: { count: 2, unit: 'week' } }), ['SG-4 delayed by 2 weeks']],
      [delayed('SG-4', badDate('31 Feb'), 'x'), ['SG-4 delayed to 31 Feb because x']],
      [
        delayed('SG-4', null, 'the chair declined the first date'),
        ['SG-4 delayed because the chair declined the first date'],
      ],
      [
        moved('SG-4', dated('30/11/2026', '2026-11-30'), 'the approval was declined'),
        ['move SG-4 to 30/11/2026 because the approval was declined'],
      ],
      [moved('SG-4', dated('30/11/2026', '2026-11-30')), ['SG-4 new date 30/11/2026']],
      [status('SG-4', 'At risk', 'date request declined'), ['SG-4 at risk: date request declined']],
      [
        note('SG-4', 'the chair will approve the new date next week'),
        ['note SG-4 the chair will approve the new date next week'],
      ],
      [evidence('SG-4', 'approval letter from the board'), ['evidence SG-4 approval letter from the board']],
      [signOff('SG-4', 'approved at the board'), ['sign off SG-4 approved at the board']],
      // evidence
      [
        evidence('SG-4', 'https://example.com/report.pdf'),
        ['evidence SG-4 https://example.com/report.pdf', 'SG-4 evidence https://example.com/report.pdf'],
      ],
      [evidence('SG-4', 'audit report on SharePoint'), ['add evidence to SG-4: audit report on SharePoint']],
      [evidence('SG-4', 'minutes of 3 June'), ['evidnece SG-4 minutes of 3 June']],
      [
        evidence('SG-4', 'https://example.com/r.pdf'),
        ['evidence SG-4 <a href="https://example.com/r.pdf">https://example.com/r.pdf</a>'],
      ],
      [
        evidence('SG-4', 'audit report https://example.com/r.pdf'),
        ['evidence SG-4 <a href="https://example.com/r.pdf">audit report</a>'],
      ],
      [evidence('SG-4', 'Q&A log'), ['evidence SG-4 Q&amp;A log']],
      // note
      [
        note('SG-4', 'spoke to supplier'),
        [
          'note SG-4 spoke to supplier',
          'SG-4 note: spoke to supplier',
          'add note to SG-4 spoke to supplier',
          'add a note to SG-4: spoke to supplier',
          'update SG-4: spoke to supplier',
        ],
      ],
      [note('SG-4', 'chased finance'), ['comment SG-4 chased finance']],
      [note('SG-4', "Megan's team will ring back"), ['note SG-4 Megan&#39;s team will ring back']],
      // sign off
      [signOff('SG-4'), ['sign off SG-4', 'signoff SG-4', 'sign-off SG-4']],
      [signOff('sg4'), ['Sign Off sg4']],
      [signOff('SG-4'), ['SG-4 sign off', 'SG-4 signed off']],
      [signOff('SG-4', 'evidence checked'), ['sign off SG-4: evidence checked']],
      [signOff('SG-4'), ['sign SG-4 off', 'ready for sign off SG-4']],
      // approve: the new date waiting on the action, or else its sign-off (the chat service decides which)
      [approve('SG-6'), ['approve SG-6']],
      [approve('sg6'), ['Approve sg6']],
      [approve('SG-6'), ['aprove SG-6', 'approev SG-6']],
      [approve('SG 6'), ['approve SG 6']],
      [approve('SG-6'), ['approve SG-6 please', 'please approve SG-6', '<at>Action Tracker</at> approve SG-6']],
      [approve('SG-4'), ['SG-4 approved', 'SG-4 is approved']],
      [approve('SG-4', 'evidence checked'), ['approve SG-4 evidence checked']],
      [approve('SG-6', 'fine by me'), ['approve SG-6: fine by me']],
      // approving a new date, said as such
      [
        approveDate('SG-6'),
        [
          'approve new date for SG-6',
          'approve the new date for SG-6',
          "approve SG-6's new date",
          'approve SG-6’s new date',
          'approve SG-6 new date',
        ],
      ],
      [approveDate('sg6'), ['approve the date for sg6']],
      [
        approveDate('SG-6'),
        [
          'approve date SG-6',
          'approve the revised due date of SG-6',
          'approve the date request for SG-6',
          'approve SG-6 date request',
          'approve the extension for SG-6',
          'aprove new date for SG-6',
          'approve the new deadline for SG-6',
          'accept the new date for SG-6',
          'agree new date SG-6',
          'agreed new date for SG-6',
          'confirm the new date for SG-6',
          'yes to the new date for SG-6',
          'SG-6 new date approved',
          'SG-6 new date is approved',
          "SG-6's new date is OK",
          'new date for SG-6 approved',
          'the new date for SG-6 is approved',
        ],
      ],
      [approveDate('SG-6', 'agreed at the board'), ['approve new date for SG-6: agreed at the board']],
      [approveDate('SG-6'), ['please approve the new date for SG-6 thanks']],
      // declining a new date
      [declineDate('SG-6'), ['decline SG-6']],
      [declineDate('sg6'), ['Decline sg6']],
      [declineDate('SG-6', 'the inspection date is fixed'), ['decline SG-6 because the inspection date is fixed']],
      [
        declineDate('SG-6', 'not justified'),
        ['decline new date SG-6: not justified', 'decline the new date for SG-6 - not justified'],
      ],
      [
        declineDate('SG-6', 'the inspection date is fixed'),
        ['decline SG-6’s new date as the inspection date is fixed'],
      ],
      [declineDate('SG-6', 'not justified'), ['decline SG-6 reason: not justified']],
      [
        declineDate('SG-6', 'the inspection'),
        ['decline SG-6 due to the inspection', 'decline SG-6 because of the inspection'],
      ],
      [declineDate('SG-6'), ['decline SG-6 thanks']],
      [declineDate('SG-6', 'ascertained by the board'), ['decline SG-6 ascertained by the board']],
      [declineDate('SG-6', 'the board wants it by March'), ['decline SG-6, the board wants it by March']],
      [declineDate('SG-6'), ['delcine SG-6', 'declne SG-6', 'reject SG-6', 'reject the date change for SG-6']],
      [declineDate('SG-6', 'too late'), ['refuse the extension for SG-6: too late']],
      [declineDate('SG-6'), ['turn down the new date for SG-6', "don't approve the new date for SG-6"]],
      [declineDate('SG-6', 'it is fixed'), ['do not approve SG-6 because it is fixed']],
      [declineDate('SG-6'), ['no to the new date for SG-6', 'SG-6 declined']],
      [declineDate('SG-6', 'not justified'), ['SG-6 new date declined: not justified']],
      [declineDate('SG-6'), ['SG-6 date rejected']],
      [declineDate('SG-6', 'the date is fixed'), ['new date for SG-6 rejected because the date is fixed']],
      [declineDate('SG-6', 'SG-7 must finish first'), ['decline SG-6 because SG-7 must finish first']],
      // what waits for a decision
      [
        decisions,
        [
          'decisions',
          'my decisions',
          'pending decisions',
          'dates to decide',
          'date requests to approve',
          'new dates to approve',
          "what's waiting for approval",
          'what needs my approval?',
          'approvals',
          'decsions',
        ],
      ],
      // bind plan
      [
        bind('ofsted-2011'),
        [
          'use plan ofsted-2011 here',
          'use plan ofsted-2011',
          'use plan Ofsted-2011 here please',
          'bind plan ofsted-2011',
          'this channel is plan ofsted-2011',
          'use plan ofsted-2011 in this channel',
          '<at>Action Tracker</at> use plan ofsted-2011 here',
          'bind this channel to plan ofsted-2011',
        ],
      ],
      // cancel
      [cancel, ['cancel', 'Cancel.', 'stop', 'never mind', 'nevermind', 'forget it', 'cancle']],
    ]),
  )('%j', readsAs);
});

describe('parseCommand does not guess', () => {
  test.each([
    'hello there how are you',
    'SG-4 banana',
    'SG-4 closed',
    '',
    "' or 1 eq 1",
    '${7*7}',
    '[link](http://x)',
    '1st',
    '10am',
    'SG/4',
    'delete SG-4',
    'what is the weather',
    'my',
    'sign here',
    'no',
    'SG-4 SG-5 done',
    'my actions for health',
    'who approved SG-4',
    'refused planning permission', // an answer to "why is it delayed?"
    'decline in referrals',
    'the new date was declined',
    // Everyday text about an action that is not a decision on its new date.
    'SG-4 was refused planning permission',
    'SG-4 is denied access to the system',
  ])('%j is not understood, and is said back as typed', (text) => {
    expect(parseCommand(text, TODAY)).toEqual(unknown(text));
  });

  test.each<[string, Command]>([
    ['   \n\t ', unknown('')],
    ['👍', { kind: 'smallTalk', thanks: true }], // a reaction, answered in kind; it changes nothing
    ['\u0000\u0007\u001b\u0085', unknown('')],
    ['\u001b[31m', unknown('[31m')],
    ['<script>alert(1)</script>', unknown('alert(1)')],
    ['&lt;script&gt;', unknown('<script>')],
  ])('%j', readsAs);

  test.each<[string, RegExp]>([
    ['show', /^Which action\? For example: show SG-4/],
    ['history', /^Which action\? For example: history SG-4/],
    ['history of', /history SG-4/],
    ['sign off', /^Which action\? For example: sign off SG-4/],
    ['signoff', /sign off SG-4/],
    ['approve', /^Which action\? For example: approve SG-4/],
    ['aprove', /approve SG-4/],
    ['approve new date', /approve SG-4/],
    ['approve everything', /approve SG-4/],
    ['accept the new date', /approve SG-4/],
    ['decline', /^Which action\? For example: decline SG-4 because/],
    ['decline the new date', /decline SG-4/],
    ['turn down the request', /decline SG-4/],
    ['reject', /decline SG-4/],
    ['approve new dat for SG-6', /approve SG-4/], // "dat": four letters, too short to forgive
    ['approve SG-6 and SG-7', /^One action at a time, please: approve SG-6/],
    ['approve SG-6, SG-7', /^One action at a time/],
    ['decline SG-6 SG-7', /^One action at a time, please: decline SG-6/],
    ['approve the new date for SG-6 and SG-7', /^One action at a time/],
    ['evidence', /^Which action\? For example: evidence SG-4/],
    ['evidence https://example.com/x', /^Which action\?/],
    ['evidence SG-4', /^What is the evidence\?/],
    ['note', /^Which action\?/],
    ['note SG-4', /^What should the note say\?/],
    ['SG-4 note', /^What should the note say\?/],
    ['mark SG-4', /^What status\?/],
    ['mark SG-4 as banana', /^What status\?/],
    ['delay', /^Which action\?/],
    ['move to end of October', /^Which action\?/],
    ['use plan', /^Which plan\?/],
    ['use plan here', /^Which plan\?/],
    ['use plan ofsted 2011 here', /^Which plan\?/],
    ['details', /^Which action\?/],
    ['what is the status', /^Which action\?/],
  ])('%j → unknown with a problem', (text, problem) => {
    const command = parseCommand(text, TODAY);
    expect(command).toMatchObject({ kind: 'unknown', problem: expect.stringMatching(problem) });
  });

  test('echoes at most 200 characters of unknown text', () => {
    const command = parseCommand(`${'blah '.repeat(100)}`, TODAY);
    expect(command.kind).toBe('unknown');
    if (command.kind === 'unknown') expect([...command.text].length).toBeLessThanOrEqual(200);
  });

  test.each([
    ['100 KB of a', 'a'.repeat(100_000)],
    ['100 KB of words', 'SG-4 done '.repeat(10_000)],
    ['a long note', `note SG-4 ${'x'.repeat(3_000)}`],
    ['100 KB of <', '<'.repeat(100_000)],
  ])('refuses %s as too long, quickly', (_, text) => {
    const started = Date.now();
    const command = parseCommand(text, TODAY);
    expect(Date.now() - started).toBeLessThan(500);
    expect(command).toMatchObject({ kind: 'unknown', problem: expect.stringMatching(/^That message is too long/) });
    if (command.kind === 'unknown') expect(command.text.length).toBeLessThanOrEqual(200);
  });

  test('an invalid today is not an exception', () => {
    expect(parseCommand('SG-4 delayed to 30/09/2026', 'not a date')).toMatchObject({ kind: 'unknown' });
  });

  test('a non-string is not an exception', () => {
    expect(parseCommand(undefined as unknown as string, TODAY)).toEqual(unknown(''));
  });
});

describe('COMMAND_EXAMPLES', () => {
  test('one example for each kind of command, each understood', () => {
    const kinds = COMMAND_EXAMPLES.map((e) => parseCommand(e, TODAY).kind);
    expect(kinds).not.toContain('unknown');
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(
      [
        'bindPlan',
        'cancel',
        'delay',
        'evidence',
        'help',
        'history',
        'myActions',
        'note',
        'overdue',
        'setStatus',
        'show',
        'signOff',
        'approve',
        'decideDate',
        'decisions',
      ].sort(),
    );
  });
});

/** Every kind of command, checked by the compiler: a kind added to Command and missing here fails to compile. */
const EVERY_KIND: Record<Command['kind'], true> = {
  help: true,
  myActions: true,
  overdue: true,
  show: true,
  history: true,
  setStatus: true,
  askRed: true,
  delay: true,
  evidence: true,
  measureValue: true,
  measures: true,
  note: true,
  signOff: true,
  approve: true,
  decideDate: true,
  decisions: true,
  bindPlan: true,
  cancel: true,
  smallTalk: true,
  unknown: true,
  notChange: true,
};
const KINDS = Object.keys(EVERY_KIND);

describe('parseCommand is total', () => {
  const words = fc.constantFrom(
    'SG-4',
    'sg4',
    '10.3.1',
    'done',
    'delayed',
    'to',
    'because',
    'at',
    'risk',
    'history',
    'show',
    'note',
    'evidence',
    'sign',
    'off',
    'approve',
    'decline',
    'new',
    'date',
    'decisions',
    'overdue',
    'for',
    'in',
    'my',
    'plan',
    'use',
    '30/09/2026',
    'end',
    'of',
    'October',
    ':',
    '-',
    '?',
    '<at>',
    '</at>',
    '&nbsp;',
    '&#39;',
    '\u2019',
    '\u200b',
    'https://x.y/z',
    '31/02/2026',
    'next',
    'Friday',
  );
  const phrase = fc.array(words, { maxLength: 12 }).map((w) => w.join(' '));
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    phrase,
    fc.tuple(phrase, fc.string({ unit: 'binary' })).map(([a, b]) => a + b),
    fc.string({
      unit: fc.constantFrom('<', '>', '&', ';', '#', 'a', ' ', '/', '-', '1'),
      minLength: 1000,
      maxLength: 30_000,
    }),
  );

  test('never throws, always answers with a known kind', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const command = parseCommand(text, TODAY);
        expect(KINDS).toContain(command.kind);
        if (command.kind === 'unknown') {
          expect([...command.text].length).toBeLessThanOrEqual(200);
          expect(command.problem ?? '').not.toMatch(/^Sorry/); // the safety net never had to catch anything
        }
        if ('ref' in command) expect(command.ref.trim()).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('answersQuestion: while a delay question waits, what is the answer and what is a new command', () => {
  test.each<[text: string, answers: boolean]>([
    ['delays in recruitment', true],
    ['awaiting approval', true],
    ['waiting for a decision from the board', true],
    ['staff sickness', true],
    ['because SG-3 has to finish first', true],
    ['30/01/2027', true],
    ['<at>Action Tracker</at> the supplier went bust', true],
    ['note SG-4', false],
    ['approve SG-5 and SG-6', false],
    ['SG-4 done', false],
    ['help', false],
    ['my actions', false],
    ["what's overdue", false],
    ['use plan ofsted-2011 here', false],
    // Plainly another command: answered as that command, not read as a date or a reason.
    ['report', false],
    ['committee report for ofsted-2011 please', false],
    ['decisions', false],
    ['pending decisions', false],
    ['what needs deciding', false],
    ['awaiting approval?', false],
    ['measures', false],
    ['performance book', false],
    ['show SG-4', false],
    ['history SG-4', false],
    ['my plans', false],
    ['summary', false],
    ['what has slipped this month?', false],
    ['whats changed', false],
    ['undo', false],
    ['cancel', false],
    // Reasons that share a question's words stay reasons.
    ['pending approval from the board', true],
    ['the supplier slipped', true],
    ['slippage in procurement', true],
    ['due to staff sickness this month', true],
    ['changes in the supplier team', true],
    ['end of next month', true],
  ])('%j → %s', (text, answers) => {
    expect(answersQuestion(parseCommand(text, TODAY), text, TODAY)).toBe(answers);
  });

  test.each([
    ['<at>Action Tracker</at> delays&nbsp;in   recruitment', 'delays in recruitment'],
    ['x'.repeat(500), 'x'.repeat(500)],
  ])('the answer is the text made plain, not shortened: %#', (text, plain) => {
    expect(cleanCommandText(text)).toBe(plain);
  });
});

describe('a question or a putting-off is never taken as a decision', () => {
  test.each([
    ['SG-4 approved?', /reads as a question.*approve SG-4/],
    ['SG-4 date approved?', /reads as a question.*approve the new date for SG-4/],
    ['SG-4 request declined?', /reads as a question.*decline SG-4 because/],
    ['SG-4 signed off?', /reads as a question.*sign off SG-4/],
    ["don't approve SG-4 yet", /Nothing was decided: the new date for SG-4 still waits/],
    ['do not approve the new date for SG-4 for now', /Nothing was decided/],
  ])('%j', (text, problem) => {
    expect(problemOf(text)).toMatch(problem);
  });
});

describe('approving sets the date the owner asked for, so an approval naming a date of its own is not carried out', () => {
  test.each([
    ['agree SG-4 new date 31/01/2027', '31/01/2027'],
    ['grant SG-4 extension to 31/01/2027', '31/01/2027'],
    ['approve the new date for SG-4 of 15/12/2026', '15/12/2026'],
    ['approve SG-4 to end of December', 'end of December'],
  ])('%j', (text, date) => {
    expect(problemOf(text)).toBe(
      `Approving sets the date the owner asked for, so nothing was changed. To approve it: approve SG-4. To set ${date} instead: move SG-4 to ${date} because …`,
    );
  });

  test.each<[string, Command]>([
    ['approve SG-4 because the panel agreed it on 30/11/2026', approve('SG-4', 'the panel agreed it on 30/11/2026')],
    ['decline SG-4 because the inspection is on 30/11/2026', declineDate('SG-4', 'the inspection is on 30/11/2026')],
  ])('a date in a reason is only a reason: %j', readsAs);
});

describe('an unsure change is answered like a question: the action shown and the change offered, nothing changed', () => {
  const asked = (ref: string, offer: string): Command => ({ kind: 'show', ref, offer }) as Command;
  test.each<[string, Command]>([
    ['sg4 complete i think, we sent the reports out last week', asked('sg4', 'Complete')],
    ['SG-8 complete maybe', asked('SG-8', 'Complete')],
    ['LAC-7 done, not sure though', asked('LAC-7', 'Complete')],
    // "SG-4 should be done by now" is what ought to be so, and offers nothing: see command-not-change.test.ts.
    ['SG-4 probably done', asked('SG-4', 'Complete')],
    ['SG-4 is done probably', asked('SG-4', 'Complete')],
    ['SG-4 done I think', asked('SG-4', 'Complete')],
    ['SG-4 is done i believe', asked('SG-4', 'Complete')],
    ['SG-4 complete (i think)', asked('SG-4', 'Complete')],
    ['I think SG-4 is done', asked('SG-4', 'Complete')],
    ['pretty sure SG-4 is done', asked('SG-4', 'Complete')],
    ["I'm not sure SG-4 is done", asked('SG-4', 'Complete')],
    ['SG-4 done, fingers crossed', asked('SG-4', 'Complete')],
    ['SG-4 hopefully on track', asked('SG-4', 'On track')],
    ['SG-4 on track hopefully', asked('SG-4', 'On track')],
    ['SG-4 on track i think, the team is in place', asked('SG-4', 'On track')],
    ['SG-4 at risk i think', asked('SG-4', 'At risk')],
    ['SG-4 at risk: probably', asked('SG-4', 'At risk')],
    ['sign off SG-4 maybe', asked('SG-4', 'Signed off')],
  ])('%j', readsAs);

  test.each([
    ['SG-4 delayed to 30/01/2027 maybe', '“maybe” sounds unsure'],
    ['approve SG-4 i think', '“i think” sounds unsure'],
    ['decline SG-4 probably', '“probably” sounds unsure'],
  ])('a date or a decision said unsurely is left, and why is said: %j', (text, why) => {
    expect(parseCommand(text, TODAY)).toEqual(
      unknown(text, `I’ve left SG-4 as it is: ${why}. When you’re sure, send it again without that.`),
    );
  });

  test.each(['probably done', 'hopefully on track', 'should be done by now', 'I think SG-4 is not done'])(
    'with no action named, or a negation, nothing is offered: %j',
    (text) => {
      expect(parseCommand(text, TODAY)).toEqual(unknown(text));
    },
  );

  test.each<[string, Command]>([
    ['SG-4 at risk: i think the supplier will be late', status('SG-4', 'At risk', 'i think the supplier will be late')],
    [
      "SG-4 delayed to 30/01/2027 because the supplier probably can't deliver",
      delayed('SG-4', dated('30/01/2027', '2027-01-30'), "the supplier probably can't deliver"),
    ],
    ['note SG-4 supplier probably late', note('SG-4', 'supplier probably late')],
    ['SG-4 done', status('SG-4', 'Complete')],
  ])('an unsure reason, a note or a plain status is still what was said: %j', readsAs);
});

describe('"undo" is a cancel, never a change; an action it names is kept for the reply’s example', () => {
  test.each<[string, Command]>(
    phrasings([
      [cancel, ['undo that', 'oops undo that please', 'revert that']],
      [
        { kind: 'cancel', named: 'LAC-7' },
        [
          'undo that, LAC-7 is not done',
          'undo LAC-7',
          'revert LAC-7 to not started',
          'undo the last change to LAC-7',
          'put it back, LAC-7 should be not started',
        ],
      ],
      // Without an action these may answer a question the bot asked about a date or a reason.
      [unknown('put it back a week'), ['put it back a week']],
      [unknown('reversed by the board'), ['reversed by the board']],
    ]),
  )('%j', readsAs);
});

describe('a reason explains a change: its words do not make the change reported, conditional or negated', () => {
  test.each<[string, Command['kind']]>([
    ['sign off LAC-6 anyway because the board heard from foster carers', 'signOff'],
    ['SG-4 delayed 2 weeks because staff would be on leave', 'delay'],
    ['SG-4 done because honestly it was finished last week', 'setStatus'],
    ['LAC-7 evidence https://contoso.sharepoint.com/sites/cs/not-started.pdf', 'evidence'],
    // The change itself still may not be reported, conditional or negated.
    ['Megan said SG-4 done because the audit passed', 'notChange'],
    ['SG-4 done if the audit passes because the board asked', 'unknown'],
    ['SG-4 not done because of the audit', 'unknown'],
  ])('%j', readsAsKind);
});

describe('needing more time is being behind: the action is marked delayed as the new date is asked for', () => {
  test.each<[string, Command]>([
    [
      'SG-12 needs another month, the board meeting moved',
      {
        kind: 'delay',
        ref: 'SG-12',
        newDate: { text: 'another month', later: { count: 1, unit: 'month' } },
        reason: 'the board meeting moved',
        statusChange: true,
      },
    ],
    [
      '4(a) needs another 2 weeks',
      {
        kind: 'delay',
        ref: '4(a)',
        newDate: { text: 'another 2 weeks', later: { count: 2, unit: 'week' } },
        reason: null,
        statusChange: true,
      },
    ],
  ])('%j', (text, expected) => {
    expect(parseCommand(text, TODAY)).toEqual(expected);
  });
});
