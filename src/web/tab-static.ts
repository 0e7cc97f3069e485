import fs from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { Logger } from '../log';

export const TAB_PATH = '/tab';

/** What the browser is told each built file is; anything else is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file or folder name: letters, digits, dot, dash, underscore, not starting with a dot (so never `..`). */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
/** Vite names built files `name-<hash>.ext`: such a file never changes, so it may be kept for a year. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const NOT_BUILT = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Action Tracker</title></head>
<body><h1>The tab is not built yet</h1>
<p>Run <code>npm run build</code> (or <code>npm run build:tab</code>) in the Action Tracker folder, then reload this page.</p>
</body></html>
`;

/**
 * Only Teams and the other Microsoft 365 hosts may frame the tab (Teams' tab requirements list these
 * frame-ancestors, *.cloud.microsoft included), so no other site can show it inside its own page.
 */
export const TAB_FRAME_ANCESTORS =
  "frame-ancestors 'self' https://*.cloud.microsoft https://teams.microsoft.com https://*.teams.microsoft.com " +
  'https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com';

function send(res: Response, status: number, type: string, body: string | Buffer, cache: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-security-policy': TAB_FRAME_ANCESTORS,
  });
  res.end(body);
}

const notFound = (res: Response) => send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n', 'no-cache');

/**
 * Serves the built tab from `dir` (dist/tab): `/tab` (with any query, such as `?view=config` or
 * `?as=`) is index.html; `/tab/assets/...` are its files, by safe names only.
 */
export function mountTabPages(server: Server, dir: string, log: Logger): void {
  const assets = path.join(dir, 'assets');

  const index = async (_req: Request, res: Response): Promise<void> => {
    try {
      const html = await fs.readFile(path.join(dir, 'index.html'));
      // Always asked again, so a new build is picked up; the files it names are hashed.
      send(res, 200, 'text/html; charset=utf-8', html, 'no-cache');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.error({ err: error }, 'could not read the tab');
      send(res, 503, 'text/html; charset=utf-8', NOT_BUILT, 'no-store');
    }
  };
  server.get(TAB_PATH, index);
  server.get(`${TAB_PATH}/`, index);
  server.get(`${TAB_PATH}/config`, index);

  server.get(`${TAB_PATH}/assets/*`, async (req: Request, res: Response): Promise<void> => {
    const wanted = assetPath(req);
    const type = wanted && CONTENT_TYPES[path.extname(wanted).toLowerCase()];
    if (!wanted || !type) return notFound(res);
    const file = path.join(assets, ...wanted.split('/'));
    if (!file.startsWith(assets + path.sep)) return notFound(res);
    try {
      const body = await fs.readFile(file);
      send(res, 200, type, body, HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    } catch {
      notFound(res);
    }
  });
}

/** The asset's path below assets/, if every part of it is a plain name; null for anything else. */
function assetPath(req: Request): string | null {
  const raw = new URL(req.url ?? '/', 'http://localhost').pathname;
  const prefix = `${TAB_PATH}/assets/`;
  if (!raw.startsWith(prefix)) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(raw.slice(prefix.length));
  } catch {
    return null;
  }
  const parts = rest.split('/');
  return parts.length <= 4 && parts.every((p) => SEGMENT.test(p)) ? parts.join('/') : null;
}
