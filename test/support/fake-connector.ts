import http from 'node:http';
import { AddressInfo } from 'node:net';
import { conversationKey, PER_APP_LIMITS, PER_CONVERSATION_LIMITS, SlidingWindow } from '../../src/domain/pacing';

/**
 * A stand-in for the Bot Connector service, following its documented REST
 * API (v3 conversations) and Teams' behaviour on it: it records what the bot
 * sends, answers member look-ups (GetConversationMember) and paged member
 * lists (continuation tokens) from a directory, opens personal chats only
 * with a tenant (400 without), answers 404 for a chat the person deleted and
 * 413 for a message over about 40 KB counted as UTF-16, and can be told to
 * refuse sends (for example with 429 and Retry-After) to test retries. Used
 * where the real Teams connector cannot be: robustness tests and benchmarks.
 */
export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName: string;
  tenantId?: string;
}

/** Teams' message size limit, about 40 KB, counted as UTF-16 (two bytes a character). */
export const MAX_MESSAGE_BYTES = 40 * 1024;

export interface CreatedConversation {
  conversationId: string;
  parameters: Record<string, unknown>;
  /** The path before `/v3` in the service URL the request came through (a region such as `emea`), or ''. */
  region: string;
}

export interface SentActivity {
  conversationId: string;
  replyToId: string | null;
  method: 'POST' | 'PUT';
  activity: Record<string, unknown>;
  at: number;
  /** Set for a new channel post (POST /v3/conversations with isGroup): the whole create-conversation request. */
  newPost?: { channelId: string; request: Record<string, unknown> };
}

export type Fault = { status: number; retryAfterSeconds?: number } | null;

type Reply = (status: number, payload: unknown, headers?: Record<string, string>) => void;

/** An injected fault, answered as Teams would: its status, and Retry-After when it has one. */
function replyFault(reply: Reply, fault: NonNullable<Fault>): void {
  const headers: Record<string, string> =
    fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
  reply(fault.status, { error: { code: 'Injected', message: `injected ${fault.status}` } }, headers);
}

export interface ConnectorOptions {
  /** Enforce Teams' limits, answering 429 (with Retry-After) to sends over them. */
  enforceLimits?: boolean;
}

export class FakeConnector {
  readonly sent: SentActivity[] = [];
  /** Sends refused for going over Teams' limits (not counting injected faults). */
  throttled = 0;
  private readonly app = new SlidingWindow(PER_APP_LIMITS);
  private readonly perConversation = new Map<string, SlidingWindow>();
  private server: http.Server | null = null;
  private waiters: Array<{ predicate: (s: SentActivity) => boolean; resolve: (s: SentActivity) => void }> = [];
  private counter = 0;
  /** Decides, per send, whether to fail it; null lets it through. */
  fault: (request: { conversationId: string; attempt: number }) => Fault = () => null;
  /** Decides, per member look-up (one member, or one page of members), whether to fail it. */
  memberFault: (request: { conversationId: string; memberId: string | null; page: number }) => Fault = () => null;
  /** Every personal chat the bot asked to open, including refused requests. */
  readonly created: CreatedConversation[] = [];
  /** Every member look-up and page read, in order: `member:<id>` or `page:<n>`. */
  readonly lookups: string[] = [];
  /** People who blocked the bot or removed the app: Teams answers 403 to a new chat with them. */
  readonly blocked = new Set<string>();
  /** Conversations the person deleted: Teams answers 404 to anything sent there. */
  private readonly deleted = new Set<string>();
  /** Who is in each team or group chat, where it is not everyone in the directory. */
  readonly rosters = new Map<string, Member[]>();
  private readonly attempts = new Map<string, number>();

  constructor(
    readonly members: Member[] = [],
    private readonly options: ConnectorOptions = {},
  ) {}

