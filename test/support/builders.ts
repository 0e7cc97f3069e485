import { Action, DateRequest, HistoryEntry, Measure, MeasureDefinition, Plan } from '../../src/domain/types';
import { MeasureRow } from '../../src/domain/measure-view';
import { UK_TIME_ZONE } from '../../src/domain/time-zone';
import { DEMO_PEOPLE } from '../../src/services/demo-seed';

export const TENANT = '00000000-0000-0000-0000-0000000000a1';
export const OTHER_TENANT = '00000000-0000-0000-0000-0000000000b2';
export const BOT_ID = '28:action-tracker';
/** The team the harness's channels belong to; its id is its General channel's. */
export const TEAM = '19:children-services@thread.tacv2';
export const EXECUTIVE_CHANNEL = '19:executive@thread.tacv2';

let plans = 0;

/** A plan id no other test in the run uses, so a test that writes to its plan never meets another's changes. */
export function aPlanId(name = 'plan'): string {
  return `${name}-${++plans}-${process.pid}`;
}

export function anAction(overrides: Partial<Action> = {}): Action {
  return {
    planId: 'test-plan',
    ref: 'SG-1',
    theme: 'Safeguarding services',
    title: 'Ensure that visits to children are clearly recorded',
    timescale: 'Within three months',
    originalDueDate: '2026-09-30',
    revisedDueDate: null,
    revisionReason: null,
    revisionCount: 0,
    owner: { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: null },
    agency: 'Council',
    status: 'Not started',
    measures: [{ indicator: '% of visits recorded', target: '95%', latest: null }],
    evidence: [],
    latestUpdate: null,
    dateRequest: null,
    ...overrides,
  };
}

/** A plan with no schedules of its own and separation of duties on, as a newly imported plan is. */
export function aPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'test-plan',
    title: 'Test plan',
    sourceDocument: null,
    baselineDate: '2026-01-01',
    timeZone: UK_TIME_ZONE,
    remindSchedule: null,
    digestSchedule: null,
    separationOfDuties: { enforced: true, setBy: null, setAt: null },
    ...overrides,
  };
}

/** A quantified measure's definition: from 10 on 1 Jan 2026 to 30 by 31 Mar 2027, higher is better, a value a month. */
export function aDefinition(overrides: Partial<MeasureDefinition> = {}): MeasureDefinition {
  return {
    unit: 'number',
    baseline: { value: 10, date: '2026-01-01' },
    target: { value: 30, by: '2027-03-31' },
    direction: 'higher',
    frequency: 'monthly',
    ...overrides,
  };
}

/** A quantified measure: "Case file audits a month", target 30, no value yet; `definition` overrides aDefinition()'s fields. */
export function aMeasure(
  overrides: Partial<Omit<Measure, 'definition'>> & { definition?: Partial<MeasureDefinition> } = {},
): Measure {
  const { definition, ...rest } = overrides;
  return {
    indicator: 'Case file audits a month',
    target: '30',
    latest: null,
    ...rest,
    definition: aDefinition(definition),
  };
}

/** A performance book row (src/domain/measure-view.ts), quantified and off target with two values unless told. */
export function aMeasureRow(overrides: Partial<MeasureRow> = {}): MeasureRow {
  return {
    ref: 'SG-3',
    measure: 1,
    of: 1,
    indicator: 'Audits completed on time',
    unit: '%',
    target: 90,
    targetDate: '2027-03-31',
    direction: 'higher',
    frequency: 'monthly',
    latest: { value: 74, period: '2026-10' },
    status: 'off-target',
    trend: 'improving',
    values: [
      { period: '2026-09', value: 70 },
      { period: '2026-10', value: 74 },
    ],
    ...overrides,
  };
}

/** What a measure given in words only has: no unit, target, direction, frequency or values. */
export const IN_WORDS_ONLY: Partial<MeasureRow> = {
  unit: null,
  target: null,
  targetDate: null,
  direction: null,
  frequency: null,
  latest: null,
  status: 'no-data',
  trend: null,
  values: [],
};

/** The command "SG-4 measure 76%" and its everyday phrasings parse to: a value for a measure, with its period and note as said. */
export function measureValueCommand(
  ref: string,
  value: string,
  period: string | null = null,
  note: string | null = null,
) {
  return { kind: 'measureValue', ref, value, period, note };
}

/** A new date the owner of anAction() asked for: 31 Oct 2026, because the supplier is late. */
export function aDateRequest(overrides: Partial<DateRequest> = {}): DateRequest {
  return {
    date: '2026-10-31',
    reason: 'supplier late',
    by: 'alexw@example.com',
    at: '2026-06-20T12:00:00.000Z',
    ...overrides,
  };
}

