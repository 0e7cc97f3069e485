import { todayIn } from '../../domain/calendar';
import { Command } from '../../domain/command';
import { answersQuestion, parseCommand } from '../../domain/command-grammar';
import { namesAction } from '../../domain/command-guard';
import { cleanCommandText } from '../../domain/command-text';
import { Storage } from '../../store/open-storage';
import { ChangeNotifier } from '../notifier';
import { bindReply } from './bind-reply';
import {
  answerDelay,
  continueDelay,
  DelayDraft,
  delayReply,
  delaySetAside,
  PENDING_DELAY,
  readDelayDraft,
  simpleChangeReply,
} from './change-replies';
import { decisionReply, decisionsReply } from './decision-replies';
import { Action } from '../../domain/types';
import { Versioned } from '../../store/action-store';
import { askRedReply, offerReply } from './confirm-replies';
import { nothingToCancelReply } from './cancel-replies';
import { notChangeReply } from './not-change-reply';
import { findAction } from './find-action';
import { helpReply, smallTalkReply } from './help';
import { rolesIn } from './unknown-hints';
import { unknownReply } from './unknown-replies';
import { FoundAction, plansFor, PlanView } from './plan-scope';
import { detailReply, historyReply, myActionsReply, notOneOrAsk, overdueReply, resolveFor } from './read-replies';
import { showAction } from '../../use-cases/show-action';
import { exampleRefs } from '../../use-cases/example-ref';
import { bindingIdOf, Incoming, Reply, text } from './types';
import { recogniseQuestion } from '../../domain/questions/intents';
import { questionReplies } from './question-replies';
import { measuresReply, measureValueReply } from './measure-replies';
import { UK_TIME_ZONE } from '../../domain/time-zone';
import { reportRequest } from '../../domain/report/report-request';
import { ReportLinkMaker, reportReply } from './report-reply';
import { answerConfirmPress } from './confirm-press';
import { typedMeasureChoice } from './which-measure-question';
import {
  askReason as askForReason,
  PENDING_REASON,
  ReasonQuestion,
  readReasonQuestion,
  reasonSetAside,
  withReason,
} from './reason-question';
import { namedPlan } from './named-plan';
import { elsewhereReply } from './elsewhere-reply';
import { typedPlanChoice } from './which-plan-question';
import { stillNeededForDelay, stillNeededForReason } from './still-needed';
import { withSpacedRefsJoined } from './spaced-refs';

type SimpleChange = Parameters<typeof simpleChangeReply>[2];

/** Who is asking, where, and the plan bound to that conversation, if any. */
interface Asker {
  incoming: Incoming;
  email: string;
  boundPlanId: string | null;
  /** Reads of the bound plan started before the binding was confirmed (see `handle`). */
  early: EarlyReads | null;
  /** The plans in scope, read once per message. */
  views?: Promise<PlanView[]>;
}

interface EarlyReads {
  planId: string;
  views: Promise<PlanView[]>;
  actions: Promise<Versioned<Action>[]>;
}

const REMEMBERED_BINDINGS = 10_000;
const NO_ACCOUNT =
  'I can’t tell which account you are using, so I can’t match you to any actions. Please ask your Teams administrator to check the app is installed for you.';

/**
 * Turns one message into replies. Stateless apart from Table Storage, so any instance can answer any message,
 * including the answer to a question another instance asked.
 */
export class ChatService {
  constructor(
    private readonly storage: Storage,
    private readonly defaultTimeZone = UK_TIME_ZONE,
    private readonly notifier?: ChangeNotifier,
    /** Signed links to the committee report on the bot's own server; without them "report" is not offered. */
    private readonly reports?: { links: ReportLinkMaker; minutes: number },
  ) {}

  /** The plan each conversation was last seen bound to: a guess, always checked against storage. */
  private readonly lastBinding = new Map<string, string>();

