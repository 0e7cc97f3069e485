import {
  Activity,
  CardFactory,
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import { decideRetry, retryAfterMs } from '../domain/retry';
import { Pacer, Sleep, sleep } from '../jobs/pacer';
import { Destination, NewChat, OutgoingCard, Sender, SendResult } from '../jobs/sender';
import { Logger } from '../log';
import { StoredReference } from '../store/conversation-store';
import { storedReference } from './reference';

interface Delivered {
  activityId: string;
  conversationId: string;
  /** Set when a new personal chat was opened, so that the next message goes there. */
  opened?: StoredReference;
}

/** The HTTP status and Retry-After of a failed connector call, wherever the SDK put them. */
function failureOf(error: unknown): { status: number | null; retryAfter: string | null } {
  const e = error as {
    statusCode?: unknown;
    response?: { status?: unknown; headers?: { get?: (name: string) => string | undefined } };
  };
  const status =
    typeof e?.statusCode === 'number'
      ? e.statusCode
      : typeof e?.response?.status === 'number'
        ? e.response.status
        : null;
  const retryAfter = e?.response?.headers?.get?.('retry-after') ?? null;
  return { status, retryAfter };
}

/** The name of the retry policy in the Azure SDK pipeline under botframework-connector's client. */
const CLIENT_RETRY_POLICY = 'defaultRetryPolicy';
type ClientPipeline = { removePolicy(options: { name: string }): unknown };

function toActivity(message: OutgoingCard): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  activity.summary = message.summary;
  return activity;
}

/**
 * Proactive messages through the Bot Connector, paced to Teams' limits and
 * retried here, paced, with backoff and jitter on 429 (honouring Retry-After),
 * 408, 412 and 5xx. A 404 on a stored chat (the person deleted it) opens a new
 * one before the person is called unreachable; 403 means they cannot be reached;
 * 400, 401 and 413 are final.
 */
