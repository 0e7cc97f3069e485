/**
 * What telemetry may keep of a URL or an error. Paths carry conversation
 * ids (`/v3/conversations/a:1x…/activities/…`), storage keys (plan ids,
 * refs, e-mail addresses in `people(PartitionKey='…',RowKey='…')`) and
 * query strings (storage filters); none of that leaves the process.
 */

/** A path segment is kept only when it is a plain word, like `v3`, `conversations` or `api`. */
const PLAIN_SEGMENT = /^[A-Za-z][A-Za-z0-9._-]{0,39}$/;

/** The Bot Connector's collections: the segment after each is an id (conversation, activity, member…). */
const COLLECTIONS = new Set(['conversations', 'activities', 'members', 'attachments', 'teams', 'channels', 'users']);

function redactPath(path: string): string {
  return path
    .split('/')
    .map((segment, i, all) => {
      if (segment === '') return segment;
      if (i > 0 && COLLECTIONS.has(all[i - 1])) return '…';
      // A table name stays; the keys in brackets after it go.
      const table = /^([A-Za-z][A-Za-z0-9]{0,62})\(.*\)$/.exec(segment);
      if (table) return `${table[1]}(…)`;
      return PLAIN_SEGMENT.test(segment) ? segment : '…';
    })
    .join('/');
}

/** The URL with every identifying path segment replaced by `…`, and no query string or fragment. */
export function redactUrl(value: string): string {
  const absolute = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(value);
  if (absolute) return absolute[1] + redactPath(absolute[2]);
  return redactPath(value.split(/[?#]/)[0]);
}

/** Span attributes that hold a URL or a path. */
export const URL_ATTRIBUTES = [
  'url.full',
  'http.url',
  'http.target',
  'url.path',
  'url.query',
  'http.route',
  'url.original',
];

/** Span attributes that identify a person or their device: dropped. */
export const PERSONAL_ATTRIBUTES = [
  'client.address',
  'http.client_ip',
  'net.peer.ip',
  'net.sock.peer.addr',
  'network.peer.address',
  'user_agent.original',
  'http.user_agent',
  'enduser.id',
];

/** An error's stack without its message, which can quote what a person typed or a storage key. */
export function redactStack(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}
