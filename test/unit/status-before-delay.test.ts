import { statusBeforeDelay } from '../../src/domain/status-before-delay';
import { FieldChange, HistoryEntry, Status } from '../../src/domain/types';
import { aHistoryEntry, anAction } from '../support/builders';

/** A history entry, newest first in each case, with the changes it made. */
const entry = (...changes: FieldChange[]): HistoryEntry => aHistoryEntry(anAction(), { changes });
const status = (from: string | null, to: string): FieldChange => ({ field: 'status', from, to });
const note = (text: string): FieldChange => ({ field: 'latestUpdate', from: null, to: text });
const dated: FieldChange = { field: 'dateRequest', from: null, to: '2026-12-31: supplier late' };

test.each<[description: string, history: HistoryEntry[], expected: Status]>([
  [
    'never started, then delayed with a new date asked for',
    [entry(status('Not started', 'Delayed'), dated)],
    'Not started',
  ],
  [
    'on track, then delayed',
    [entry(status('On track', 'Delayed')), entry(status('Not started', 'On track'))],
    'On track',
  ],
  ['at risk, then delayed', [entry(status('At risk', 'Delayed'))], 'At risk'],
  [
    'the latest delay counts, not an earlier one',
    [entry(status('At risk', 'Delayed')), entry(status('Delayed', 'At risk')), entry(status('Not started', 'Delayed'))],
    'At risk',
  ],
  [
    'notes and other changes since the delay are passed over',
    [entry(note('chased the supplier')), entry(note('still waiting')), entry(status('On track', 'Delayed'))],
    'On track',
  ],
  ['imported already delayed: no earlier status, so not yet started', [entry(status(null, 'Delayed'))], 'Not started'],
  ['no history at all', [], 'Not started'],
  ['a history that never says it was delayed', [entry(status('Not started', 'At risk'))], 'Not started'],
  [
    'done before it was delayed (a file set it back): it had been worked on',
    [entry(status('Complete', 'Delayed'))],
    'On track',
  ],
  ['cancelled before it was delayed (a file revived it)', [entry(status('Cancelled', 'Delayed'))], 'Not started'],
  ['a status written that is not one', [entry(status('Pending', 'Delayed'))], 'Not started'],
])('%s → %s', (_d, history, expected) => {
  expect(statusBeforeDelay(history)).toBe(expected);
});
