/**
 * Azure Table Storage limits that Azurite does not enforce, so that what
 * works locally also works in Azure.
 */
export const MAX_PROPERTIES = 255; // including PartitionKey, RowKey and Timestamp
export const MAX_ENTITY_BYTES = 1024 * 1024;
export const MAX_STRING_BYTES = 64 * 1024; // strings are UTF-16: 32,768 characters
export const MAX_FILTER_COMPARISONS = 15;

export class StorageLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageLimitError';
  }
}

const SYSTEM_PROPERTIES = 3;

/** Size as the service counts it (see "Understanding the Table service data model"). */
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return 4 + value.length * 2;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 8;
  if (value instanceof Date) return 8;
  if (value instanceof Uint8Array) return 4 + value.byteLength;
  return 8;
}

export function assertWithinLimits(entity: { partitionKey: string; rowKey: string } & Record<string, unknown>): void {
  const names = Object.keys(entity).filter((k) => k !== 'partitionKey' && k !== 'rowKey' && k !== 'etag');
  if (names.length + SYSTEM_PROPERTIES > MAX_PROPERTIES) {
    throw new StorageLimitError(
      `A record may have at most ${MAX_PROPERTIES - SYSTEM_PROPERTIES} fields; this one has ${names.length}.`,
    );
  }
  let total = 4 + (entity.partitionKey.length + entity.rowKey.length) * 2;
  for (const name of names) {
    const value = entity[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.length * 2 > MAX_STRING_BYTES) {
      throw new StorageLimitError(
        `The "${name}" text is ${value.length.toLocaleString('en-GB')} characters long; ` +
          `storage allows at most ${(MAX_STRING_BYTES / 2).toLocaleString('en-GB')}.`,
      );
    }
    total += 8 + name.length * 2 + valueBytes(value);
  }
  if (total > MAX_ENTITY_BYTES) {
    throw new StorageLimitError(`A record may be at most 1 MiB; this one is ${(total / 1024 / 1024).toFixed(2)} MiB.`);
  }
}

/** Counts comparison operators outside quoted strings. */
export function countComparisons(filter: string): number {
  const outsideStrings = filter.replace(/'(?:[^']|'')*'/g, "''");
  return (outsideStrings.match(/\s(?:eq|ne|gt|ge|lt|le)\s/g) ?? []).length;
}

export function assertFilterWithinLimits(filter: string): string {
  const n = countComparisons(filter);
  if (n > MAX_FILTER_COMPARISONS) {
    throw new StorageLimitError(`A query may make at most ${MAX_FILTER_COMPARISONS} comparisons; this one makes ${n}.`);
  }
  return filter;
}
