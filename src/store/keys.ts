/** Table Storage refuses these in PartitionKey and RowKey; `%` is escaped too so that escaping is reversible. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what Table Storage refuses
const NEEDS_ESCAPE = /[%/\\#?\u0000-\u001f\u007f-\u009f]/g;
export const MAX_KEY_LENGTH = 1024;

export function escapeKey(value: string): string {
  const escaped = value.replace(NEEDS_ESCAPE, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  if (escaped.length > MAX_KEY_LENGTH) {
    throw new RangeError(`A storage key may be at most ${MAX_KEY_LENGTH} characters; this one is ${escaped.length}.`);
  }
  return escaped;
}

export function unescapeKey(value: string): string {
  return value.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first key after every key that starts with `prefix`, for range queries. */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
