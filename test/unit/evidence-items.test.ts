import {
  evidenceChecklist,
  evidenceItemsProblem,
  matchEvidenceItem,
  missingEvidence,
  parseEvidenceItems,
  resolveEvidence,
  splitEvidenceItem,
} from '../../src/domain/evidence-items';
import { Evidence } from '../../src/domain/types';
import { anAction } from '../support/builders';

const ITEMS = ['Audit report', 'Training records', 'Annual audit plan', 'Board minutes'];
const given = (item: string | null, note = 'https://example.com/doc.pdf'): Evidence => ({
  url: note.startsWith('http') ? note : null,
  note,
  addedBy: 'alexw@example.com',
  addedAt: '2026-11-20T10:00:00.000Z',
  ...(item === null ? {} : { item }),
});

describe('parseEvidenceItems', () => {
  test.each([
    ['Audit report; Training records', ['Audit report', 'Training records']],
    ['  Audit report ;; training   records ; ', ['Audit report', 'training records']],
    ['Audit report;audit REPORT; the audit report', ['Audit report']],
    ['Audit report\nTraining records', ['Audit report', 'Training records']],
    [';  ; ', []],
  ])('%j → %j', (text, items) => {
    expect(parseEvidenceItems(text)).toEqual(items);
  });

  test.each([
    [Array.from({ length: 21 }, (_, i) => `Item ${i}`), 'it names 21 items of evidence required; the most is 20'],
    [['x'.repeat(201)], 'is 201 characters long; the most is 200'],
    [['Audit report'], null],
  ])('too many or too long items are a problem: %#', (items, problem) => {
    const found = evidenceItemsProblem(items);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('matchEvidenceItem: exact, any case, or the one item every word typed names; never a guess', () => {
  const matched = (item: string) => ({ kind: 'matched', item });
  test.each([
    ['Audit report', matched('Audit report')],
    ['audit REPORT', matched('Audit report')],
    ['the audit report', matched('Audit report')],
    ['training record', matched('Training records')],
    ['trainig records', matched('Training records')],
    ['minutes', matched('Board minutes')],
    ['audit', { kind: 'ambiguous', items: ['Audit report', 'Annual audit plan'] }],
    ['the audit plan', matched('Annual audit plan')],
    ['risk register', { kind: 'none' }],
    ['here is the training record', { kind: 'matched', item: 'Training records' }],
    ['finally got the board minutes written up', { kind: 'matched', item: 'Board minutes' }],
    ['the attendance list from the training sessions in Sept', { kind: 'partial', items: ['Training records'] }],
    ['minutes of the practice week', { kind: 'partial', items: ['Board minutes'] }],
    ['the register of attendance, from the training sessions', { kind: 'partial', items: ['Training records'] }],
    ['hi all, the board minutes, from the November meeting', { kind: 'matched', item: 'Board minutes' }],
    ['the file', { kind: 'none' }],
    ['the', { kind: 'none' }],
    ['', { kind: 'none' }],
  ])('%j', (typed, match) => {
    expect(matchEvidenceItem(ITEMS, typed)).toEqual(match);
  });
});

describe('splitEvidenceItem: a link and the words that may name the item it is for', () => {
  const link = 'https://x.org/a.pdf';
  test.each([
    ['https://x.org/a.pdf for the audit report', 'the audit report'],
    ['https://x.org/a.pdf - for Audit report.', 'Audit report'],
    ['https://x.org/a.pdf is for training records', 'training records'],
    ['https://x.org/a.pdf (training records)', 'training records'],
    ['for the audit report: https://x.org/a.pdf', 'the audit report'],
    ['case file audit report https://x.org/a.pdf', 'case file audit report'],
    ['https://x.org/a.pdf signed copy', 'signed copy'],
    ['(audit summary) https://x.org/a.pdf', 'audit summary'],
    ['here is the case file audit: https://x.org/a.pdf', 'here is the case file audit'],
    // Only greetings, thanks and pointing words: no item named.
    ['https://x.org/a.pdf', null],
    ['Please add this as evidence https://x.org/a.pdf thanks', null],
    ['link here: https://x.org/a.pdf.', null],
  ])('%j names %j', (typed, item) => {
    expect(splitEvidenceItem(typed)).toEqual({ text: link, item, url: link });
  });

  test.each([
    ['minutes of the 3 May meeting'],
    // A link that is not a web address is never taken for one.
    ['file://server/share/audit.docx for the audit report'],
  ])('%j is a note, naming no item here', (typed) => {
    expect(splitEvidenceItem(typed)).toEqual({ text: typed, item: null, url: null });
  });

  test('a link keeps the bracket it opened, not the one closing a sentence', () => {
    const url = 'https://x.org/Doc.aspx?sourcedoc={1a2b}&file=CFA.docx';
    expect(splitEvidenceItem(`(${url}).`).url).toBe(url);
    expect(splitEvidenceItem('see https://x.org/a_(b).pdf, thanks').url).toBe('https://x.org/a_(b).pdf');
  });
});

describe('resolveEvidence', () => {
  const required = anAction({ evidenceRequired: ITEMS });
  const url = 'https://x.org/a.pdf';
  test.each([
    // No items required: as before, the whole text, linked to nothing; the link is kept as the link.
    [
      anAction(),
      'https://x.org/a.pdf for the audit report',
      { kind: 'add', text: 'https://x.org/a.pdf for the audit report', item: null, url },
    ],
    [required, 'https://x.org/a.pdf for the audit report', { kind: 'add', text: url, item: 'Audit report', url }],
    [
      required,
      'https://x.org/a.pdf for the audit',
      { kind: 'ask', text: url, items: ['Audit report', 'Annual audit plan'] },
    ],
    [
      required,
      'https://x.org/a.pdf for the risk register',
      { kind: 'unknown', text: 'https://x.org/a.pdf for the risk register', url, named: 'risk register' },
    ],
    [required, 'https://x.org/a.pdf', { kind: 'add', text: url, item: null, url }],
    [required, 'here you go, link: https://x.org/a.pdf thanks', { kind: 'add', text: url, item: null, url }],
    // A sentence names the one item a phrase of it names in full.
    [
      required,
      'finally got the board minutes written up! https://x.org/a.pdf',
      { kind: 'add', text: url, item: 'Board minutes', url },
    ],
    // Words naming part of an item only are asked about, never linked.
    [
      required,
      'the list from the training sessions https://x.org/a.pdf',
      { kind: 'ask', text: url, items: ['Training records'] },
    ],
    [
      required,
      'minutes of the audit meeting https://x.org/a.pdf',
      { kind: 'ask', text: url, items: ['Audit report', 'Annual audit plan', 'Board minutes'] },
    ],
    // A note names an item only after its last "for", and only when that plainly names one.
    [
      required,
      'attendance sheets for all staff for training records',
      { kind: 'add', text: 'attendance sheets for all staff', item: 'Training records', url: null },
    ],
    [
      required,
      'visits done for all children',
      { kind: 'add', text: 'visits done for all children', item: null, url: null },
    ],
    // A link that is not a web address is never kept, with items required or not.
    [required, 'file://server/share/audit.docx', { kind: 'badLink', text: 'file://server/share/audit.docx' }],
    [anAction(), 'javascript:alert(1)', { kind: 'badLink', text: 'javascript:alert(1)' }],
    [anAction(), 'ftp://x.org/a.pdf for the audit', { kind: 'badLink', text: 'ftp://x.org/a.pdf for the audit' }],
    [anAction(), '\\\\fileserver\\qa\\audit.docx', { kind: 'badLink', text: '\\\\fileserver\\qa\\audit.docx' }],
  ])('%#: %j', (action, typed, resolution) => {
    expect(resolveEvidence(action, typed)).toEqual(resolution);
  });
});

describe('which required items have evidence', () => {
  test.each([
    [[], [], []],
    [['Audit report', 'Training records'], [], ['Audit report', 'Training records']],
    [['Audit report', 'Training records'], [given(null)], ['Audit report', 'Training records']],
    [['Audit report', 'Training records'], [given('Audit report')], ['Training records']],
    [['Audit report', 'Training records'], [given('audit report'), given('Training records')], []],
  ])('required %j, given %j → missing %j', (evidenceRequired, evidence, missing) => {
    const action = anAction({ evidenceRequired, evidence });
    expect(missingEvidence(action)).toEqual(missing);
    expect(evidenceChecklist(action).map((c) => c.given)).toEqual(evidenceRequired.map((i) => !missing.includes(i)));
  });
});
