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
    ['the', { kind: 'none' }],
    ['', { kind: 'none' }],
  ])('%j', (typed, match) => {
    expect(matchEvidenceItem(ITEMS, typed)).toEqual(match);
  });
});

describe('splitEvidenceItem: a link and the item it is for', () => {
  test.each([
    ['https://x.org/a.pdf for the audit report', { text: 'https://x.org/a.pdf', item: 'the audit report' }],
    ['https://x.org/a.pdf - for Audit report.', { text: 'https://x.org/a.pdf', item: 'Audit report' }],
    ['https://x.org/a.pdf is for training records', { text: 'https://x.org/a.pdf', item: 'training records' }],
    ['https://x.org/a.pdf (training records)', { text: 'https://x.org/a.pdf', item: 'training records' }],
    ['for the audit report: https://x.org/a.pdf', { text: 'https://x.org/a.pdf', item: 'the audit report' }],
    ['https://x.org/a.pdf', { text: 'https://x.org/a.pdf', item: null }],
    ['minutes of the 3 May meeting', { text: 'minutes of the 3 May meeting', item: null }],
  ])('%j', (typed, said) => {
    expect(splitEvidenceItem(typed)).toEqual(said);
  });
});

describe('resolveEvidence', () => {
  const required = anAction({ evidenceRequired: ITEMS });
  test.each([
    // No items required: as before, the whole text, linked to nothing.
    [
      anAction(),
      'https://x.org/a.pdf for the audit report',
      { kind: 'add', text: 'https://x.org/a.pdf for the audit report', item: null },
    ],
    [
      required,
      'https://x.org/a.pdf for the audit report',
      { kind: 'add', text: 'https://x.org/a.pdf', item: 'Audit report' },
    ],
    [
      required,
      'https://x.org/a.pdf for the audit',
      { kind: 'ask', text: 'https://x.org/a.pdf', items: ['Audit report', 'Annual audit plan'] },
    ],
    [
      required,
      'https://x.org/a.pdf for the risk register',
      {
        kind: 'unknown',
        text: 'https://x.org/a.pdf for the risk register',
        url: 'https://x.org/a.pdf',
        named: 'the risk register',
      },
    ],
    [required, 'https://x.org/a.pdf', { kind: 'add', text: 'https://x.org/a.pdf', item: null }],
    // A note names an item only after its last "for", and only when that plainly names one.
    [
      required,
      'attendance sheets for all staff for training records',
      { kind: 'add', text: 'attendance sheets for all staff', item: 'Training records' },
    ],
    [required, 'visits done for all children', { kind: 'add', text: 'visits done for all children', item: null }],
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
