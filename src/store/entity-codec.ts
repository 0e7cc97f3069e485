import { UnknownStoredValueError } from './errors';

/** Helpers for reading the loosely typed records the SDK returns. */
export type Row = Record<string, unknown>;

export function str(row: Row, name: string): string {
  const value = row[name];
  return typeof value === 'string' ? value : '';
}

export function strOrNull(row: Row, name: string): string | null {
  const value = row[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Several optional text columns at once, each read as strOrNull and kept under its own name, so a name is written once. */
export function strsOrNull<K extends string>(row: Row, names: readonly K[]): Record<K, string | null> {
  return Object.fromEntries(names.map((name) => [name, strOrNull(row, name)])) as Record<K, string | null>;
}

export function num(row: Row, name: string): number {
  const value = row[name];
  return typeof value === 'number' ? value : 0;
}

/**
 * A stored word that must be one of `allowed`. An absent one is `absent`, when
 * the field may be missing; anything else is reported, never guessed.
 */
export function oneOf<T extends string>(table: string, row: Row, name: string, allowed: readonly T[], absent?: T): T {
  const value = strOrNull(row, name);
  if (value === null && absent !== undefined) return absent;
  const known = allowed.find((a) => a === value);
  if (known === undefined) throw new UnknownStoredValueError(table, name, value ?? '');
  return known;
}

export function json<T>(row: Row, name: string, fallback: T): T {
  const value = row[name];
  if (typeof value !== 'string' || value === '') return fallback;
  return JSON.parse(value) as T;
}

/** Empty strings are stored as absent properties so that nulls read back as nulls. */
export function compact<T extends Row>(row: T): T {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[k] = v;
  return out as T;
}
