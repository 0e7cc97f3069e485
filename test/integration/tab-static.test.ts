import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import restify from 'restify';
import { mountTabPages } from '../../src/web/tab-static';

/** The built tab served from a folder laid out as Vite builds dist/tab, on a real restify server. */
const log = pino({ level: 'silent' });
let dir: string;
const servers: restify.Server[] = [];

async function serve(folder: string): Promise<string> {
  const server = restify.createServer();
  mountTabPages(server, folder, log);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-dist-'));
  fs.mkdirSync(path.join(dir, 'assets', 'fonts'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Plan</title><script src="/tab/assets/index-B1a2C3d4.js"></script>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'index-B1a2C3d4.js'), 'console.log("tab")');
  fs.writeFileSync(path.join(dir, 'assets', 'index-Zz9_8-x7.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'assets', 'fonts', 'segoe-Q1w2E3r4.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'assets', 'notes.exe'), 'MZ');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside assets');
});
afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
        }),
    ),
  );
  fs.rmSync(dir, { recursive: true, force: true });
});

test('/tab, with any query and the configuration view, is index.html, never kept stale', async () => {
  const base = await serve(dir);
  for (const address of [
    '/tab',
    '/tab?as=alexw%40example.com&plan=ofsted-2011',
    '/tab?view=config',
    '/tab/',
    '/tab/config',
  ]) {
    const response = await fetch(base + address);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    // Framed only by Teams and the Microsoft 365 hosts.
    expect(response.headers.get('content-security-policy')).toMatch(
      /^frame-ancestors 'self' https:\/\/\*\.cloud\.microsoft https:\/\/teams\.microsoft\.com /,
    );
    expect(await response.text()).toContain('<title>Plan</title>');
  }
});

test.each([
  ['index-B1a2C3d4.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
  ['index-Zz9_8-x7.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
  ['fonts/segoe-Q1w2E3r4.woff2', 'font/woff2', 'public, max-age=31536000, immutable'],
  ['logo.svg', 'image/svg+xml', 'no-cache'],
])('/tab/assets/%s is served as %s, kept for a year only when its name is hashed', async (name, type, cache) => {
  const base = await serve(dir);
  const response = await fetch(`${base}/tab/assets/${name}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('cache-control')).toBe(cache);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await response.arrayBuffer())).toEqual(fs.readFileSync(path.join(dir, 'assets', name)));
});

test.each([
  '/tab/assets/../secret.txt',
  '/tab/assets/%2e%2e/secret.txt',
  '/tab/assets/..%2fsecret.txt',
  '/tab/assets/fonts/..%2F..%2Fsecret.txt',
  '/tab/assets/%2e%2e%2f%2e%2e%2fpackage.json',
  '/tab/assets/.hidden.js',
  '/tab/assets/notes.exe',
  '/tab/assets/missing-A1b2C3d4.js',
  '/tab/assets/',
  '/tab/assets/fonts',
  '/tab/assets/index-B1a2C3d4.js%00.txt',
])('%s is not found, and nothing outside assets/ is ever sent', async (address) => {
  const base = await serve(dir);
  // fetch would tidy the dots away itself; send the path exactly as written.
  const response = await rawGet(base, address);
  expect(response.status).toBe(404);
  expect(response.body).not.toContain('outside assets');
});

test('without a build, /tab says how to make one', async () => {
  const base = await serve(path.join(dir, 'no-such-build'));
  const response = await fetch(`${base}/tab`);
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await response.text()).toMatch(/The tab is not built yet.*npm run build/s);
});

/** A GET with the path sent byte for byte (no URL normalising), answering status and body. */
async function rawGet(base: string, address: string): Promise<{ status: number; body: string }> {
  const http = await import('node:http');
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path: address, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}