export class TeamsSender implements Sender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly pacer: Pacer,
    private readonly log: Logger,
    private readonly wait: Sleep = sleep,
    private readonly random: () => number = Math.random,
  ) {}

  async send(to: Destination, message: OutgoingCard): Promise<SendResult> {
    // Paced as one conversation: Teams counts a channel's limits across all its threads.
    if (to.kind === 'channel') return this.withRetries(to.channelId, () => this.startPost(to, message));
    if (to.kind === 'person') return this.withRetries(`new:${to.teamsUserId}`, () => this.open(to, message));
    const key = String((to.reference.conversation as { id?: string } | undefined)?.id);
    const first = await this.withRetries(key, () => this.post(to.reference, message));
    if (first.ok || first.reason !== 'chat-gone' || !to.reopen) return first;
    this.log.info({ attempts: first.attempts }, 'a stored personal chat has gone; opening a new one');
    const reopen = to.reopen;
    const second = await this.withRetries(`new:${reopen.teamsUserId}`, () => this.open(reopen, message));
    return { ...second, attempts: first.attempts + second.attempts };
  }

  update(reference: StoredReference, activityId: string, message: OutgoingCard): Promise<SendResult> {
    const key = String((reference.conversation as { id?: string } | undefined)?.id);
    return this.withRetries(key, () =>
      this.inConversation(reference, async (context) => {
        await context.updateActivity({ ...toActivity(message), id: activityId });
        return { activityId, conversationId: context.activity.conversation.id };
      }),
    );
  }

  private async withRetries(conversationKey: string, attempt: () => Promise<Delivered>): Promise<SendResult> {
    for (let attempts = 1; ; attempts++) {
      await this.pacer.slot(conversationKey);
      try {
        const delivered = await attempt();
        return { ok: true, ...delivered, attempts };
      } catch (error) {
        const { status, retryAfter } = failureOf(error);
        const decision = decideRetry(status, attempts, retryAfterMs(retryAfter, Date.now()), this.random);
        if (!decision.retry) {
          this.log.warn({ status, attempts, reason: decision.reason }, 'a proactive message could not be delivered');
          return { ok: false, outcome: decision.outcome, reason: decision.reason, attempts };
        }
        await this.wait(decision.delayMs);
      }
    }
  }

  /** Runs `logic` in the conversation; errors come back to us rather than to the adapter's error handler. */
  private inConversation(
    reference: StoredReference,
    logic: (context: TurnContext) => Promise<Delivered>,
  ): Promise<Delivered> {
    return new Promise((resolve, reject) => {
      this.adapter
        .continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (context) => {
          try {
            this.withoutClientRetries(context);
            resolve(await logic(context));
          } catch (error) {
            reject(error);
          }
        })
        .catch(reject);
    });
  }

  /**
   * The connector client made for this send has a retry policy of its own that resends 429s and
   * 5xx behind the pacer's back, so a send could go over Teams' limits and count as one attempt
   * however many requests it made. `withRetries` does that job, paced, so the client's is taken out.
   * (The client is made afresh for each proactive turn; replies to incoming messages keep theirs. Opening a new
   * chat, which is rare, still goes through the SDK's retry for that one request.)
   */
  private withoutClientRetries(context: TurnContext): void {
    const connector = context.turnState.get<{ client?: { pipeline?: ClientPipeline } } | undefined>(
      this.adapter.ConnectorClientKey,
    );
    connector?.client?.pipeline?.removePolicy({ name: CLIENT_RETRY_POLICY });
  }

  private post(reference: StoredReference, message: OutgoingCard): Promise<Delivered> {
    return this.inConversation(reference, async (context) => {
      const response = await context.sendActivity(toActivity(message));
      return { activityId: response?.id ?? '', conversationId: context.activity.conversation.id };
    });
  }

  /**
   * Starts a new post in a channel: the connector's create-conversation call with `isGroup`, the
   * channel and the tenant, the message going as its first activity. This is what
   * `TeamsInfo.sendMessageToTeamsChannel` sends, made here on the turn's own connector client so
   * that the pacer and our retries govern it and the answer's activity id is kept. (Continuing a
   * stored reference would reply inside that old thread instead.)
   */
  private startPost(to: Extract<Destination, { kind: 'channel' }>, message: OutgoingCard): Promise<Delivered> {
    const stored = to.reference.conversation as { tenantId?: unknown } | undefined;
    const tenantId = (typeof stored?.tenantId === 'string' && stored.tenantId) || to.tenantId || undefined;
    const channel = {
      ...to.reference,
      conversation: { id: to.channelId, isGroup: true, conversationType: 'channel', tenantId },
    };
    return this.inConversation(channel, async (context) => {
      const connector = context.turnState.get<ConnectorClient | undefined>(this.adapter.ConnectorClientKey);
      if (!connector) throw new Error('No connector client for the channel post');
      const parameters = {
        isGroup: true,
        bot: (to.reference.bot as ConversationParameters['bot'] | undefined) ?? {
          id: this.appId || 'action-tracker',
          name: 'Action Tracker',
        },
        tenantId,
        channelData: { channel: { id: to.channelId }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
        activity: toActivity(message),
      } as ConversationParameters;
      const created = await connector.conversations.createConversation(parameters);
      return { activityId: created.activityId ?? '', conversationId: created.id ?? to.channelId };
    });
  }

  /** Opens a personal chat with someone who has the app but has never written to it. */
  private open(to: NewChat, message: OutgoingCard): Promise<Delivered> {
    // Teams answers 400 without the tenant, in either place.
    const parameters = {
      isGroup: false,
      bot: { id: this.appId || 'action-tracker', name: 'Action Tracker' },
      members: [{ id: to.teamsUserId, name: '' }],
      tenantId: to.tenantId,
      channelData: { tenant: { id: to.tenantId } },
    } as ConversationParameters;
    return new Promise((resolve, reject) => {
      this.adapter
        .createConversationAsync(this.appId, 'msteams', to.serviceUrl, '', parameters, async (context) => {
          try {
            this.withoutClientRetries(context);
            const response = await context.sendActivity(toActivity(message));
            const opened = storedReference(context.activity);
            resolve({ activityId: response?.id ?? '', conversationId: context.activity.conversation.id, opened });
          } catch (error) {
            reject(error);
          }
        })
        .catch(reject);
    });
  }
}
