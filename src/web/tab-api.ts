import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { Logger } from '../log';
import { Storage } from '../store/open-storage';
import { showActionDetail } from '../use-cases/action-detail';
import { showPlanPage } from '../use-cases/plan-page';
import { plansForPerson } from '../use-cases/plans-for-person';
import { TabPerson } from '../use-cases/readable-plan';
import { ReportLinks } from './report-link';
import { reportHeaders } from './report-headers';
import { ReportAsk, reportFile, reportFormat, reportLink, TabFile } from './tab-report';
import {
  ACTION_NOT_FOUND,
  BAD_REFERENCE,
  BAD_REPORT_FORMAT,
  INTERNAL,
  NO_SUCH_PAGE,
  PLAN_NOT_FOUND,
  signInError,
  TabError,
} from './tab-errors';
import { SignIn, SignInRequest } from './tab-sign-in';

export const TAB_API = '/api/tab';

export interface TabApiDeps {
  storage: Storage;
  signIn: (request: SignInRequest) => Promise<SignIn>;
  authEnabled: boolean;
  /** Signs the committee report's short-lived links (the same ones chat's "report" card carries). */
  links: ReportLinks;
  log: Logger;
  now?: () => Date;
}

/** Plan ids and refs are short; anything longer, or with control characters, is not one the tab sent. */
const MAX_PARAM = 200;
const usable = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.trim() !== '' &&
  value.length <= MAX_PARAM &&
  ![...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** A path parameter as restify decoded it; unknown until checked with `usable`. */
function pathParam(req: Request, name: string): unknown {
  const params: unknown = req.params;
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[name] : undefined;
}

/**
 * What a route answers: the body to send (`keep`: the browser may keep it and revalidate), a file to
 * download, or one of the contract's errors.
 */
type Answer = { body: object; keep?: boolean } | { file: TabFile } | { error: TabError };

/** A page is the same for every reader until the plan changes, so its JSON (and that gzipped) is kept with it. */
const bodies = new WeakMap<object, Body>();

interface Body {
  json: string;
  gzip: Buffer | null;
  /** Weak, as the same JSON goes gzipped or plain: a hash of the JSON, so equal bytes always have equal tags. */
  etag: string;
}

/** Smaller bodies go as they are: compressing them costs more than it saves. */
const GZIP_FROM_BYTES = 8 * 1024;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  vary: 'Accept-Encoding',
};

/** Errors, and answers that must not be kept at all (a signed link is a key for its few minutes). */
const NEVER_KEPT = 'no-store';
/**
 * Personal data: never in a shared cache, and the browser must ask again every time (no-cache) before it
 * uses its copy. Every request is signed in and its read permission checked before a 304 lets the browser
 * use that copy, so someone who has lost access gets the refusal, not the copy.
 */
const ASK_EVERY_TIME = 'private, no-cache';

function sendJson(res: Response, status: number, body: string, gzip: Buffer | null = null): void {
  const headers: Record<string, string> = { ...JSON_HEADERS, 'cache-control': NEVER_KEPT };
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(status, headers);
  res.end(gzip ?? body);
}

/** A body the browser may keep and revalidate: 304 with no body when its copy (If-None-Match) is this one. */
function sendKeptJson(req: Request, res: Response, body: Body): void {
  const headers: Record<string, string> = { ...JSON_HEADERS, 'cache-control': ASK_EVERY_TIME, etag: body.etag };
  if (matches(req.headers['if-none-match'], body.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = acceptsGzip(req) ? body.gzip : null;
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers);
  res.end(gzip ?? body.json);
}

/** If-None-Match's weak comparison (RFC 9110 13.1.2): any listed tag with the same opaque part. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
}

const sendError = (res: Response, e: TabError) =>
  sendJson(res, e.status, JSON.stringify({ error: { code: e.code, message: e.message, people: e.people } }));

/** The body for `value`, made once: a plan of 1,000 actions is about 580 KB of JSON (bench: body_kb, gzip_kb). */
function bodyOf(value: object): Body {
  let body = bodies.get(value);
  if (body === undefined) {
    const json = JSON.stringify(value);
    const etag = `W/"${createHash('sha256').update(json).digest('base64url')}"`;
    body = { json, gzip: Buffer.byteLength(json) >= GZIP_FROM_BYTES ? gzipSync(json) : null, etag };
    bodies.set(value, body);
  }
  return body;
}

const acceptsGzip = (req: Request) => /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));

