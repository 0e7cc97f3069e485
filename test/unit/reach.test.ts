import { REACH_WORDS } from '../../src/cards/reach-words';
import { destinationOf } from '../../src/jobs/destination';
import { Person } from '../../src/store/people-store';
import {
  directory,
  guestMail,
  isNotYetMet,
  PERSON_PROBLEMS,
  personKey,
  Reach,
  ReachFacts,
  reachOf,
  SEND_PROBLEMS,
} from '../../src/domain/reach';

const nobody: ReachFacts = {
  personalChat: null,
  teamsUserId: null,
  tenantId: null,
  serviceUrl: null,
  unreachable: null,
};
const chat = { conversation: { id: 'a:1' } };
const url = 'https://smba.trafficmanager.net/emea/';

describe('how the bot can reach a person', () => {
  test.each<[string, ReachFacts | null, Reach]>([
    ['never met', null, { how: 'cannot', why: 'not-met' }],
    ['known by address only', nobody, { how: 'cannot', why: 'not-met' }],
    ['has a personal chat', { ...nobody, personalChat: chat }, { how: 'chat' }],
    [
      'personal chat and all it takes to open one',
      { ...nobody, personalChat: chat, teamsUserId: '29:a', tenantId: 't', serviceUrl: url },
      { how: 'chat' },
    ],
    [
      'met in a team, with tenant and service',
      { ...nobody, teamsUserId: '29:a', tenantId: 't', serviceUrl: url },
      { how: 'open' },
    ],
    ['met, but no tenant', { ...nobody, teamsUserId: '29:a', serviceUrl: url }, { how: 'cannot', why: 'no-tenant' }],
    ['met, but no service', { ...nobody, teamsUserId: '29:a', tenantId: 't' }, { how: 'cannot', why: 'no-tenant' }],
    [
      'blocked the bot, chat still stored',
      { ...nobody, personalChat: chat, unreachable: 'blocked' },
      { how: 'cannot', why: 'blocked' },
    ],
    [
      'chat gone and could not be reopened',
      { ...nobody, personalChat: chat, unreachable: 'chat-gone' },
      { how: 'cannot', why: 'chat-gone' },
    ],
    [
      'an old "not met" mark does not outlive a chat',
      { ...nobody, personalChat: chat, unreachable: 'not-met' },
      { how: 'chat' },
    ],
  ])('%s', (_, facts, reach) => expect(reachOf(facts)).toEqual(reach));

  test('every reason has words and something the council can do', () => {
    for (const code of [...PERSON_PROBLEMS, ...SEND_PROBLEMS]) {
      expect(REACH_WORDS[code].why).toMatch(/\w{3}/);
      expect(REACH_WORDS[code].todo).toMatch(/\.$/);
    }
  });
});

describe("a guest's own address", () => {
  test.each([
    ['jo.bloggs_partner.org.uk#EXT#@council.onmicrosoft.com', 'jo.bloggs@partner.org.uk'],
    ['JO_BLOGGS_police.uk#ext#@council.onmicrosoft.com', 'jo_bloggs@police.uk'],
    ['alexw@council.gov.uk', null],
    ['no_domain#EXT#@council.onmicrosoft.com', null],
    ['', null],
  ])('%j → %j', (upn, mail) => expect(guestMail(upn)).toBe(mail));

  test.each([
    [
      { email: 'Alex.Wilber@Council.gov.uk', userPrincipalName: 'alexw@council.onmicrosoft.com' },
      'alex.wilber@council.gov.uk',
    ],
    [{ email: '', userPrincipalName: 'jo_partner.org#EXT#@council.onmicrosoft.com' }, 'jo@partner.org'],
    [{ email: null, userPrincipalName: 'AlexW@council.gov.uk' }, 'alexw@council.gov.uk'],
    [{ email: ' ', userPrincipalName: null }, null],
  ])('a member %j is filed under %j', (member, key) => expect(personKey(member)).toBe(key));
});

