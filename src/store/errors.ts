/**
 * What storage could not do, as codes with their facts: the words people read
 * are made at the edge (cards/error-words.ts), for chat, cards and the command
 * line alike. The messages here are for logs.
 */
export type StorageErrorCode = 'conflict' | 'unavailable' | 'unknownValue';

/** What changed under a write: the actions named, someone's roles, or a conversation's plan. */
export type ConflictSubject =
  | { kind: 'actions'; refs: readonly string[] }
  | { kind: 'roles'; email: string }
  | { kind: 'binding' }
  | { kind: 'import'; planId: string };

/** Someone else changed the record since it was read; reload and try again. */
export class ConflictError extends Error {
  readonly code = 'conflict';
  constructor(readonly subject: ConflictSubject) {
    super(`conflict: ${subject.kind} changed since they were read`);
    this.name = 'ConflictError';
  }
}

/** The storage service cannot be reached at all (as opposed to refusing a request). */
export class StorageUnavailableError extends Error {
  readonly code = 'unavailable';
  constructor(cause: unknown) {
    super('storage cannot be reached', { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** A stored row holds a value the code does not know (hand-edited, or written by a newer version): reported, never guessed. */
export class UnknownStoredValueError extends Error {
  readonly code = 'unknownValue';
  constructor(
    readonly table: string,
    readonly field: string,
    readonly value: string,
  ) {
    super(`unknown ${field} ${JSON.stringify(value.slice(0, 40))} in table ${table}`);
    this.name = 'UnknownStoredValueError';
  }
}

export type StorageError = ConflictError | StorageUnavailableError | UnknownStoredValueError;

export function isStorageError(error: unknown): error is StorageError {
  return (
    error instanceof ConflictError ||
    error instanceof StorageUnavailableError ||
    error instanceof UnknownStoredValueError
  );
}

export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const code = (error as { statusCode?: unknown }).statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

export function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error; typeof e === 'object' && e !== null; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (e instanceof AggregateError && e.errors.some(isUnreachable)) return true;
  }
  return false;
}

/** Translates the SDK's errors into ours at the edge of the store. */
export function translateStorageError(error: unknown): unknown {
  return isUnreachable(error) ? new StorageUnavailableError(error) : error;
}