  /**
   * A send to a conversation (a channel counts as one), counted as an attempt: refused, and the refusal
   * answered, when it would break Teams' limits or a fault is injected for it.
   */
  private refusedSend(conversationId: string, reply: Reply): boolean {
    const attempt = (this.attempts.get(conversationId) ?? 0) + 1;
    this.attempts.set(conversationId, attempt);
    if (this.overLimit(conversationId)) {
      this.throttled++;
      reply(429, { error: { code: 'Throttled', message: 'over the Teams limits' } }, { 'retry-after': '1' });
      return true;
    }
    const fault = this.fault({ conversationId, attempt });
    if (fault) replyFault(reply, fault);
    return fault !== null;
  }

  /** Whether a send now would break Teams' limits; if not, it counts against them. */
  private overLimit(conversationId: string): boolean {
    if (!this.options.enforceLimits) return false;
    const now = Date.now();
    // Teams counts a channel as one conversation, whichever post a message goes to.
    const key = conversationKey(conversationId);
    let window = this.perConversation.get(key);
    if (!window) this.perConversation.set(key, (window = new SlidingWindow(PER_CONVERSATION_LIMITS)));
    if (this.app.delayFor(now) > 0 || window.delayFor(now) > 0) return true;
    this.app.record(now);
    window.record(now);
    return false;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Resolves with the first activity (already sent, or yet to come) that matches. */
  next(predicate: (s: SentActivity) => boolean = () => true, timeoutMs = 10_000): Promise<SentActivity> {
    const already = this.sent.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('No matching activity reached the connector in time.')),
        timeoutMs,
      );
      this.waiters.push({ predicate, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  }

  /** The person deletes their chat with the bot (or it is otherwise gone): later sends there get 404. */
  deleteConversation(conversationId: string): void {
    this.deleted.add(conversationId);
  }

  private roster(conversationId: string): Member[] {
    return this.rosters.get(conversationId) ?? this.members;
  }

  private record(sent: SentActivity) {
    this.sent.push(sent);
    this.waiters = this.waiters.filter((w) => (w.predicate(sent) ? (w.resolve(sent), false) : true));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      // Teams' service URLs carry a region before the API (`https://smba.trafficmanager.net/emea/`).
      const region = segments.indexOf('v3') > 0 ? segments.slice(0, segments.indexOf('v3')).join('/') : '';
      const parts = region ? segments.slice(segments.indexOf('v3')) : segments;
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const injected = (fault: NonNullable<Fault>) => replyFault(reply, fault);
      // GET /v3/conversations/{conversationId}/members/{memberId} (GetConversationMember)
      if (
        req.method === 'GET' &&
        parts[0] === 'v3' &&
        parts[1] === 'conversations' &&
        parts[3] === 'members' &&
        parts[4]
      ) {
        this.lookups.push(`member:${parts[4]}`);
        const fault = this.memberFault({ conversationId: parts[2], memberId: parts[4], page: 0 });
        if (fault) return injected(fault);
        const member = this.roster(parts[2]).find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
        return member
          ? reply(200, member)
          : reply(404, {
              error: { code: 'MemberNotFoundInConversation', message: 'The member is not in this conversation.' },
            });
      }
      // POST /v3/conversations with isGroup and channelData.channel.id: a new post (thread) in a channel
      if (
        req.method === 'POST' &&
        parts[0] === 'v3' &&
        parts[1] === 'conversations' &&
        parts.length === 2 &&
        isGroupRequest(body)
      ) {
        return this.createChannelPost(JSON.parse(body) as Record<string, unknown>, reply);
      }
      // GET /v3/conversations/{conversationId}/pagedmembers?pageSize=&continuationToken=
      if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'pagedmembers') {
        const size = Math.min(500, Math.max(1, Number(url.searchParams.get('pageSize') ?? 200) || 200));
        const token = url.searchParams.get('continuationToken');
        const offset = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString());
        if (!Number.isInteger(offset) || offset < 0)
          return reply(400, { error: { code: 'BadArgument', message: 'Invalid continuation token.' } });
        const page = offset / size + 1;
        this.lookups.push(`page:${page}`);
        const fault = this.memberFault({ conversationId: parts[2], memberId: null, page });
        if (fault) return injected(fault);
        const all = this.roster(parts[2]);
        const members = all.slice(offset, offset + size);
        const next = offset + size < all.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
        return reply(200, next ? { continuationToken: next, members } : { members });
      }
      // POST /v3/conversations (CreateConversation): Teams needs the tenant, and answers 403 for someone who blocked the bot.
      if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 2) {
        const request = JSON.parse(body || '{}') as {
          members?: { id: string }[];
          tenantId?: string;
          channelData?: { tenant?: { id?: string } };
        };
        const userId = request.members?.[0]?.id ?? '';
        this.created.push({ conversationId: '', parameters: request, region });
        if (!request.tenantId || !request.channelData?.tenant?.id) {
          return reply(400, {
            error: { code: 'BadArgument', message: 'Tenant ID is required to create a conversation.' },
          });
        }
        if (this.blocked.has(userId))
          return reply(403, {
            error: { code: 'Forbidden', message: 'The bot is blocked or not installed for this user.' },
          });
        if (!this.members.some((m) => m.id === userId))
          return reply(404, { error: { code: 'NotFound', message: 'Unknown user.' } });
        let id = `a:personal-${userId}`;
        for (let n = 2; this.deleted.has(id); n++) id = `a:personal-${userId}-${n}`;
        this.created[this.created.length - 1].conversationId = id;
        return reply(201, { id, serviceUrl: this.url });
      }
      // POST /v3/conversations/{id}/activities[/{replyToId}], PUT /v3/conversations/{id}/activities/{activityId}
      if (
        parts[0] === 'v3' &&
        parts[1] === 'conversations' &&
        parts[3] === 'activities' &&
        (req.method === 'POST' || req.method === 'PUT')
      ) {
        const conversationId = parts[2];
        if (this.deleted.has(conversationId))
          return reply(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
        if (Buffer.byteLength(body, 'utf16le') > MAX_MESSAGE_BYTES)
          return reply(413, { error: { code: 'MessageSizeTooBig', message: 'Message size too large.' } });
        if (this.refusedSend(conversationId, reply)) return;
        let activity: Record<string, unknown>;
        try {
          activity = JSON.parse(body) as Record<string, unknown>;
        } catch {
          return reply(400, { error: { code: 'BadSyntax', message: 'not JSON' } });
        }
        const id = req.method === 'PUT' ? parts[4] : this.nextId();
        this.record({
          conversationId,
          replyToId: req.method === 'POST' ? (parts[4] ?? null) : null,
          method: req.method,
          activity,
          at: Date.now(),
        });
        return reply(200, { id });
      }
      reply(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
    });
  }

  /**
   * Teams' "create a channel conversation": the message goes as the request's `activity` and the
   * answer names the new post's conversation (`<channel>;messageid=<activity id>`) and activity.
   * Limits and faults count against the channel, as Teams counts a channel as one conversation.
   */
  private createChannelPost(request: Record<string, unknown>, reply: Reply) {
    const channelId = (request.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
    const activity = request.activity;
    if (typeof channelId !== 'string' || !channelId)
      return reply(400, { error: { code: 'BadArgument', message: 'channelData.channel.id is required' } });
    if (typeof activity !== 'object' || activity === null)
      return reply(400, { error: { code: 'BadArgument', message: 'activity is required' } });
    if (this.refusedSend(channelId, reply)) return;
    const activityId = this.nextId();
    const conversationId = `${channelId};messageid=${activityId}`;
    this.record({
      conversationId,
      replyToId: null,
      method: 'POST',
      activity: activity as Record<string, unknown>,
      at: Date.now(),
      newPost: { channelId, request },
    });
    return reply(201, { id: conversationId, activityId });
  }

  private nextId(): string {
    return `activity-${++this.counter}`;
  }
}

function isGroupRequest(body: string): boolean {
  try {
    return (JSON.parse(body) as { isGroup?: unknown }).isGroup === true;
  } catch {
    return false;
  }
}
