import { TeamsInfo, TurnContext } from 'botbuilder';
import { Storage } from '../store/open-storage';
import { Logger } from '../log';

/**
 * The email (or user principal name) of whoever sent the activity: plans
 * name owners by email, Teams names users by directory id. Looked up in
 * Teams once, then remembered.
 */
export async function senderEmail(context: TurnContext, storage: Storage, log: Logger): Promise<string | null> {
  const from = context.activity.from;
  if (from.aadObjectId) {
    const known = await storage.people.emailOf(from.aadObjectId);
    if (known) return known;
  }
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    const email = (member.email || member.userPrincipalName || '').toLowerCase();
    if (!email) return null;
    await storage.people.link({
      email,
      name: member.name ?? from.name ?? null,
      aadObjectId: member.aadObjectId ?? from.aadObjectId ?? null,
      teamsUserId: from.id,
      updatedAt: new Date().toISOString(),
    });
    return email;
  } catch (error) {
    log.warn({ err: error, userId: from.id }, 'could not look up the sender in Teams');
    return null;
  }
}