  async handle(incoming: Incoming): Promise<Reply[]> {
    const email = incoming.user.email?.toLowerCase();
    if (!email) return [text(NO_ACCOUNT)];
    const today = todayIn(incoming.now, this.defaultTimeZone);
    const typed = parseCommand(incoming.text, today);
    // "What's overdue" in a bound channel needs the plan, the asker's roles and the plan's actions: start reading
    // them for the plan this conversation was bound to last time, alongside the binding itself, and use them only if
    // the binding turns out the same. (The binding is the whole channel's; a question asked is its thread's.)
    const where = bindingIdOf(incoming);
    const guess = typed.kind === 'overdue' ? this.lastBinding.get(where) : undefined;
    const early = guess ? this.readEarly(incoming, email, guess) : null;
    const [pending, binding] = await Promise.all([
      this.storage.conversations.pending(incoming.conversation.id, incoming.user.id, incoming.now),
      this.storage.conversations.binding(where, incoming.conversation.kind),
    ]);
    this.remember(where, binding.planId);
    const boundPlanId = incoming.planId ?? binding.planId;
    const asker: Asker = { incoming, email, boundPlanId, early: early?.planId === boundPlanId ? early : null };
    // "show rec 4 ii": a ref typed with spaces is read as the plan writes it; an answer to a question stays as typed.
    const cleaned = cleanCommandText(incoming.text);
    const joined = await withSpacedRefsJoined(this.storage, () => this.views(asker), cleaned);
    if (joined !== cleaned) asker.incoming = { ...incoming, text: joined };
    const command = joined === cleaned ? typed : parseCommand(joined, today);

    if (pending && command.kind === 'cancel') {
      await this.storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
      return [text('OK, I’ve left it as it was.')];
    }
    // "2" answering "which measure?", or "SEND" answering "which plan?", presses that button.
    const chosen = typedMeasureChoice(pending, incoming.text) ?? typedPlanChoice(pending, incoming.text);
    if (chosen) {
      await this.storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
      const { conversation, user, now } = incoming;
      return answerConfirmPress(this.storage, this, {
        verb: 'confirm',
        data: chosen,
        incoming: { conversation, user, now },
      });
    }
    // The answer is the text made plain, not the command's shortened echo of it.
    const draft = pending?.kind === PENDING_DELAY ? readDelayDraft(pending.data) : null;
    if (draft && answersQuestion(command, incoming.text, today)) {
      return [await this.answerPending(asker, draft, cleanCommandText(incoming.text))];
    }
    const why = pending?.kind === PENDING_REASON ? readReasonQuestion(pending.data) : null;
    if (why && answersQuestion(command, incoming.text, today)) {
      return [await this.answerReason(asker, why, cleanCommandText(incoming.text))];
    }
    // "thanks" or "👍" while a question waits leaves the question waiting; anything else answers itself, and a
    // delay, a cancellation or a sign-off whose date or reason was being asked for is said to be set aside, not
    // silently dropped.
    if (!pending || command.kind === 'smallTalk') return this.run(command, asker);
    await this.storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
    const replies = await this.run(command, asker);
    const setAside = draft
      ? { ref: draft.ref, notice: delaySetAside(draft, today) }
      : why
        ? { ref: why.ref, notice: reasonSetAside(why) }
        : null;
    // A command about the same action completes or replaces the change ("SG-1 delayed to 3/4/27 because …",
    // "cancel SG-5 because …"), so nothing was set aside. Otherwise the notice comes first, so that the new
    // command's answer (perhaps a question of its own) is the last word and is not read as the question dropped.
    if (!setAside || namesAction(command, setAside.ref)) return replies;
    return [text(setAside.notice), ...replies];
  }

  private readEarly(incoming: Incoming, email: string, planId: string): EarlyReads {
    const early = {
      planId,
      views: plansFor(this.storage, incoming, email, planId),
      actions: this.storage.actions.snapshot(planId),
    };
    // Awaited only if used; this stops a failure of an unused guess going unhandled.
    early.views.catch(() => undefined);
    early.actions.catch(() => undefined);
    return early;
  }

  private remember(conversationId: string, planId: string | null): void {
    if (!planId) {
      this.lastBinding.delete(conversationId);
      return;
    }
    if (this.lastBinding.size >= REMEMBERED_BINDINGS) this.lastBinding.clear();
    this.lastBinding.set(conversationId, planId);
  }

  private views(asker: Asker): Promise<PlanView[]> {
    asker.views ??= plansFor(this.storage, asker.incoming, asker.email, asker.boundPlanId);
    return asker.views;
  }

