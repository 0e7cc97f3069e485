import { changeLine, historyByline, historyLines, namesIn } from '../../src/domain/history-lines';
import { diffActions } from '../../src/domain/history';
import { FieldChange, HistoryEntry } from '../../src/domain/types';
import { anAction } from '../support/builders';

const NAMES: Record<string, string> = { 'alexw@example.com': 'Alex Wilber', 'meganb@example.com': 'Megan Bowen' };
const nameOf = (email: string) => NAMES[email] ?? email;

const entry = (changes: FieldChange[], more: Partial<HistoryEntry> = {}): HistoryEntry => ({
  planId: 'p',
  ref: 'SG-4',
  at: '2026-11-30T09:15:00.000Z',
  by: 'alexw@example.com',
  via: 'chat',
  changes,
  comment: null,
  ...more,
});

describe('changeLine', () => {
  test.each<[description: string, change: FieldChange, line: string]>([
    ['a date set', { field: 'revisedDueDate', from: null, to: '2027-01-31' }, 'Revised due date: 31 Jan 2027'],
    [
      'a date moved',
      { field: 'revisedDueDate', from: '2026-10-05', to: '2027-01-31' },
      'Revised due date: 5 Oct 2026 → 31 Jan 2027',
    ],
    ['a status', { field: 'status', from: 'Not started', to: 'Complete' }, 'Status: Not started → Complete'],
    [
      'an owner by name, or email when unknown',
      { field: 'owner', from: 'alexw@example.com', to: 'someone@example.com' },
      'Owner: Alex Wilber → someone@example.com',
    ],
    ['a value removed', { field: 'theme', from: 'Safeguarding', to: null }, 'Theme: removed (was Safeguarding)'],
    [
      'a date request, its date read as a date',
      { field: 'dateRequest', from: null, to: '2027-01-31: supplier late' },
      'New date requested: 31 Jan 2027 (supplier late)',
    ],
    [
      'a date request settled',
      { field: 'dateRequest', from: '2027-01-31: supplier late', to: null },
      'New date requested: 31 Jan 2027 (supplier late), no longer waiting',
    ],
    [
      'only the new latest update',
      { field: 'latestUpdate', from: 'old words', to: 'new words' },
      'Latest update: new words',
    ],
  ])('%s', (_d, change, line) => {
    expect(changeLine(change, nameOf)).toBe(line);
  });
});

