import { denialWords } from '../../src/cards/refusal-words';
import {
  Actor,
  canBindConversation,
  canCancel,
  canDecideDateRequest,
  canReadPlan,
  canSeeDecisions,
  canSeeRemindersOf,
  canSignOff,
  canUpdate,
  decidesDates,
  DutyRules,
  offeredDecisionOn,
  ownDecisionNote,
  ownsAction,
  Permission,
} from '../../src/domain/permissions';
import { Action, Role } from '../../src/domain/types';
import { anAction } from '../support/builders';

/** A refusal as people read it (the rules give codes; the words are made at the edge). */
const said = (p: Permission) => (p.allowed ? p : { allowed: false, reason: denialWords(p.denial) });

/** The owner of `anAction()` is alexw@example.com; everyone else here owns nothing. */
const person = (email: string, ...roles: Role[]): Actor => ({ email, name: null, roles: new Set(roles) });

const owner = person('alexw@example.com');
const chair = person('chair@example.com', 'chair');
const executive = person('exec@example.com', 'executive');
const admin = person('admin@example.com', 'admin');
const ownerRoleOnly = person('meganb@example.com', 'owner');
const nobody = person('stranger@example.com');

type Who = [who: string, actor: Actor];
const everyone: Who[] = [
  ['the owner', owner],
  ['a chair', chair],
  ['an executive', executive],
  ['an administrator', admin],
  ['someone with only the owner role', ownerRoleOnly],
  ['someone with no role', nobody],
];

describe('ownsAction: the owner’s email is the key', () => {
  test.each([
    ['the owner’s email', 'alexw@example.com', true],
    ['someone else’s email', 'meganb@example.com', false],
  ])('%s', (_d, email, owns) => {
    expect(ownsAction(person(email), anAction())).toBe(owns);
  });

  test('nobody owns an unassigned action', () => {
    expect(ownsAction(owner, anAction({ owner: null }))).toBe(false);
  });

  test('roles do not make someone the owner', () => {
    expect(ownsAction(admin, anAction())).toBe(false);
  });
});

describe('who may read the plan (any role, or owning an action in it) and update an action (its owner or an administrator)', () => {
  const plan = [anAction({ ref: 'SG-1' }), anAction({ ref: 'SG-2', owner: null })];

  test.each([
    ['the owner of an action, with no role', owner, { readPlan: true, update: true }],
    ['a chair', chair, { readPlan: true, update: false }],
    ['an executive', executive, { readPlan: true, update: false }],
    ['an administrator', admin, { readPlan: true, update: true }],
    ['someone with only the owner role', ownerRoleOnly, { readPlan: true, update: false }],
    ['someone with no role who owns nothing', nobody, { readPlan: false, update: false }],
  ])('%s → %j', (_d, actor, may) => {
    expect({ readPlan: canReadPlan(actor, plan), update: canUpdate(actor, plan[0]).allowed }).toEqual(may);
  });
});

describe('canReadPlan: any role, or owning an action in the plan', () => {
  test('an owner with no role may not read a plan where they own nothing', () => {
    expect(
      canReadPlan(owner, [anAction({ owner: { email: 'meganb@example.com', displayName: null, aadObjectId: null } })]),
    ).toBe(false);
  });

  test('someone with no role may not read an empty plan', () => {
    expect(canReadPlan(owner, [])).toBe(false);
  });

  test('a role is enough even for an empty plan', () => {
    expect(canReadPlan(chair, [])).toBe(true);
  });

  test('accepts any iterable of actions, such as a generator', () => {
    function* actions() {
      yield anAction({ ref: 'SG-1', owner: null });
      yield anAction({ ref: 'SG-2' });
    }
    expect(canReadPlan(owner, actions())).toBe(true);
  });
});

