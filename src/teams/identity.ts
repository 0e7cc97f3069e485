import { TeamsInfo, TurnContext } from 'botbuilder';
import { personKey } from '../domain/reach';
import { Storage } from '../store/open-storage';
import { Logger } from '../log';
import { serviceUrlOf } from './introductions';
import { tenantOf } from './tenant';

/** How long an address Teams gave us is trusted before asking again, so that a changed address is picked up. */
const RECHECK_MS = 7 * 24 * 60 * 60_000;

/**
 * The email (or user principal name) of whoever sent the activity: plans
 * name owners by email, Teams names users by directory id. Looked up in
 * Teams, then remembered for a week; if the address has changed by then the
 * person is re-linked under the new one (by their Entra object id).
 */
export async function senderEmail(context: TurnContext, storage: Storage, log: Logger): Promise<string | null> {
  const from = context.activity.from;
  const known = from.aadObjectId ? await storage.people.aadLink(from.aadObjectId) : null;
  if (known?.checkedAt && Date.now() - Date.parse(known.checkedAt) < RECHECK_MS) return known.email;
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    const email = personKey(member);
    if (!email) return known?.email ?? null;
    const how = await storage.people.recordMember({
      email,
      name: member.name ?? from.name ?? null,
      userPrincipalName: member.userPrincipalName || null,
      aadObjectId: (member.aadObjectId ?? from.aadObjectId)?.toLowerCase() || undefined,
      teamsUserId: from.id,
      tenantId: tenantOf(context.activity) ?? undefined,
      serviceUrl: serviceUrlOf(context.activity, log) ?? undefined,
      updatedAt: new Date().toISOString(),
    });
    if (how === 'relinked') log.info("the sender's address has changed in Teams; re-linked by their Entra object id");
    return email;
  } catch (error) {
    log.warn({ err: error, userId: from.id }, 'could not look up the sender in Teams');
    return known?.email ?? null;
  }
}