/** The query parameter `name`, once; undefined when absent. */
function queryParam(req: Request, name: string): string | undefined {
  const value = new URL(req.url ?? '/', 'http://localhost').searchParams.get(name);
  return value === null ? undefined : value;
}

/** The tab's JSON API, on the bot's own server: GET only, one sign-in check, then a read use case. */
export function mountTabApi(server: Server, deps: TabApiDeps): void {
  const now = deps.now ?? (() => new Date());

  /** Signs the person in, runs `answer`, and turns every failure into the contract's error shape. */
  const route =
    (answer: (person: TabPerson, req: Request) => Promise<Answer>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const signIn = await deps.signIn({ authorization: req.headers.authorization, as: queryParam(req, 'as') });
        if (!signIn.ok) {
          deps.log.info({ path: req.path(), reason: signIn.code, why: signIn.why }, 'tab sign-in refused');
          return sendError(res, signInError(signIn.code, deps.authEnabled));
        }
        const { email, oid, name } = signIn.person;
        // Chat knows people by the address Teams gave for their object id: use the same key when it is known.
        const known = oid ? await deps.storage.people.emailOf(oid) : null;
        const key = known ?? email;
        if (!key) return sendError(res, signInError('notSignedIn', deps.authEnabled));
        const result = await answer({ email: key, name }, req);
        if ('error' in result) return sendError(res, result.error);
        if ('file' in result) {
          res.writeHead(200, reportHeaders(result.file.format, result.file.fileName));
          res.end(result.file.bytes);
          return;
        }
        const body = bodyOf(result.body);
        if (result.keep) sendKeptJson(req, res, body);
        else sendJson(res, 200, body.json, acceptsGzip(req) ? body.gzip : null);
      } catch (error) {
        deps.log.error({ err: error, path: req.path() }, 'the tab API failed');
        sendError(res, INTERNAL);
      }
    };

  server.get(
    `${TAB_API}/me`,
    route(async (person) => {
      const [plans, names] = await Promise.all([
        plansForPerson(deps.storage, person),
        deps.storage.people.nameDirectory(),
      ]);
      const displayName = person.name ?? names.get(person.email) ?? person.email;
      return { body: { person: { email: person.email, displayName }, plans }, keep: true };
    }),
  );

  server.get(
    `${TAB_API}/plans/:planId`,
    route(async (person, req) => {
      const planId = pathParam(req, 'planId');
      if (!usable(planId)) return { error: BAD_REFERENCE };
      const outcome = await showPlanPage(deps.storage, person, planId, now());
      return outcome.kind === 'found' ? { body: outcome.page, keep: true } : { error: PLAN_NOT_FOUND };
    }),
  );

  server.get(
    `${TAB_API}/plans/:planId/actions/:ref`,
    route(async (person, req) => {
      const planId = pathParam(req, 'planId');
      const ref = pathParam(req, 'ref');
      if (!usable(planId) || !usable(ref)) return { error: BAD_REFERENCE };
      const outcome = await showActionDetail(deps.storage, person, planId, ref, now());
      return outcome.kind === 'found' ? { body: outcome.detail, keep: true } : { error: ACTION_NOT_FOUND };
    }),
  );

  /** The committee report's routes: the plan id and the format checked, then the use case decides. */
  const report =
    (answer: (ask: ReportAsk) => Promise<Answer>) =>
    (person: TabPerson, req: Request): Promise<Answer> => {
      const planId = pathParam(req, 'planId');
      if (!usable(planId)) return Promise.resolve({ error: BAD_REFERENCE });
      const format = reportFormat(queryParam(req, 'format'));
      if (!format) return Promise.resolve({ error: BAD_REPORT_FORMAT });
      return answer({ person, planId, format, now: now() });
    };

  // The report itself, for a plain link (local mode) or any caller that can send the token.
  server.get(`${TAB_API}/plans/:planId/report`, route(report((ask) => reportFile(deps.storage, ask))));
  // In Teams: a signed link the tab opens in the browser, where the token cannot go.
  server.get(`${TAB_API}/plans/:planId/report-link`, route(report((ask) => reportLink(deps.storage, deps.links, ask))));

  // Anything else under the API answers in the contract's shape, not restify's.
  server.get(`${TAB_API}/*`, async (_req: Request, res: Response) => sendError(res, NO_SUCH_PAGE));
}
