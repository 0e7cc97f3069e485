import { closestCommands, isFor, looksLikeQuestion } from '../../src/domain/command-help';
import { parseCommand } from '../../src/domain/command-grammar';
import { oneRef } from '../../src/domain/example-ref';
import { Role } from '../../src/domain/types';
import { COMMANDS, helpReply } from '../../src/services/chat/help';
import { closestCommandsHint } from '../../src/services/chat/unknown-hints';

const OWNER = new Set<Role>();
const CHAIR = new Set<Role>(['chair']);
const ADMIN = new Set<Role>(['admin']);

describe('help shows the commands for the person’s role', () => {
  const examples = (roles: Set<Role>) => {
    const reply = helpReply(roles);
    return reply.kind === 'card'
      ? (reply.data as { commands: { example: string }[] }).commands.map((c) => c.example)
      : [];
  };
  test.each<[string, Set<Role>, string[], string[]]>([
    [
      'an owner',
      OWNER,
      ['my actions', 'SG-4 done', 'evidence SG-4 https://…'],
      ['sign off SG-4', 'decisions', 'use plan ofsted-2011 here'],
    ],
    ['a chair', CHAIR, ['my actions', 'sign off SG-4', 'approve SG-4', 'decisions'], ['use plan ofsted-2011 here']],
    ['an administrator', ADMIN, ['sign off SG-4', 'use plan ofsted-2011 here'], []],
  ])('%s', (_, roles, shown, hidden) => {
    const all = examples(roles);
    for (const e of shown) expect(all).toContain(e);
    for (const e of hidden) expect(all).not.toContain(e);
  });

  test('every command is for someone', () => {
    for (const c of COMMANDS) expect(isFor(c.audience, new Set<Role>(['admin']))).toBe(true);
  });
});

describe('a message it cannot read gets the closest commands the person may use', () => {
  test.each<[string, Set<Role>, string[]]>([
    ['evidnce for SG-4 blah', OWNER, ['evidence SG-4 https://…']],
    ['SG-4 histroy plz', OWNER, ['history SG-4']],
    ['sg4 finsihed', OWNER, ['SG-4 done']],
    ['give me the proof', OWNER, ['evidence SG-4 https://…']],
    ['aprove SG-4', CHAIR, ['approve SG-4']],
    ['aprove SG-4', OWNER, []],
    ['bind the channel', ADMIN, ['use plan ofsted-2011 here']],
    ['blah blah', CHAIR, []],
    // A figure is most likely a measure's value: that example comes first, whatever else the words matched.
    ['81% of families got their plan in time in November', OWNER, ['SG-4 measure 76%', 'my plans']],
    ['the figure was 80 percent', OWNER, ['SG-4 measure 76%']],
    ['we finished 17 of them', OWNER, ['SG-4 measure 76%', 'SG-4 done']],
    // A date or a ref is no figure.
    ['might slip to 31/12', OWNER, ['SG-4 delayed to end of March because supplier problems']],
    ['sg4 finsihed', OWNER, ['SG-4 done']],
  ])('%j as %p', (text, roles, expected) => {
    expect(closestCommands(text, COMMANDS, roles).map((c) => c.example)).toEqual(expected);
  });
});

describe('a question it cannot read is pointed at questions before changes', () => {
  const examples = (text: string) => closestCommands(text, COMMANDS, OWNER).map((c) => c.example);
  test.each<[string, string[]]>([
    [
      'so where are we with all the safeguarding stuff, are we behind on the dates or what?',
      ["what's overdue", 'show SG-4', 'SG-4 delayed to end of March because supplier problems'],
    ],
    [
      'can you delay it?',
      ["what's overdue", 'how are we doing', 'SG-4 delayed to end of March because supplier problems'],
    ],
    ['are we on track overall', ['how are we doing', "what's overdue", 'SG-4 done']],
  ])('%j', (text, expected) => {
    expect(examples(text)).toEqual(expected);
  });

  test('the same words not asked as a question keep the closest change first', () => {
    expect(examples('you delay it')[0]).toBe('SG-4 delayed to end of March because supplier problems');
  });

  test.each([['so where are we?'], ['How are things'], ["what's up"], ['anything new']])(
    '%j reads as a question',
    (text) => {
      expect(looksLikeQuestion(text)).toBe(true);
    },
  );
  test.each([['SG-4 done'], ['gimme teh proof thingy'], ['somehow late']])('%j does not', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});

test.each<[string, string | undefined, string]>([
  ['evidnce thingy', undefined, ' The closest commands: "evidence SG-4 https://…".'],
  ['evidnce thingy', 'LAC-5', ' The closest commands: "evidence LAC-5 https://…".'],
  ['the figure was 80 percent', 'SG-2', ' The closest commands: "SG-2 measure 76%".'],
  ['blah blah', 'SG-2', ''],
])('the hint for %j names the action the message seems to mean (%s) in its examples', (text, ref, hint) => {
  expect(closestCommandsHint(text, OWNER, ref === undefined ? undefined : oneRef(ref))).toBe(hint);
});

describe('the examples never go stale', () => {
  // A suggestion the bot would refuse as a date already gone is worse than none.
  test.each(['2026-11-30', '2027-03-31', '2027-04-01', '2027-12-31', '2031-06-15'])('on %s', (today) => {
    const dates = COMMANDS.map(({ example }) => parseCommand(example, today)).flatMap((command) =>
      command.kind === 'delay' && command.newDate && 'date' in command.newDate ? [command.newDate.date] : [],
    );
    expect(dates.length).toBeGreaterThanOrEqual(2);
    for (const date of dates) expect(date >= today).toBe(true);
  });
});
