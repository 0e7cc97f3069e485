import { Activity, ChannelAccount, TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import { personKey } from '../domain/reach';
import { Logger } from '../log';
import { StoredReference } from '../store/conversation-store';
import { Storage } from '../store/open-storage';
import { storedReference } from './reference';
import { tenantOf } from './tenant';

/** Teams allows up to 500 members a page; fewer keeps each answer small. */
const PAGE_SIZE = 100;
/** A team of 50,000 is 500 pages: more than that means a token that never ends. */
const MAX_PAGES = 500;

type Member = Pick<TeamsChannelAccount, 'id' | 'name' | 'aadObjectId' | 'email' | 'userPrincipalName' | 'tenantId'>;

const seenServices = new Set<string>();

/**
 * The Teams service an activity came through, where the bot can open chats
 * with the people it met there; null (and a log line) if it is not a URL.
 * The first activity from a service a process sees is logged, since a new one
 * means a new region or tenant.
 */
export function serviceUrlOf(activity: Partial<Activity>, log: Logger): string | null {
  let url: URL;
  try {
    url = new URL(activity.serviceUrl ?? '');
  } catch {
    log.warn(
      { type: activity.type },
      'an activity came with no usable serviceUrl, so nobody met in it can be sent a new chat',
    );
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    log.warn(
      { type: activity.type, protocol: url.protocol },
      'an activity came with a serviceUrl that is not http(s); it is not stored',
    );
    return null;
  }
  if (!seenServices.has(url.origin)) {
    seenServices.add(url.origin);
    log.info({ serviceHost: url.host }, 'first activity from this Teams service');
  }
  return activity.serviceUrl!;
}

/**
 * Records who the bot has met, so that reminders reach people who have never
 * written to it: the person who installed it in personal scope (with their
 * chat), and every member of a team or group chat it was added to. Nothing
 * here may fail the turn: a person who cannot be looked up now is looked up
 * when they first write.
 */
export class Introductions {
  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  /** The app was installed in someone's personal scope: Teams says so once, so this is the moment to learn who they are. */
  async personalInstall(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const log = this.log.child({ activityId: activity.id, event: 'install' });
    if (!activity.from?.id) return void log.warn('an install event named nobody; nothing recorded');
    if (!activity.from.aadObjectId)
      log.warn('an install event came without an Entra object id; looking the person up by their Teams id');
    let member: Member;
    try {
      member = await TeamsInfo.getMember(context, activity.from.id);
    } catch (error) {
      log.warn(
        { status: statusOf(error) },
        'could not look up who installed the app; they will be recorded when they first write',
      );
      return;
    }
    await this.record(member, activity, log, storedReference(activity));
  }

  /** The bot was added to a team or a group chat: everyone in it can now be sent a chat. */
  async addedToConversation(context: TurnContext): Promise<void> {
    const log = this.log.child({
      activityId: context.activity.id,
      event: 'added',
      conversationType: context.activity.conversation?.conversationType,
    });
    let recorded = 0;
    let token: string | undefined;
    for (let page = 1; page <= MAX_PAGES; page++) {
      let result: { members: Member[]; continuationToken?: string };
      try {
        result = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
      } catch (error) {
        // What was read so far is true and kept; the rest are recorded when they write, or when the bot is added again.
        log.warn({ status: statusOf(error), page, recorded }, 'reading the members stopped part way');
        return;
      }
      // A page at a time, in parallel: a big team must not hold the turn for minutes.
      const written = await Promise.all(
        (result.members ?? []).map((member) => this.record(member, context.activity, log)),
      );
      recorded += written.filter(Boolean).length;
      token = result.continuationToken || undefined;
      if (!token) break;
    }
    log.info({ recorded, more: token !== undefined }, 'recorded the members of a conversation the bot was added to');
  }

  /** People added to a team or group chat the bot is already in. */
  async membersJoined(context: TurnContext, joined: readonly ChannelAccount[]): Promise<void> {
    const log = this.log.child({ activityId: context.activity.id, event: 'joined' });
    for (const account of joined) {
      try {
        await this.record(await TeamsInfo.getMember(context, account.id), context.activity, log);
      } catch (error) {
        log.warn(
          { status: statusOf(error) },
          'could not look up a new member; they will be recorded when they first write',
        );
      }
    }
  }

  /** Files one member under their address; true if recorded. */
  private async record(
    member: Member,
    activity: Partial<Activity>,
    log: Logger,
    personalChat?: StoredReference,
  ): Promise<boolean> {
    const email = personKey(member);
    if (!email || !member.id) {
      log.warn(
        { hasId: Boolean(member.id) },
        'Teams gave a member without an email or user principal name; not recorded',
      );
      return false;
    }
    const tenantId = (member.tenantId ?? tenantOf(activity))?.toLowerCase() ?? null;
    try {
      const how = await this.storage.people.recordMember({
        email,
        name: member.name || null,
        userPrincipalName: member.userPrincipalName || null,
        aadObjectId: member.aadObjectId?.toLowerCase() || undefined,
        teamsUserId: member.id,
        tenantId: tenantId ?? undefined,
        serviceUrl: serviceUrlOf(activity, log) ?? undefined,
        ...(personalChat ? { personalChat, unreachable: null } : {}),
        updatedAt: this.now().toISOString(),
      });
      if (how === 'relinked') log.info("a member's address has changed in Teams; re-linked by their Entra object id");
      return true;
    } catch (error) {
      log.warn({ err: error }, 'could not record a member');
      return false;
    }
  }
}

function statusOf(error: unknown): number | null {
  const e = error as { statusCode?: unknown } | null;
  return typeof e?.statusCode === 'number' ? e.statusCode : null;
}
