import { Activity, InvokeResponse, TeamsActivityHandler, TurnContext } from 'botbuilder';
import { storageErrorWords } from '../cards/error-words';
import { AdaptiveCard, renderCard } from '../cards/render';
import { TOO_LONG_REPLY } from '../domain/command-build';
import { readableText } from '../domain/command-text';
import { CardActions } from '../services/card-actions';
import { Logger } from '../log';
import { ChatService } from '../services/chat/chat-service';
import { answerConfirmPress, CONFIRM_VERBS } from '../services/chat/confirm-press';
import { Reply } from '../services/chat/types';
import { Storage } from '../store/open-storage';
import { conversationKind } from './conversation-kind';
import { conversationScope } from './conversation-scope';
import { forgetWhenRemoved } from './removal';
import { senderEmail } from './identity';
import { Introductions } from './introductions';
import { carriesFiles, mentionsBot, typedText } from './message-text';
import { replacementCard, toActivity } from './replies';
import { tenantAllowed, tenantOf } from './tenant';

export interface BotOptions {
  storage: Storage;
  chat: ChatService;
  cardActions: CardActions;
  allowedTenants: readonly string[];
  log: Logger;
  now?: () => Date;
}

/**
 * The Teams face of the bot: works out who is talking and where, remembers
 * how to reach them, and hands the words to the chat service.
 */
export class ActionTrackerBot extends TeamsActivityHandler {
  private readonly now: () => Date;
  private readonly introductions: Introductions;