  private async run(command: Command, asker: Asker): Promise<Reply[]> {
    const { incoming, email } = asker;
    const views = () => this.views(asker);
    // "send-wsoa/R3 at risk", "what's overdue in the SEND plan?": read as if typed in a chat bound to that plan.
    const today = todayIn(incoming.now, this.defaultTimeZone);
    const everyPlan = () => (asker.boundPlanId ? plansFor(this.storage, incoming, email, null) : views());
    const named = await namedPlan(this.storage, everyPlan, incoming, today, asker.boundPlanId !== null);
    if (named) return this.run(named.command, { ...asker, ...named.asked, views: undefined, early: null });
    const report = command.kind === 'unknown' && this.reports ? reportRequest(cleanCommandText(incoming.text)) : null;
    if (report && this.reports) return [await reportReply(this.storage, incoming, views, report.planId, this.reports)];
    // Questions the grammar has no command for ("what has slipped this month?"), and "what's due next week", which
    // it reads as the asker's own due-soon list.
    const question =
      command.kind === 'unknown' || (command.kind === 'myActions' && command.which === 'dueSoon')
        ? recogniseQuestion(incoming.text, today)
        : null;
    if (question?.kind === 'decisions') return decisionsReply(this.storage, await views());
    if (question?.kind === 'offTargetMeasures') return measuresReply(this.storage, await views(), 'offTarget');
    if (question) return questionReplies(this.storage, await views(), question);
    switch (command.kind) {
      case 'help': {
        const scope = await views();
        return [helpReply(rolesIn(scope), await exampleRefs(this.storage, scope))];
      }
      case 'cancel':
        return [nothingToCancelReply(command.named ?? (await exampleRefs(this.storage, await views())).own)];
      case 'smallTalk':
        return [
          command.thanks
            ? smallTalkReply(true)
            : smallTalkReply(false, (await exampleRefs(this.storage, await views())).own),
        ];
      case 'unknown':
        return [await unknownReply(this.storage, await views(), command)];
      case 'myActions':
        return [await myActionsReply(this.storage, await views(), command.which)];
      case 'overdue': {
        const bound = asker.boundPlanId;
        const early = asker.early ?? (bound ? this.readEarly(incoming, email, bound) : null);
        return overdueReply(this.storage, await (early?.views ?? views()), command.scope, early ?? undefined);
      }
      case 'bindPlan':
        return [await bindReply(this.storage, incoming, command.planId, email)];
      case 'decisions':
        return decisionsReply(this.storage, await views());
      case 'measures':
        return measuresReply(this.storage, await views());
    }
    const scope = await views();
    const elsewhere = asker.boundPlanId && (await elsewhereReply(this.storage, incoming, scope, everyPlan, command));
    if (elsewhere) return [elsewhere];
    if (command.kind === 'show') {
      const shown = await showAction(this.storage, scope, { ref: command.ref });
      if (shown.kind !== 'action') return [await notOneOrAsk(this.storage, incoming, shown)];
      const offer = command.offer
        ? offerReply(shown.found, command.offer, shown.found.view.actor, await this.storage.people.nameDirectory())
        : null;
      return [detailReply(shown, null), ...(offer ? [offer] : [])];
    }
    if (command.kind === 'history') return [await historyReply(this.storage, scope, command.ref, incoming)];
    const found = await resolveFor(this.storage, scope, command, incoming);
    if ('kind' in found) return [found];
    switch (command.kind) {
      case 'askRed':
        return [askRedReply(found, command.comment)];
      case 'delay':
        return [await delayReply(this.storage, incoming, found, command, this.notifier)];
      case 'measureValue':
        return [await measureValueReply(this.storage, found, command, incoming, this.notifier)];
      case 'notChange':
        return [notChangeReply(found, command, await this.storage.people.nameDirectory())];
      case 'approve':
      case 'decideDate':
        return [await decisionReply(this.storage, found, command, incoming.now.toISOString(), this.notifier)];
      default:
        return [await this.changeReply(found, command, incoming)];
    }
  }

  private changeReply(found: FoundAction, command: SimpleChange, incoming: Incoming): Promise<Reply> {
    const at = incoming.now.toISOString();
    const askReason = (question: ReasonQuestion) => askForReason(this.storage, incoming, question);
    return simpleChangeReply(this.storage, found, command, at, this.notifier, askReason);
  }

  /** The action a question the bot asked was about, found again for the asker; null (and the question dropped) if it is gone. */
  private async askedAbout(asker: Asker, asked: { planId: string; ref: string }): Promise<FoundAction | null> {
    const { incoming } = asker;
    const scope = (await this.views(asker)).filter((v) => v.plan.id === asked.planId);
    const { found } = await findAction(this.storage, scope, asked.ref);
    if (found.length === 1) return found[0];
    await this.storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
    return null;
  }

  private async answerPending(asker: Asker, draft: DelayDraft, answer: string): Promise<Reply> {
    const found = await this.askedAbout(asker, draft);
    if (!found) return text(`I can no longer find ${draft.ref}, so I’ve stopped.`);
    const notAnAnswer = stillNeededForDelay(draft, found, answer);
    if (notAnAnswer) return notAnAnswer;
    const answered = answerDelay(draft, answer, found.view.today);
    return continueDelay(this.storage, asker.incoming, found, answered.draft, answered.dateError, this.notifier);
  }

  /** The reason asked for: the command it was asked for runs again with it, as if typed in one message. */
  private async answerReason(asker: Asker, question: ReasonQuestion, answer: string): Promise<Reply> {
    const found = await this.askedAbout(asker, question);
    if (!found) return text(`I can no longer find ${question.ref}, so I’ve stopped.`);
    const notAnAnswer = stillNeededForReason(question, answer);
    if (notAnAnswer) return notAnAnswer;
    await this.storage.conversations.clearPending(asker.incoming.conversation.id, asker.incoming.user.id);
    return this.changeReply(found, withReason(question, answer), asker.incoming);
  }
}
