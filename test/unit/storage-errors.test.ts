import { storageErrorWords } from '../../src/cards/error-words';
import { oneOf } from '../../src/store/entity-codec';
import { ConflictError, StorageUnavailableError, UnknownStoredValueError } from '../../src/store/errors';
import { STATUSES } from '../../src/domain/types';

describe('storageErrorWords: the one place storage failures become words', () => {
  test.each<[string, unknown, string | null]>([
    [
      'one action changed',
      new ConflictError({ kind: 'actions', refs: ['SG-4'] }),
      'Action SG-4 was changed by someone else at the same moment. Nothing was saved; please try again.',
    ],
    [
      'several actions',
      new ConflictError({ kind: 'actions', refs: ['SG-4', 'SG-5'] }),
      'One of actions SG-4, SG-5 was changed by someone else at the same moment. Nothing was saved; please try again.',
    ],
    [
      'roles',
      new ConflictError({ kind: 'roles', email: 'sam@example.com' }),
      'The roles of sam@example.com was changed by someone else at the same moment. Nothing was saved; please try again.',
    ],
    [
      'a binding',
      new ConflictError({ kind: 'binding' }),
      'The plan chosen for this conversation was changed by someone else at the same moment. Nothing was saved; please try again.',
    ],
    [
      'unreachable',
      new StorageUnavailableError(new Error('ECONNREFUSED')),
      "I can't reach the action register right now, please try again in a minute.",
    ],
    [
      'an unknown stored value',
      new UnknownStoredValueError('actions', 'status', 'Finished'),
      expect.stringMatching(
        /^Something in the action register is in a form I don’t know, so I stopped and nothing was changed/,
      ),
    ],
    ['any other error', new Error('boom'), null],
    ['not an error', 'boom', null],
  ])('%s', (_name, error, expected) => {
    expect(storageErrorWords(error)).toEqual(expected);
  });

  test('the errors themselves carry codes, not the words', () => {
    const conflict = new ConflictError({ kind: 'actions', refs: ['SG-4'] });
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).not.toMatch(/please try again/);
    expect(new StorageUnavailableError(null).code).toBe('unavailable');
    expect(new StorageUnavailableError(null).message).not.toMatch(/action register/);
  });
});

describe('oneOf: a stored word is one the code knows, or is reported', () => {
  test.each<[string, Record<string, unknown>, string | undefined, string | RegExp]>([
    ['a known status', { status: 'At risk' }, undefined, 'At risk'],
    ['absent, with a default', {}, 'Not started', 'Not started'],
    ['empty, with a default', { status: '' }, 'Not started', 'Not started'],
    ['absent, without one', {}, undefined, /unknown status "" in table actions/],
    ['another case', { status: 'at risk' }, 'Not started', /unknown status "at risk" in table actions/],
    ['a word from elsewhere', { status: 'Finished' }, 'Not started', /unknown status "Finished" in table actions/],
    ['not a string', { status: 3 }, undefined, /unknown status/],
  ])('%s', (_name, row, absent, expected) => {
    const read = () => oneOf('actions', row, 'status', STATUSES, absent as (typeof STATUSES)[number] | undefined);
    if (typeof expected === 'string') expect(read()).toBe(expected);
    else {
      expect(read).toThrow(UnknownStoredValueError);
      expect(read).toThrow(expected);
    }
  });
});