  constructor(private readonly options: BotOptions) {
    super();
    this.now = options.now ?? (() => new Date());
    this.introductions = new Introductions(options.storage, options.log, this.now);
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      if (conversationKind(context.activity) === 'personal') {
        await this.introductions.personalInstall(context);
        await context.sendActivity(
          'Hello! I keep track of the action plan. Type "help" to see what I can do, or "my actions" to see yours.',
        );
      }
      await next();
    });
    forgetWhenRemoved(this, options.storage, options.log);
    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      const botAdded = added.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await this.remember(context);
      // In a personal chat the install event introduces the person; in a team or group chat, read who is there.
      if (conversationKind(context.activity) !== 'personal') {
        if (botAdded) await this.introductions.addedToConversation(context);
        else await this.introductions.membersJoined(context, added);
      }
      await next();
    });
  }

  /**
   * A button on a reminder or decisions card (Universal Actions): the answer replaces the card. Any other
   * invoke, and a press that is not an Action.Execute, gets botbuilder's own answer (a 400 for the latter).
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const press = executeActionOf(context.activity);
    if (!press) return super.onInvokeActivity(context);
    const answer = await this.answerCardButton(context, press);
    return { status: answer.statusCode, body: answer };
  }

  private async answerCardButton(context: TurnContext, press: ExecuteAction): Promise<CardButtonAnswer> {
    const log = this.options.log.child({ activityId: context.activity.id, verb: press.verb });
    try {
      const email = await senderEmail(context, this.options.storage, log);
      const verb = typeof press.verb === 'string' ? press.verb : '';
      if (CONFIRM_VERBS.includes(verb)) return await this.confirmPressed(context, verb, press.data ?? {}, email, log);
      const result = await this.options.cardActions.handle({
        verb,
        data: press.data ?? {},
        user: { id: context.activity.from.id, email, name: context.activity.from.name ?? null },
        now: this.now(),
      });
      log.info({ result: result.kind }, 'answered a card button');
      return result.kind === 'card'
        ? {
            statusCode: 200,
            type: 'application/vnd.microsoft.card.adaptive',
            value: renderCard(result.card, result.data),
          }
        : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text };
    } catch (error) {
      log.error({ err: error }, 'failed to answer a card button');
      const message = storageErrorWords(error) ?? 'Sorry, something went wrong on my side and nothing was changed.';
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
    }
  }

  /** Yes or No on a question the bot asked: runs what Yes offered as if typed there, and puts the outcome in the card's place. */
  private async confirmPressed(
    context: TurnContext,
    verb: string,
    data: unknown,
    email: string | null,
    log: Logger,
  ): Promise<CardButtonAnswer> {
    const activity = context.activity;
    const scope = this.scopeOf(activity);
    const replies = await answerConfirmPress(this.options.storage, this.options.chat, {
      verb,
      data,
      incoming: {
        conversation: { id: activity.conversation.id, kind: conversationKind(activity), bindingId: scope.bindingId },
        user: { id: activity.from.id, email, name: activity.from.name ?? null },
        now: this.now(),
      },
    });
    const [first, ...rest] = replies;
    for (const reply of rest) await context.sendActivity(toActivity(reply));
    log.info({ replies: replies.map((r) => (r.kind === 'card' ? r.card : 'text')) }, 'answered a Yes/No button');
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: replacementCard(first) };
  }

  /** Refuses other organisations before anything else happens. */
  override async run(context: TurnContext): Promise<void> {
    if (!tenantAllowed(context.activity, this.options.allowedTenants)) {
      this.options.log.warn(
        { tenantId: tenantOf(context.activity), type: context.activity.type },
        'activity from a tenant that is not allowed',
      );
      if (context.activity.type === 'message') {
        await context.sendActivity('Sorry, Action Tracker is not available to your organisation.');
      } else if (context.activity.type === 'invoke') {
        await context.sendActivity({
          type: 'invokeResponse',
          value: { status: 403, body: { message: 'Action Tracker is not available to your organisation.' } },
        });
      }
      return;
    }
    await super.run(context);
  }

  /** Stored per channel (not per post) or chat: how to reach it, and the team it belongs to. */
  private async remember(context: TurnContext, scope = this.scopeOf(context.activity)): Promise<void> {
    const activity = context.activity;
    // A plain copy: storage keeps it as JSON.
    const reference = { ...TurnContext.getConversationReference(activity) };
    await this.options.storage.conversations.saveReference({
      conversationId: scope.bindingId,
      kind: scope.kind,
      tenantId: tenantOf(activity),
      teamId: scope.teamId,
      reference,
      updatedAt: this.now().toISOString(),
    });
  }

  /** Where the activity sits; a channel activity that does not say which channel is logged, and worked out. */
  private scopeOf(activity: Partial<Activity>) {
    const scope = conversationScope(activity);
    if (scope.problem === 'no-channel-id') {
      this.options.log.warn(
        { activityId: activity.id, type: activity.type, channelId: scope.bindingId },
        'channel activity without channelData.channel.id: using its conversation id without the post part',
      );
    }
    return scope;
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const kind = conversationKind(activity);
    if (kind !== 'personal' && !mentionsBot(activity)) return;
    const log = this.options.log.child({ activityId: activity.id, conversationKind: kind });
    try {
      // A press of an Action.Submit or messageBack button: its text (if any) was written by the card, not typed.
      if (activity.value !== undefined) {
        await context.sendActivity('That button belongs to an older card. Type "help" to see what I can do.');
        return;
      }
      const words = typedText(activity);
      const readable = readableText(words);
      if (readable === null) {
        await context.sendActivity(TOO_LONG_REPLY);
        return;
      }
      if (readable === '' && carriesFiles(activity)) {
        await context.sendActivity(FILES_REPLY);
        return;
      }
      const scope = this.scopeOf(activity);
      const [email] = await Promise.all([
        senderEmail(context, this.options.storage, log),
        this.remember(context, scope),
      ]);
      // Where their reminders go, written alongside the answer rather than before it. It does not decide the
      // reply: if it fails, the answer (and any change it made) still stands, and the next message tries again.
      const linking =
        email && kind === 'personal'
          ? this.options.storage.people
              .link({
                email,
                personalChat: { ...TurnContext.getConversationReference(activity) },
                unreachable: null,
                updatedAt: this.now().toISOString(),
              })
              .catch((error: unknown) => log.warn({ err: error }, 'could not store where to reach the sender'))
          : null;
      const started = Date.now();
      const [replies] = await Promise.all([
        this.options.chat.handle({
          text: words,
          conversation: { id: activity.conversation.id, kind, bindingId: scope.bindingId },
          user: { id: activity.from.id, email, name: activity.from.name ?? null },
          now: this.now(),
        }),
        linking,
      ]);
      await sendAll(context, replies);
      log.info(
        { replies: replies.map((r) => (r.kind === 'card' ? r.card : 'text')), ms: Date.now() - started },
        'answered a message',
      );
    } catch (error) {
      const words = storageErrorWords(error);
      if (words !== null) {
        log.warn({ problem: error instanceof Error ? error.name : 'unknown' }, 'could not answer a message');
        await context.sendActivity(words);
        return;
      }
      log.error({ err: error }, 'failed to answer a message');
      await context.sendActivity(
        'Sorry, something went wrong on my side and nothing was changed. Please try again; if it keeps happening, tell your administrator.',
      );
    }
  }
}

/** What a file, picture or card sent with no words gets: the bot reads only what is typed. */
const FILES_REPLY =
  'I can only read what you type: I can’t open files, pictures or cards. To add evidence, put the file in ' +
  'SharePoint or OneDrive and send me its link, for example "evidence SG-4 https://…". Type "help" to see what I can do.';

/** The button pressed, when the invoke is a well-formed Universal Action (botbuilder's own test). */
interface ExecuteAction {
  verb: unknown;
  data: unknown;
}

/** What a press answers: the card redrawn, or a line of text (Teams takes the text as the value itself). */
type CardButtonAnswer =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: AdaptiveCard }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function executeActionOf(activity: Activity): ExecuteAction | null {
  if (activity.name !== 'adaptiveCard/action' || !isRecord(activity.value)) return null;
  const action: unknown = activity.value.action;
  return isRecord(action) && action.type === 'Action.Execute' ? { verb: action.verb, data: action.data } : null;
}

async function sendAll(context: TurnContext, replies: Reply[]): Promise<void> {
  for (const reply of replies) await context.sendActivity(toActivity(reply));
}
