import { projectRoot } from '../../src/project-root';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { Storage } from '../../src/store/open-storage';
import { aPlanId } from './builders';

/** A demo person's personal chat with the bot, as `message` sends it. */
export const personalChatOf = (user: number): string => `a:personal-${DEMO_PEOPLE[user].teamsUserId}`;

/**
 * The demo plan seeded under a plan id of the test's own, with the given demo people's personal chats bound to
 * it, so that what they type there means this plan only: a test changes its own plan and never meets another's.
 */
export async function ownDemoPlan(storage: Storage, users: readonly number[] = [], name = 'ofsted'): Promise<string> {
  const planId = aPlanId(name);
  await seedDemo(storage, projectRoot(), new Date(), planId);
  for (const user of users) await storage.conversations.bindPlan(personalChatOf(user), planId);
  return planId;
}