describe("finding a plan's owner among the people the bot has met", () => {
  const alex = {
    email: 'alex.wilber@council.gov.uk',
    userPrincipalName: 'alexw@council.onmicrosoft.com',
    aadObjectId: 'AAD-1',
    formerEmails: [],
  };
  const jo = {
    email: 'jo@partner.org',
    userPrincipalName: 'jo_partner.org#ext#@council.onmicrosoft.com',
    aadObjectId: 'aad-2',
    formerEmails: [],
  };
  const guestNoMail = {
    email: 'sam_health.nhs.uk#ext#@council.onmicrosoft.com',
    userPrincipalName: 'sam_health.nhs.uk#ext#@council.onmicrosoft.com',
    aadObjectId: null,
    formerEmails: [],
  };
  const moved = {
    email: 'pat.new@council.gov.uk',
    userPrincipalName: null,
    aadObjectId: 'aad-3',
    formerEmails: ['pat.old@council.gov.uk'],
  };
  const find = directory([alex, jo, guestNoMail, moved]);

  test.each([
    ['by mail, any case', { email: 'ALEX.WILBER@council.gov.uk' }, alex],
    ['by user principal name', { email: 'AlexW@Council.onmicrosoft.com' }, alex],
    ['by Entra object id, whatever the address', { email: 'someone.else@council.gov.uk', aadObjectId: 'aad-1' }, alex],
    ['a guest by their mail', { email: 'Jo@Partner.org' }, jo],
    ['a guest by their #EXT# name', { email: 'jo_partner.org#EXT#@council.onmicrosoft.com' }, jo],
    ['a guest Teams gave no mail for, by their own address', { email: 'sam@health.nhs.uk' }, guestNoMail],
    ['someone whose address changed, by the old one', { email: 'pat.old@council.gov.uk' }, moved],
    ['someone whose address changed, by the new one', { email: 'pat.new@council.gov.uk' }, moved],
    ['nobody', { email: 'stranger@council.gov.uk' }, undefined],
    ['an unknown object id falls back to the address', { email: 'jo@partner.org', aadObjectId: 'aad-9' }, jo],
  ])('%s', (_, owner, person) => expect(find(owner)).toBe(person));

  test("a current address wins over someone else's former one", () => {
    const reused = { email: 'pat.old@council.gov.uk', userPrincipalName: null, aadObjectId: 'aad-4', formerEmails: [] };
    expect(directory([moved, reused])({ email: 'pat.old@council.gov.uk' })).toBe(reused);
  });
});

describe('where a message to a stored person goes', () => {
  const base: Person = {
    email: 'a@council.gov.uk',
    name: null,
    userPrincipalName: null,
    aadObjectId: null,
    teamsUserId: null,
    tenantId: null,
    serviceUrl: null,
    personalChat: null,
    unreachable: null,
    formerEmails: [],
    updatedAt: '2026-11-30T00:00:00Z',
  };
  const oldChat = { serviceUrl: url, conversation: { id: 'a:1', tenantId: 't1' } };

  test.each<[string, Person | undefined, ReturnType<typeof destinationOf>]>([
    ['never met', undefined, { unreachable: 'not-met' }],
    ['known by address only', base, { unreachable: 'not-met' }],
    ['Teams id but no tenant', { ...base, teamsUserId: '29:a' }, { unreachable: 'no-tenant' }],
    [
      'met in a team',
      { ...base, teamsUserId: '29:a', tenantId: 't1', serviceUrl: url },
      { kind: 'person', teamsUserId: '29:a', tenantId: 't1', serviceUrl: url },
    ],
    [
      "wrote before tenants were recorded: reopened with the chat's own tenant and service",
      { ...base, teamsUserId: '29:a', personalChat: oldChat },
      { kind: 'conversation', reference: oldChat, reopen: { teamsUserId: '29:a', tenantId: 't1', serviceUrl: url } },
    ],
    [
      'a chat but no Teams id: sent there, nothing to reopen with',
      { ...base, personalChat: oldChat },
      { kind: 'conversation', reference: oldChat, reopen: null },
    ],
    [
      'blocked',
      { ...base, teamsUserId: '29:a', personalChat: oldChat, unreachable: 'blocked' },
      { unreachable: 'blocked' },
    ],
  ])('%s', (_, person, destination) => expect(destinationOf(person)).toEqual(destination));
});

describe('which reasons a later run of the week looks at again, once the person can be reached', () => {
  test.each([
    ['not-met', true],
    ['no-tenant', true],
    ['blocked', false],
    ['chat-gone', false],
    ['gave-up', false],
    ['too-large', false],
    [null, false],
  ])('%s → %s', (problem, again) => {
    expect(isNotYetMet(problem)).toBe(again);
  });
});
