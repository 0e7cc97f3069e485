/**
 * A throwaway bot that proves the end-to-end harness: it echoes text, sends an
 * Adaptive Card whose Action.Execute button refreshes the card in place, replies
 * in channels and group chats only when @mentioned, and can send proactive
 * messages. Authentication is off (no app id), as in local development.
 */
import restify from 'restify';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationParameters,
  ConversationReference,
  TurnContext,
} from 'botbuilder';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface EchoBot {
  readonly port: number;
  /** The messaging endpoint to give the Playground. */
  readonly endpoint: string;
  /** Conversation references captured from incoming activities, by conversation id. */
  readonly references: ReadonlyMap<string, Partial<ConversationReference>>;
  /** Errors raised while handling turns; a healthy run leaves this empty. */
  readonly errors: readonly Error[];
  /** The reference of the most recent personal (1:1) conversation, if any. */
  personalReference(): Partial<ConversationReference> | undefined;
  /** Sends a message into a stored conversation (continueConversationAsync). */
  sendProactive(reference: Partial<ConversationReference>, text: string): Promise<void>;
  /** Creates (or finds) a 1:1 conversation with a user and posts into it; returns its id. */
  createPersonalConversation(serviceUrl: string, userId: string, text: string): Promise<string>;
  stop(): Promise<void>;
}

export interface EchoBotOptions {
  port?: number;
  /** App id used for proactive calls. With authentication off any value works, even ''. */
  appId?: string;
}

export function counterCard(count: number): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Echo card', weight: 'Bolder', size: 'Medium' },
      { type: 'TextBlock', text: `Count: ${count}`, wrap: true },
      { type: 'Input.Text', id: 'note', label: 'Note', placeholder: 'Type a note' },
    ],
    actions: [{ type: 'Action.Execute', title: 'Increment', verb: 'increment', data: { count } }],
  };
}

function cardAttachment(count: number) {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: counterCard(count) };
}

function isMentioned(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}

async function onMessage(context: TurnContext): Promise<void> {
  const type = context.activity.conversation.conversationType;
  if (type !== 'personal' && !isMentioned(context)) return;
  const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
  if (text.toLowerCase() === 'card') {
    await context.sendActivity({ attachments: [cardAttachment(0)] });
    return;
  }
  await context.sendActivity(`Echo: ${text}`);
}

async function onInvoke(context: TurnContext): Promise<void> {
  if (context.activity.name !== 'adaptiveCard/action') return;
  const action = (context.activity.value ?? {}) as {
    action?: { verb?: string; data?: { count?: number; note?: string } };
  };
  const count = Number(action.action?.data?.count ?? 0) + 1;
  const card = counterCard(count);
  const note = action.action?.data?.note;
  if (note) (card.body as unknown[]).push({ type: 'TextBlock', text: `Note: ${note}`, wrap: true });
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } },
  });
}

export async function startEchoBot(options: EchoBotOptions = {}): Promise<EchoBot> {
  const appId = options.appId ?? '';
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const references = new Map<string, Partial<ConversationReference>>();
  const errors: Error[] = [];
  let lastPersonal: string | undefined;

  adapter.onTurnError = async (_context, error) => {
    errors.push(error);
  };

  const logic = async (context: TurnContext): Promise<void> => {
    const reference = TurnContext.getConversationReference(context.activity);
    references.set(context.activity.conversation.id, reference);
    if (context.activity.conversation.conversationType === 'personal') {
      lastPersonal = context.activity.conversation.id;
    }
    if (context.activity.type === (ActivityTypes.Message as string)) await onMessage(context);
    else if (context.activity.type === (ActivityTypes.Invoke as string)) await onInvoke(context);
  };

  const server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, logic);
  });

  await new Promise<void>((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = server.address().port;

  /** Runs proactive logic; errors are rethrown (the adapter would hand them to onTurnError). */
  const proactive = async (run: (send: (context: TurnContext) => Promise<void>) => Promise<void>, text: string) => {
    const failures: unknown[] = [];
    await run(async (context) => {
      try {
        await context.sendActivity(text);
      } catch (error) {
        failures.push(error);
      }
    });
    if (failures.length) throw failures[0];
  };

  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    references,
    errors,
    personalReference: () => (lastPersonal ? references.get(lastPersonal) : undefined),
    sendProactive: (reference, text) =>
      proactive((send) => adapter.continueConversationAsync(appId, reference, send), text),
    async createPersonalConversation(serviceUrl, userId, text) {
      let conversationId = '';
      const parameters = {
        isGroup: false,
        bot: { id: appId, name: 'Echo bot' },
        members: [{ id: userId, name: userId }],
      } as ConversationParameters;
      await proactive(
        (send) =>
          adapter.createConversationAsync(appId, 'msteams', serviceUrl, '', parameters, async (context) => {
            conversationId = context.activity.conversation.id;
            await send(context);
          }),
        text,
      );
      return conversationId;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}
