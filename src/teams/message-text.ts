import { Activity } from 'botbuilder';

/** A mention entity as Teams sends it: `text` is the `<at>…</at>` markup as it stands in the message. */
interface Mention {
  id: string | null;
  text: string;
}

function mentionsIn(activity: Partial<Activity>): Mention[] {
  return (activity.entities ?? []).flatMap((entity): Mention[] => {
    const e = entity as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } };
    if (e.type !== 'mention' || typeof e.text !== 'string' || e.text === '') return [];
    return [{ id: typeof e.mentioned?.id === 'string' ? e.mentioned.id : null, text: e.text }];
  });
}

/** Whether the bot is @mentioned: in a channel or group chat it hears only those messages. */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && mentionsIn(activity).some((m) => m.id === botId);
}

/**
 * The words typed, without the bot's @mention wherever it stands (start, middle or end, however
 * often): another person's @mention stays as their name. Unlike botbuilder's removeRecipientMention,
 * this takes out every occurrence, and copes with a mention and no text (a picture sent with one).
 */
export function typedText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  for (const mention of mentionsIn(activity)) {
    const replacement = mention.id === botId ? ' ' : ` ${mention.text.replace(/<\/?at\b[^>]*>/gi, '')} `;
    text = text.split(mention.text).join(replacement);
  }
  return text.trim();
}

/** Attachments Teams adds beside a typed message: its HTML copy. Anything else is a file, picture or card. */
const COPY_OF_TEXT = new Set(['text/html', 'text/plain']);

/** Whether the message carries a file, picture or card, rather than only the words typed. */
export function carriesFiles(activity: Partial<Activity>): boolean {
  return (activity.attachments ?? []).some(
    (a) => typeof a?.contentType !== 'string' || !COPY_OF_TEXT.has(a.contentType.toLowerCase()),
  );
}