export function aHistoryEntry(action: Action, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    planId: action.planId,
    ref: action.ref,
    at: '2026-11-21T10:00:00.000Z',
    by: 'test@example.com',
    via: 'cli',
    changes: [{ field: 'status', from: null, to: action.status }],
    comment: null,
    ...overrides,
  };
}

let counter = 0;

export interface MessageOptions {
  /** Which of the demo people sends it (index into DEMO_PEOPLE; default Alex Wilber). */
  user?: number;
  kind?: 'personal' | 'channel' | 'groupChat';
  mention?: boolean;
  tenant?: string;
  value?: unknown;
  /** In a channel: which one (default the executive group's). */
  channel?: string;
  /** In a channel: the post replied to; without it the message starts a new post, as Teams gives each post its own conversation. */
  post?: string;
}

/** A message as Teams would send it; `kind` picks the conversation type. */
export function message(connectorUrl: string, text: string, options: MessageOptions = {}) {
  const person = DEMO_PEOPLE[options.user ?? 0];
  const kind = options.kind ?? 'personal';
  const id = `incoming-${++counter}`;
  const channel = options.channel ?? EXECUTIVE_CHANNEL;
  const conversationId =
    kind === 'personal'
      ? `a:personal-${person.teamsUserId}`
      : kind === 'channel'
        ? `${channel};messageid=${options.post ?? id}`
        : '19:board@thread.v2';
  const tenant = options.tenant ?? TENANT;
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    from: { id: person.teamsUserId, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: BOT_ID, name: 'Action Tracker' },
    conversation: { id: conversationId, conversationType: kind, tenantId: tenant, isGroup: kind !== 'personal' },
    channelData:
      kind === 'channel'
        ? { tenant: { id: tenant }, team: { id: TEAM }, channel: { id: channel } }
        : { tenant: { id: tenant } },
    text: options.mention ? `<at>Action Tracker</at> ${text}` : text,
    entities: options.mention
      ? [{ type: 'mention', text: '<at>Action Tracker</at>', mentioned: { id: BOT_ID, name: 'Action Tracker' } }]
      : [],
    ...(options.value !== undefined ? { value: options.value } : {}),
  };
}

/**
 * A button press exactly as Teams sends it: Universal Actions' `adaptiveCard/action` invoke, whose
 * `value.action` is the card's Action.Execute with its verb and data (botframework-schema AdaptiveCardInvokeAction).
 */
export function cardPress(
  connectorUrl: string,
  verb: string,
  data: Record<string, unknown>,
  options: Pick<MessageOptions, 'user' | 'tenant'> = {},
) {
  return {
    ...message(connectorUrl, '', options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** Where the app was installed or removed: a person's personal scope, a team (by the channel it was added from), or a group chat. */
export type InstallScope =
  | { kind: 'personal' }
  | { kind: 'channel'; channel: string; team: string; teamName?: string }
  | { kind: 'groupChat'; chat: string };

/**
 * An `installationUpdate` as Teams sends it (action `add` or `remove`). In a team the conversation is the
 * channel itself and channelData names the team and the selected channel; `from` is who installed it.
 */
export function installationUpdate(
  connectorUrl: string,
  action: 'add' | 'remove',
  scope: InstallScope,
  from: { id: string; name?: string; aadObjectId?: string } = { id: DEMO_PEOPLE[1].teamsUserId },
) {
  const tenant = { id: TENANT };
  const where =
    scope.kind === 'personal'
      ? {
          conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT },
          channelData: { tenant },
        }
      : scope.kind === 'channel'
        ? {
            conversation: { id: scope.channel, conversationType: 'channel', isGroup: true, tenantId: TENANT },
            channelData: {
              settings: { selectedChannel: { id: scope.channel } },
              channel: { id: scope.channel },
              team: { id: scope.team, ...(scope.teamName ? { name: scope.teamName } : {}) },
              tenant,
            },
          }
        : {
            conversation: { id: scope.chat, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
            channelData: { tenant },
          };
  return {
    type: 'installationUpdate',
    action,
    id: `install-${++counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    from,
    recipient: { id: BOT_ID, name: 'Action Tracker' },
    ...where,
  };
}

/** A personal chat reference as the bot stores it when someone writes to it. */
export function personalChat(connectorUrl: string, teamsUserId: string) {
  return {
    activityId: 'x',
    user: { id: teamsUserId },
    bot: { id: BOT_ID, name: 'Action Tracker' },
    conversation: { id: `a:personal-${teamsUserId}`, conversationType: 'personal', tenantId: TENANT },
    channelId: 'msteams',
    serviceUrl: connectorUrl,
  };
}
