/** Someone else changed the record since it was read; reload and try again. */
export class ConflictError extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else at the same moment. Nothing was saved; please try again.`);
    this.name = 'ConflictError';
  }
}

/** The storage service cannot be reached at all (as opposed to refusing a request). */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super("I can't reach the action register right now, please try again in a minute.", { cause });
    this.name = 'StorageUnavailableError';
  }
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
