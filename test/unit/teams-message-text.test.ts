import { Activity } from 'botbuilder';
import { conversationKind } from '../../src/teams/conversation-kind';
import { carriesFiles, mentionsBot, typedText } from '../../src/teams/message-text';

const BOT = '28:bot';
const botMention = { type: 'mention', mentioned: { id: BOT, name: 'Action Tracker' }, text: '<at>Action Tracker</at>' };
const megan = { type: 'mention', mentioned: { id: '29:megan', name: 'Megan Bowen' }, text: '<at>Megan Bowen</at>' };
const activity = (fields: Partial<Activity>): Partial<Activity> => ({
  recipient: { id: BOT, name: 'Action Tracker' },
  ...fields,
});

describe('conversationKind: a shared conversation is never taken for a personal chat', () => {
  test.each([
    ['stated personal', { conversation: { conversationType: 'personal', id: 'a:1' } }, 'personal'],
    ['stated group chat', { conversation: { conversationType: 'groupChat', id: '19:x@thread.v2' } }, 'groupChat'],
    ['stated channel', { conversation: { conversationType: 'channel', id: '19:x@thread.tacv2' } }, 'channel'],
    [
      'no type, channel in channelData',
      { conversation: { id: '19:c@thread.skype;messageid=1' }, channelData: { channel: { id: '19:c@thread.skype' } } },
      'channel',
    ],
    [
      'no type, only the old teamsChannelId',
      { conversation: { id: '19:c@thread.skype' }, channelData: { teamsChannelId: '19:c@thread.skype' } },
      'channel',
    ],
    [
      'no type, a meeting chat',
      { conversation: { id: '19:meeting_abc@thread.v2' }, channelData: { meeting: { id: 'MCM' } } },
      'groupChat',
    ],
    ['no type, isGroup', { conversation: { id: 'x', isGroup: true } }, 'groupChat'],
    ['no type, a personal id', { conversation: { id: 'a:1' } }, 'personal'],
    ['no conversation at all', {}, 'personal'],
  ])('%s', (_name, fields, kind) => {
    expect(conversationKind(fields as Partial<Activity>)).toBe(kind);
  });
});

describe('typedText: the bot’s @mention goes wherever it stands; a person’s stays as their name', () => {
  test.each([
    ['at the start', '<at>Action Tracker</at> show 6(a)', [botMention], 'show 6(a)'],
    ['with &nbsp; after it', '<at>Action Tracker</at>&nbsp;SG-4 done', [botMention], '&nbsp;SG-4 done'],
    ['in the middle', 'Hi <at>Action Tracker</at>, what’s overdue?', [botMention], 'Hi  , what’s overdue?'],
    ['at the end', 'show SG-4 <at>Action Tracker</at>\n', [botMention], 'show SG-4'],
    ['twice', '<at>Action Tracker</at> SG-4 done <at>Action Tracker</at>', [botMention], 'SG-4 done'],
    [
      'beside a person',
      '<at>Action Tracker</at> what’s overdue for <at>Megan Bowen</at>',
      [botMention, megan],
      'what’s overdue for  Megan Bowen',
    ],
    ['a mention and no text', undefined, [botMention], ''],
    ['no mention', 'my actions', [], 'my actions'],
  ])('%s', (_name, text, entities, expected) => {
    expect(typedText(activity({ text, entities }))).toBe(expected);
  });

  test('mentionsBot sees the bot’s mention only', () => {
    expect(mentionsBot(activity({ entities: [botMention] }))).toBe(true);
    expect(mentionsBot(activity({ entities: [megan] }))).toBe(false);
    expect(mentionsBot(activity({ entities: [{ type: 'clientInfo' }] }))).toBe(false);
  });
});

describe('carriesFiles: a file, picture or card, but not the HTML copy Teams adds to every message', () => {
  test.each([
    ['the HTML copy', [{ contentType: 'text/html', content: '<p>hi</p>' }], false],
    ['a file', [{ contentType: 'application/vnd.microsoft.teams.file.download.info' }], true],
    ['a picture', [{ contentType: 'image/png', contentUrl: 'https://x' }], true],
    ['a card', [{ contentType: 'application/vnd.microsoft.card.adaptive' }], true],
    ['nothing', [], false],
  ])('%s', (_name, attachments, expected) => {
    expect(carriesFiles(activity({ attachments }))).toBe(expected);
  });
});
