import { TableClient } from '@azure/data-tables';

/** What a storage connection string points at, read with the SDK's own parser. */
export interface ConnectionTarget {
  protocol: 'http:' | 'https:';
  host: string;
  account: string | null;
  /** The local storage emulator: UseDevelopmentStorage=true or its well-known account. */
  emulator: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\./.test(host);
}

function parts(connectionString: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) map.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  return map;
}

/**
 * The connection string's endpoint, or null when it is not one the SDK can
 * use. Never echoes the string: it holds the account key.
 */
export function readConnectionString(connectionString: string): ConnectionTarget | null {
  const p = parts(connectionString);
  const key = p.get('accountkey');
  if (key !== undefined && !BASE64.test(key)) return null;
  let url: URL;
  try {
    url = new URL(TableClient.fromConnectionString(connectionString, 'probe').url);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const account = p.get('accountname') ?? (p.get('usedevelopmentstorage') === 'true' ? 'devstoreaccount1' : null);
  return { protocol: url.protocol, host: url.hostname, account, emulator: account === 'devstoreaccount1' };
}
