import { todayIn } from '../../domain/calendar';
import { Command } from '../../domain/command';
import { answersQuestion, parseCommand } from '../../domain/command-grammar';
import { cleanCommandText } from '../../domain/command-text';
import { Storage } from '../../store/open-storage';
import { ChangeNotifier } from '../notifier';
import { bindReply } from './bind-reply';
import {
  answerDelay,
  continueDelay,
  DelayDraft,
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
import { dateOf, workedOut } from './dates';
import { findAction } from './find-action';
import { helpReply, smallTalkReply } from './help';
import { rolesIn } from './unknown-hints';
import { unknownReply } from './unknown-replies';
import { plansFor, PlanView } from './plan-scope';
import { detailReply, historyReply, myActionsReply, notOneReply, overdueReply, resolveOne } from './read-replies';
import { showAction } from '../../use-cases/show-action';
import { bindingIdOf, Incoming, Reply, text } from './types';
import { recogniseQuestion } from '../../domain/questions/intents';
import { questionReplies } from './question-replies';
import { measuresReply, measureValueReply } from './measure-replies';
import { UK_TIME_ZONE } from '../../domain/time-zone';
import { reportRequest } from '../../domain/report/report-request';
import { REPORT_IN_PRIVATE, ReportLinkMaker, reportReply } from './report-reply';
import { answerConfirmPress } from './confirm-press';
import { typedMeasureChoice } from './which-measure-question';

/** Who is asking, where, and the plan bound to that conversation, if any. */
interface Asker {
  incoming: Incoming;
  email: string;
  boundPlanId: string | null;
  /** Reads of the bound plan started before the binding was confirmed (see `handle`). */
  early: EarlyReads | null;
}

interface EarlyReads {
  planId: string;
  views: Promise<PlanView[]>;
  actions: Promise<Versioned<Action>[]>;
}

const REMEMBERED_BINDINGS = 10_000;

/**
 * Turns one message into replies. Stateless apart from Table Storage, so any
 * instance can answer any message, including the answer to a question another
 * instance asked.
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
    if (!email) {
      return [
        text(
          'I can’t tell which account you are using, so I can’t match you to any actions. Please ask your Teams administrator to check the app is installed for you.',
        ),
      ];
    }
    const today = todayIn(incoming.now, this.defaultTimeZone);
    const command = parseCommand(incoming.text, today);
    // "What's overdue" in a bound channel needs the plan, the asker's roles and the plan's
    // actions: start reading them for the plan this conversation was bound to last time,
    // alongside the binding itself, and use them only if the binding turns out the same.
    // The binding belongs to the whole channel or chat; a question the bot asked belongs to the thread it asked in.
    const where = bindingIdOf(incoming);
    const guess = command.kind === 'overdue' ? this.lastBinding.get(where) : undefined;
    const early = guess ? this.readEarly(incoming, email, guess) : null;
    const [pending, binding] = await Promise.all([
      this.storage.conversations.pending(incoming.conversation.id, incoming.user.id, incoming.now),
      this.storage.conversations.binding(where, incoming.conversation.kind),
    ]);
    this.remember(where, binding.planId);
    const boundPlanId = incoming.planId ?? binding.planId;
    const asker: Asker = { incoming, email, boundPlanId, early: early?.planId === boundPlanId ? early : null };

    if (pending && command.kind === 'cancel') {
      await this.storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
      return [text('OK, I’ve left it as it was.')];
    }
    // "2" or "the second one" while the bot asks which measure a value is for presses that measure's button.
    const chosen = typedMeasureChoice(pending, incoming.text);
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
    // "thanks" or "👍" while a question waits leaves the question waiting; anything else answers itself, and a
    // delay whose date was being asked for is said to be set aside, not silently dropped.
    if (!pending || command.kind === 'smallTalk') return this.run(command, asker);
    await this.storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
    const replies = await this.run(command, asker);
    return draft ? [...replies, text(delaySetAside(draft, today))] : replies;
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
    return plansFor(this.storage, asker.incoming, asker.email, asker.boundPlanId);
  }

  private async run(command: Command, asker: Asker): Promise<Reply[]> {
    const { incoming, email } = asker;
    const views = () => this.views(asker);
    const report = command.kind === 'unknown' && this.reports ? reportRequest(cleanCommandText(incoming.text)) : null;
    // The links let whoever holds them download the report, so they are never posted where others read.
    if (report && this.reports && incoming.conversation.kind !== 'personal') return [text(REPORT_IN_PRIVATE)];
    if (report && this.reports)
      return [
        await reportReply(
          this.storage,
          await views(),
          report.planId,
          this.reports.links,
          incoming.now,
          this.reports.minutes,
        ),
      ];
    // Questions the grammar has no command for ("what has slipped this month?"), and "what's due
    // next week", which it reads as the asker's own due-soon list.
    const question =
      command.kind === 'unknown' || (command.kind === 'myActions' && command.which === 'dueSoon')
        ? recogniseQuestion(incoming.text, todayIn(incoming.now, this.defaultTimeZone))
        : null;
    if (question?.kind === 'decisions') return decisionsReply(this.storage, await views());
    if (question?.kind === 'offTargetMeasures') return measuresReply(this.storage, await views(), 'offTarget');
    if (question) return questionReplies(this.storage, await views(), question);
    switch (command.kind) {
      case 'help':
        return [helpReply(rolesIn(await views()))];
      case 'cancel':
        return [nothingToCancelReply(command.named)];
      case 'smallTalk':
        return [smallTalkReply(command.thanks)];
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
    if (command.kind === 'show') {
      const shown = await showAction(this.storage, scope, { ref: command.ref });
      if (shown.kind !== 'action') return [notOneReply(shown)];
      const offer = command.offer
        ? offerReply(shown.found, command.offer, shown.found.view.actor, await this.storage.people.nameDirectory())
        : null;
      return [detailReply(shown, null), ...(offer ? [offer] : [])];
    }
    if (command.kind === 'history') return [await historyReply(this.storage, scope, command.ref)];
    const found = await resolveOne(this.storage, scope, command.ref);
    if ('kind' in found) return [found];
    switch (command.kind) {
      case 'askRed':
        return [askRedReply(found, command.comment)];
      case 'delay': {
        const draft: DelayDraft = {
          planId: found.view.plan.id,
          ref: found.current.value.ref,
          newDate: command.newDate ? dateOf(command.newDate, found.current.value, found.view.today) : null,
          reason: command.reason,
          markDelayed: command.statusChange,
          worked: command.newDate ? workedOut(command.newDate, found.current.value, found.view.today) : null,
        };
        const dateError = command.newDate && 'error' in command.newDate ? command.newDate.error : null;
        return [await continueDelay(this.storage, incoming, found, draft, dateError, this.notifier)];
      }
      case 'measureValue':
        return [await measureValueReply(this.storage, found, command, incoming, this.notifier)];
      case 'approve':
      case 'decideDate':
        return [await decisionReply(this.storage, found, command, incoming.now.toISOString(), this.notifier)];
      default:
        return [await simpleChangeReply(this.storage, found, command, incoming.now.toISOString(), this.notifier)];
    }
  }

  private async answerPending(asker: Asker, draft: DelayDraft, answer: string): Promise<Reply> {
    const { incoming } = asker;
    const scope = (await this.views(asker)).filter((v) => v.plan.id === draft.planId);
    const { found } = await findAction(this.storage, scope, draft.ref);
    if (found.length !== 1) {
      await this.storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
      return text(`I can no longer find ${draft.ref}, so I’ve stopped.`);
    }
    const answered = answerDelay(draft, answer, found[0].view.today);
    return continueDelay(this.storage, incoming, found[0], answered.draft, answered.dateError, this.notifier);
  }
}