describe('historyLines', () => {
  test('a person is named; the change says how it was made', () => {
    const read = historyLines(entry([{ field: 'status', from: 'On track', to: 'Complete' }]), nameOf);
    expect(read).toEqual({ who: 'Alex Wilber', how: 'in chat', lines: ['Status: On track → Complete'], comment: null });
    expect(historyByline(read)).toBe('Alex Wilber · in chat');
  });

  test('the first import is one line, and the import is not a person', () => {
    const read = historyLines(
      entry(diffActions(null, anAction()), { by: 'demo-seed', via: 'import', comment: 'Imported from plan.csv' }),
      nameOf,
    );
    expect(read.lines).toEqual(['Imported: due 30 Sep 2026, owner Alex Wilber (Council), not started']);
    expect(historyByline(read)).toBe('import');
    expect(read.comment).toBe('Imported from plan.csv');
  });

  test('a later import that only fills empty fields (a measure’s target) lists them, never reads as the first import', () => {
    const changes: FieldChange[] = [{ field: 'measures.1.target', from: null, to: '95%' }];
    const read = historyLines(entry(changes, { by: 'demo-seed', via: 'import' }), nameOf);
    expect(read.lines).toHaveLength(1);
    expect(read.lines[0]).not.toMatch(/^Imported/);
    expect(read.lines[0]).toMatch(/95%/);
  });

  test.each<[by: string, via: HistoryEntry['via'], byline: string]>([
    ['cli:root', 'import', 'cli:root · import'],
    ['cli:jo', 'cli', 'cli:jo · command line'],
    ['alexw@example.com', 'import', 'Alex Wilber · import'],
    ['demo-seed', 'import', 'import'],
    ['reminders', 'job', 'automatic'],
  ])('an import names who ran it (the --by default, cli:<account>), never nobody: %s by %s', (by, via, byline) => {
    const changes: FieldChange[] = [{ field: 'title', from: 'Old', to: 'New' }];
    expect(historyByline(historyLines(entry(changes, { by, via }), nameOf))).toBe(byline);
  });

  test('a later import lists what it changed', () => {
    const changes: FieldChange[] = [{ field: 'originalDueDate', from: '2026-09-30', to: '2026-10-31' }];
    expect(historyLines(entry(changes, { by: 'meganb@example.com', via: 'import' }), nameOf)).toMatchObject({
      who: 'Megan Bowen',
      how: 'import',
      lines: ['Original due date: 30 Sep 2026 → 31 Oct 2026'],
    });
  });

  test('a reason is printed once: as the comment, not again in the latest update or the request', () => {
    const changes: FieldChange[] = [
      { field: 'status', from: 'Not started', to: 'Delayed' },
      { field: 'latestUpdate', from: null, to: 'Asked for a new date, 31 Jan 2027: template redesign with families' },
      { field: 'dateRequest', from: null, to: '2027-01-31: template redesign with families' },
    ];
    const read = historyLines(entry(changes, { comment: 'template redesign with families' }), nameOf);
    expect(read.lines).toEqual(['Status: Not started → Delayed', 'New date requested: 31 Jan 2027']);
    expect(read.comment).toBe('template redesign with families');
  });

  test('a new owner is one line, by name', () => {
    const changes: FieldChange[] = [
      { field: 'owner', from: 'alexw@example.com', to: 'meganb@example.com' },
      { field: 'ownerName', from: 'Alex Wilber', to: 'Megan Bowen' },
    ];
    expect(historyLines(entry(changes), nameOf).lines).toEqual(['Owner: Alex Wilber → Megan Bowen']);
  });
});

describe('an approved new date', () => {
  const changes: FieldChange[] = [
    { field: 'revisedDueDate', from: null, to: '2027-01-31' },
    { field: 'revisionReason', from: null, to: 'template redesign' },
    {
      field: 'latestUpdate',
      from: 'Asked for a new date',
      to: 'New date 31 Jan 2027 approved (asked for by alexw@example.com): template redesign',
    },
    { field: 'dateRequest', from: '2027-01-31: template redesign', to: null },
  ];

  test('says the new date and the approval once, naming the person who asked', () => {
    expect(historyLines(entry(changes, { by: 'meganb@example.com' }), nameOf)).toEqual({
      who: 'Megan Bowen',
      how: 'in chat',
      lines: [
        'Revised due date: 31 Jan 2027',
        'Latest update: New date 31 Jan 2027 approved (asked for by Alex Wilber): template redesign',
      ],
      comment: null,
    });
  });

  test('a declined request still says it is no longer waiting', () => {
    const declined: FieldChange[] = [{ field: 'dateRequest', from: '2027-01-31: template redesign', to: null }];
    expect(historyLines(entry(declined), nameOf).lines).toEqual([
      'New date requested: 31 Jan 2027 (template redesign), no longer waiting',
    ]);
  });
});

describe('namesIn: the people the bot named by email in an update, by name', () => {
  const names = new Map([['lynner@example.com', 'Lynne Robbins']]);
  const nameOf = (email: string) => names.get(email) ?? email;
  test.each([
    [
      'New date 31 Mar 2027 approved (asked for by lynner@example.com): staff sickness',
      'New date 31 Mar 2027 approved (asked for by Lynne Robbins): staff sickness',
    ],
    ['Asked by LYNNER@example.com?', 'Asked by Lynne Robbins?'],
    ['Sent to someone@else.example, who is not known', 'Sent to someone@else.example, who is not known'],
    ['No email here', 'No email here'],
  ])('%s', (text, shown) => expect(namesIn(text, nameOf)).toBe(shown));
});