describe('canUpdate: the owner or an administrator', () => {
  test('an administrator may change an unassigned action', () => {
    expect(canUpdate(admin, anAction({ owner: null }))).toEqual({ allowed: true });
  });

  type ReasonCase = [
    description: string,
    ownerOfAction: Parameters<typeof anAction>[0],
    names: ReadonlyMap<string, string> | undefined,
    reason: string,
  ];
  const alex = { email: 'alexw@example.com', displayName: 'Alex Wilber', aadObjectId: null };
  const unnamed = { email: 'alexw@example.com', displayName: null, aadObjectId: null };
  const reasons: ReasonCase[] = [
    [
      'names the owner by their display name',
      { owner: alex },
      undefined,
      'Only the action’s owner (Alex Wilber) or an administrator can change SG-1.',
    ],
    [
      'prefers the action’s display name to the names map',
      { owner: alex },
      new Map([['alexw@example.com', 'Alexander W']]),
      'Only the action’s owner (Alex Wilber) or an administrator can change SG-1.',
    ],
    [
      'puts a name to an unnamed owner from the names map',
      { owner: unnamed },
      new Map([['alexw@example.com', 'Alex from the directory']]),
      'Only the action’s owner (Alex from the directory) or an administrator can change SG-1.',
    ],
    [
      'falls back to the owner’s email',
      { owner: unnamed },
      new Map([['other@example.com', 'Other']]),
      'Only the action’s owner (alexw@example.com) or an administrator can change SG-1.',
    ],
    [
      'says "nobody yet" when unassigned',
      { owner: null },
      undefined,
      'Only the action’s owner (nobody yet) or an administrator can change SG-1.',
    ],
    [
      'names the action’s own ref',
      { ref: 'LAC-10' },
      undefined,
      'Only the action’s owner (Alex Wilber) or an administrator can change LAC-10.',
    ],
  ];

  test.each(reasons)('the refusal %s', (_d, overrides, names, reason) => {
    expect(said(canUpdate(chair, anAction(overrides), names))).toEqual({ allowed: false, reason });
  });
});

const enforced: DutyRules = { separationOfDuties: { enforced: true, setBy: null, setAt: null } };
const relaxed: DutyRules = {
  separationOfDuties: { enforced: false, setBy: 'admin@example.com', setAt: '2026-06-01T09:00:00.000Z' },
};
/** anAction() is owned by alexw@example.com; this one by nobody here. */
const othersAction = anAction({ owner: { email: 'someone.else@example.com', displayName: null, aadObjectId: null } });

describe('overseers (chair, executive, administrator) decide; owners do not', () => {
  const overseers = new Set<Actor>([chair, executive, admin]);

  test.each(everyone)('decidesDates: %s', (_d, actor) => {
    expect(decidesDates(actor, othersAction, enforced)).toBe(overseers.has(actor));
  });

  type Check = [name: string, check: (actor: Actor, action: Action, rules: DutyRules) => Permission, reason: string];
  const checks: Check[] = [
    ['canCancel', canCancel, 'Only a chair, an executive or an administrator can cancel an action.'],
    [
      'canDecideDateRequest',
      canDecideDateRequest,
      'Only a chair, an executive or an administrator can approve or decline a new date.',
    ],
    ['canSignOff', canSignOff, 'Only a chair, an executive or an administrator can sign off an action.'],
  ];
  const cases = checks.flatMap(([name, check, reason]) =>
    everyone.map(([who, actor]) => [name, who, check, actor, reason] as const),
  );

  test.each(cases)('%s: %s', (_name, _who, check, actor, reason) => {
    expect(said(check(actor, othersAction, enforced))).toEqual(
      overseers.has(actor) ? { allowed: true } : { allowed: false, reason },
    );
  });

  test('owning the action is not enough to sign it off or cancel it', () => {
    expect(canSignOff(owner, anAction(), relaxed).allowed).toBe(false);
    expect(canCancel(owner, anAction(), relaxed).allowed).toBe(false);
  });

  test('a chair who also has the owner role is still an overseer', () => {
    expect(canSignOff(person('chair@example.com', 'owner', 'chair'), othersAction, enforced)).toEqual({
      allowed: true,
    });
  });
});

describe('separation of duties: nobody decides on an action they own, unless the plan relaxes it', () => {
  /** Each overseer, as the owner of anAction(). */
  const owning: Who[] = [
    ['a chair who owns it', person('alexw@example.com', 'chair')],
    ['an executive who owns it', person('alexw@example.com', 'executive')],
    ['an administrator who owns it', person('alexw@example.com', 'admin')],
  ];
  const decisions: [
    name: string,
    check: (actor: Actor, action: Action, rules: DutyRules) => Permission,
    what: string,
  ][] = [
    ['canSignOff', canSignOff, 'sign it off'],
    ['canDecideDateRequest', canDecideDateRequest, 'decide its new date'],
    ['canCancel', canCancel, 'cancel it'],
  ];
  const cases = decisions.flatMap(([name, check, what]) =>
    owning.map(([who, actor]) => [name, who, check, actor, what] as const),
  );

  test.each(cases)('%s: %s is refused by default', (_name, _who, check, actor, what) => {
    expect(said(check(actor, anAction(), enforced))).toEqual({
      allowed: false,
      reason: `You own SG-1, so another chair, executive or administrator must ${what}.`,
    });
  });

  test.each(cases)('%s: %s is allowed when the plan relaxes it', (_name, _who, check, actor) => {
    expect(check(actor, anAction(), relaxed)).toEqual({ allowed: true });
  });

  test.each(owning)(
    'decidesDates: %s asks for a new date like any owner, unless the plan relaxes it',
    (_who, actor) => {
      expect(decidesDates(actor, anAction(), enforced)).toBe(false);
      expect(decidesDates(actor, anAction(), relaxed)).toBe(true);
    },
  );

  test.each([
    ['a chair who owns it, duties separate', person('alexw@example.com', 'chair'), anAction(), enforced, false],
    ['a chair who owns it, duties relaxed', person('alexw@example.com', 'chair'), anAction(), relaxed, true],
    ['another chair, duties separate', chair, anAction(), enforced, true],
    ['a chair, an unassigned action', chair, anAction({ owner: null }), enforced, true],
  ] as const)('offeredDecisionOn: %s', (_d, actor, action, rules, offered) => {
    expect(offeredDecisionOn(actor, action, rules)).toBe(offered);
  });

  test('an unassigned action has no owner to keep out', () => {
    expect(canSignOff(chair, anAction({ owner: null }), enforced)).toEqual({ allowed: true });
  });
});

