import http from 'node:http';
import { AddressInfo } from 'node:net';
import { conversationKey, PER_APP_LIMITS, PER_CONVERSATION_LIMITS, SlidingWindow } from '../../src/domain/pacing';

/**
 * A stand-in for the Bot Connector service, following its documented REST
 * API (v3 conversations): it records what the bot sends, answers member
 * look-ups from a directory, and can be told to refuse sends (for example
 * with 429 and Retry-After) to test retries. Used where the real Teams
 * connector cannot be: robustness tests and benchmarks.
 */
export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName: string;
}

export interface SentActivity {
  conversationId: string;
  replyToId: string | null;
  method: 'POST' | 'PUT';
  activity: Record<string, unknown>;
  at: number;
}

export type Fault = { status: number; retryAfterSeconds?: number } | null;

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
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly members: Member[] = [],
    private readonly options: ConnectorOptions = {},
  ) {}

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
      const timer = setTimeout(() => reject(new Error('No matching activity reached the connector in time.')), timeoutMs);
      this.waiters.push({ predicate, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
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
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      // GET /v3/conversations/{conversationId}/members/{memberId}
      if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts[4]) {
        const member = this.members.find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
        return member ? reply(200, member) : reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
      }
      // POST /v3/conversations (create a conversation)
      if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 2) {
        const request = JSON.parse(body || '{}') as { members?: { id: string }[] };
        return reply(201, { id: `a:personal-${request.members?.[0]?.id ?? 'unknown'}`, activityId: this.nextId() });
      }
      // POST /v3/conversations/{id}/activities[/{replyToId}], PUT /v3/conversations/{id}/activities/{activityId}
      if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
        const conversationId = parts[2];
        const attempt = (this.attempts.get(conversationId) ?? 0) + 1;
        this.attempts.set(conversationId, attempt);
        if (this.overLimit(conversationId)) {
          this.throttled++;
          return reply(429, { error: { code: 'Throttled', message: 'over the Teams limits' } }, { 'retry-after': '1' });
        }
        const fault = this.fault({ conversationId, attempt });
        if (fault) {
          const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
          return reply(fault.status, { error: { code: 'Injected', message: `injected ${fault.status}` } }, headers);
        }
        let activity: Record<string, unknown>;
        try {
          activity = JSON.parse(body) as Record<string, unknown>;
        } catch {
          return reply(400, { error: { code: 'BadSyntax', message: 'not JSON' } });
        }
        const id = req.method === 'PUT' ? parts[4] : this.nextId();
        this.record({ conversationId, replyToId: req.method === 'POST' ? parts[4] ?? null : null, method: req.method, activity, at: Date.now() });
        return reply(200, { id });
      }
      reply(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
    });
  }

  private nextId(): string {
    return `activity-${++this.counter}`;
  }
}
