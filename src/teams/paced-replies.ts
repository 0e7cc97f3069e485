import { ActivityEventNames, ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import { Pacer } from '../jobs/pacer';

/** Turns the adapter starts itself to send proactively: their sends are paced by the proactive sender already. */
const PROACTIVE = new Set<string>([ActivityEventNames.ContinueConversation, ActivityEventNames.CreateConversation]);
/** Activities that never reach the connector (an invoke's answer goes back in the HTTP response). */
const NOT_SENT = new Set<string>([ActivityTypes.InvokeResponse, ActivityTypes.Trace]);

/**
 * Replies in a turn count against Teams' limits like any other message, so
 * they take their slot from the same pacer as jobs and notifications: a
 * chair's "what's overdue" during a reminder run waits its turn rather than
 * being answered 429.
 */
export function pacedReplies(pacer: Pacer): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const incoming = context.activity;
      if (!(incoming.type === (ActivityTypes.Event as string) && PROACTIVE.has(incoming.name ?? ''))) {
        context.onSendActivities(async (turn, activities, send) => {
          for (const activity of activities) {
            if (!NOT_SENT.has(activity.type ?? ''))
              await pacer.slot(activity.conversation?.id ?? turn.activity.conversation.id);
          }
          return send();
        });
      }
      await next();
    },
  };
}