describe('ownDecisionNote: the history says when an owner decided on their own action, and who allowed it', () => {
  const chairWhoOwns = person('alexw@example.com', 'chair');
  const complete = anAction({ status: 'Complete' });
  const request = { date: '2026-10-31', reason: 'supplier', by: 'alexw@example.com', at: '2026-06-20T12:00:00.000Z' };
  const note =
    'Decided by its own owner: separation of duties is off for this plan (turned off by admin@example.com on 1 Jun 2026).';

  test.each<
    [description: string, actor: Actor, before: Action, after: Action, rules: DutyRules, expected: string | null]
  >([
    ['their own sign-off, relaxed', chairWhoOwns, complete, { ...complete, status: 'Signed off' }, relaxed, note],
    ['their own cancellation, relaxed', chairWhoOwns, anAction(), anAction({ status: 'Cancelled' }), relaxed, note],
    [
      'their own date moved, relaxed',
      chairWhoOwns,
      anAction(),
      anAction({ revisedDueDate: '2026-10-31' }),
      relaxed,
      note,
    ],
    [
      'their own request declined, relaxed',
      chairWhoOwns,
      anAction({ dateRequest: request }),
      anAction(),
      relaxed,
      note,
    ],
    [
      'their own request made, relaxed (asking is not deciding)',
      chairWhoOwns,
      anAction(),
      anAction({ dateRequest: request }),
      relaxed,
      null,
    ],
    ['their own status update, relaxed', chairWhoOwns, anAction(), anAction({ status: 'At risk' }), relaxed, null],
    [
      'someone else’s sign-off, relaxed',
      chair,
      { ...complete, owner: othersAction.owner },
      { ...complete, owner: othersAction.owner, status: 'Signed off' },
      relaxed,
      null,
    ],
    [
      'their own sign-off, enforced (cannot happen; no note)',
      chairWhoOwns,
      complete,
      { ...complete, status: 'Signed off' },
      enforced,
      null,
    ],
    [
      'relaxed with no record of who set it',
      chairWhoOwns,
      complete,
      { ...complete, status: 'Signed off' },
      { separationOfDuties: { enforced: false, setBy: null, setAt: null } },
      'Decided by its own owner: separation of duties is off for this plan.',
    ],
  ])('%s', (_d, actor, before, after, rules, expected) => {
    expect(ownDecisionNote(actor, before, after, rules)).toBe(expected);
  });
});

describe('card redraws: a reminder card for its owner or an overseer; the decisions card for overseers', () => {
  const overseers = new Set<Actor>([chair, executive, admin]);

  test.each(everyone)('canSeeRemindersOf(the owner alexw): %s', (_d, actor) => {
    expect(canSeeRemindersOf(actor, 'alexw@example.com').allowed).toBe(actor === owner || overseers.has(actor));
  });

  test.each(everyone)('canSeeRemindersOf(themselves): %s', (_d, actor) => {
    expect(canSeeRemindersOf(actor, actor.email)).toEqual({ allowed: true });
  });

  test.each(everyone)('canSeeDecisions: %s', (_d, actor) => {
    expect(canSeeDecisions(actor).allowed).toBe(overseers.has(actor));
  });

  test('the refusals name nobody', () => {
    const refusal = canSeeRemindersOf(nobody, 'alexw@example.com');
    expect(refusal.allowed || denialWords(refusal.denial)).not.toMatch(/alexw|Alex/);
  });
});

describe('canBindConversation: administrators only', () => {
  test.each(everyone)('%s', (_d, actor) => {
    expect(said(canBindConversation(actor))).toEqual(
      actor === admin
        ? { allowed: true }
        : { allowed: false, reason: 'Only an administrator can choose the plan for a conversation.' },
    );
  });
});
