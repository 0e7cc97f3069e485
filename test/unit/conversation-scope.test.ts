/**
 * Where a plan binding lives, for activities shaped as Teams and the Agents Playground
 * send them (shapes from the Teams "conversation events" and "channel and group chat
 * conversations" docs, and from the Playground's activity generator).
 */
import { Activity } from 'botbuilder';
import { isChannelPost, postPrefixOf, threadRootOf } from '../../src/domain/conversation-id';
import { conversationScope } from '../../src/teams/conversation-scope';

const TENANT = { id: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f' };
const CHANNEL = '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2';
const TEAM = '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2';

const channelPost = (conversationId: string, channelData: unknown): Partial<Activity> => ({
  type: 'message',
  conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT.id, name: '' },
  channelData,
});

const chat = (conversationType: 'groupChat' | 'personal', conversationId: string): Partial<Activity> => ({
  type: 'message',
  conversation: { id: conversationId, conversationType, isGroup: conversationType === 'groupChat', name: '' },
  channelData: { tenant: TENANT },
});

test.each<
  [string, Partial<Activity>, { kind: string; bindingId: string; teamId: string | null; problem: string | null }]
>([
  [
    'a new post in a channel (Teams)',
    channelPost(`${CHANNEL};messageid=1575667808184`, {
      teamsChannelId: CHANNEL,
      teamsTeamId: TEAM,
      channel: { id: CHANNEL },
      team: { id: TEAM },
      tenant: TENANT,
    }),
    { kind: 'channel', bindingId: CHANNEL, teamId: TEAM, problem: null },
  ],
  [
    'a reply in that post’s thread: the same channel',
    channelPost(`${CHANNEL};messageid=1575667808184`, { channel: { id: CHANNEL }, team: { id: TEAM }, tenant: TENANT }),
    { kind: 'channel', bindingId: CHANNEL, teamId: TEAM, problem: null },
  ],
  [
    'another post in the same channel',
    channelPost(`${CHANNEL};messageid=1575667999999`, { channel: { id: CHANNEL }, team: { id: TEAM }, tenant: TENANT }),
    { kind: 'channel', bindingId: CHANNEL, teamId: TEAM, problem: null },
  ],
  [
    'the General channel, whose id is the team’s',
    channelPost(`${TEAM};messageid=42`, { channel: { id: TEAM }, team: { id: TEAM }, tenant: TENANT }),
    { kind: 'channel', bindingId: TEAM, teamId: TEAM, problem: null },
  ],
  [
    'installationUpdate in a team: the conversation is the channel itself',
    {
      type: 'installationUpdate',
      action: 'add',
      conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, name: 'x' },
      channelData: {
        settings: { selectedChannel: { id: CHANNEL } },
        channel: { id: CHANNEL },
        team: { id: TEAM, name: 'TestTeam2022' },
        tenant: TENANT,
      },
    },
    { kind: 'channel', bindingId: CHANNEL, teamId: TEAM, problem: null },
  ],
  [
    'the Playground: channel id and post ids of its own making',
    channelPost('channel-executive-id;messageid=8d5c', {
      teamsChannelId: 'channel-executive-id',
      teamsTeamId: 'team-id',
      tenant: TENANT,
      team: { id: 'team-id' },
      channel: { id: 'channel-executive-id' },
    }),
    { kind: 'channel', bindingId: 'channel-executive-id', teamId: 'team-id', problem: null },
  ],
  [
    'only the older teamsChannelId field',
    channelPost(`${CHANNEL};messageid=7`, { teamsChannelId: CHANNEL, teamsTeamId: TEAM, tenant: TENANT }),
    { kind: 'channel', bindingId: CHANNEL, teamId: TEAM, problem: null },
  ],
  [
    'no channel id in channelData: the post part is dropped, and the problem reported',
    channelPost(`${CHANNEL};messageid=7`, { tenant: TENANT }),
    { kind: 'channel', bindingId: CHANNEL, teamId: null, problem: 'no-channel-id' },
  ],
  [
    'no channelData at all',
    channelPost(`${CHANNEL};messageid=7`, undefined),
    { kind: 'channel', bindingId: CHANNEL, teamId: null, problem: 'no-channel-id' },
  ],
  [
    'channelData that is not an object',
    channelPost(`${CHANNEL};messageid=7`, 'nonsense'),
    { kind: 'channel', bindingId: CHANNEL, teamId: null, problem: 'no-channel-id' },
  ],
  [
    'a channel id that is not text',
    channelPost(`${CHANNEL};messageid=7`, { channel: { id: 12 }, team: { id: null } }),
    { kind: 'channel', bindingId: CHANNEL, teamId: null, problem: 'no-channel-id' },
  ],
  [
    'a blank channel id',
    channelPost(`${CHANNEL};messageid=7`, { channel: { id: '  ' } }),
    { kind: 'channel', bindingId: CHANNEL, teamId: null, problem: 'no-channel-id' },
  ],
  [
    'a channel id that itself names a post',
    channelPost(`${CHANNEL};messageid=7`, { channel: { id: `${CHANNEL};messageid=7` } }),
    { kind: 'channel', bindingId: CHANNEL, teamId: null, problem: null },
  ],
  [
    'a group chat is bound as a whole',
    chat('groupChat', '19:9a8f7e6d@thread.v2'),
    { kind: 'groupChat', bindingId: '19:9a8f7e6d@thread.v2', teamId: null, problem: null },
  ],
  [
    'a personal chat',
    chat('personal', 'a:1qhNLqpUtmuI6U35gzjsJn7uRnCkW8NiZ'),
    { kind: 'personal', bindingId: 'a:1qhNLqpUtmuI6U35gzjsJn7uRnCkW8NiZ', teamId: null, problem: null },
  ],
  [
    'teamDeleted (a conversationUpdate): the team is known',
    {
      type: 'conversationUpdate',
      conversation: {
        id: '19:efa9296d959346209fea44151c742e73@thread.skype',
        conversationType: 'channel',
        isGroup: true,
        name: '',
      },
      channelData: {
        team: { id: '19:efa9296d959346209fea44151c742e73@thread.skype', name: 'Team Name' },
        eventType: 'teamDeleted',
        tenant: TENANT,
      },
    },
    {
      kind: 'channel',
      bindingId: '19:efa9296d959346209fea44151c742e73@thread.skype',
      teamId: '19:efa9296d959346209fea44151c742e73@thread.skype',
      problem: 'no-channel-id',
    },
  ],
  ['no conversation at all', { type: 'message' }, { kind: 'personal', bindingId: '', teamId: null, problem: null }],
])('%s', (_name, activity, expected) => {
  expect(conversationScope(activity)).toMatchObject(expected);
});

test.each([
  [`${CHANNEL};messageid=1575667808184`, CHANNEL, true],
  [`${CHANNEL};MessageId=1`, CHANNEL, true],
  [CHANNEL, CHANNEL, false],
  ['19:board@thread.v2', '19:board@thread.v2', false],
  ['a:personal', 'a:personal', false],
])('the thread root of %s is %s', (id, root, isPost) => {
  expect(threadRootOf(id)).toBe(root);
  expect(isChannelPost(id)).toBe(isPost);
});

test('every post of a channel starts with its post prefix, and no other channel’s does', () => {
  expect(`${CHANNEL};messageid=1`.startsWith(postPrefixOf(CHANNEL))).toBe(true);
  expect(`${CHANNEL}x;messageid=1`.startsWith(postPrefixOf(CHANNEL))).toBe(false);
});
