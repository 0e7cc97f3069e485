import fs from 'node:fs';
import path from 'node:path';
import { answerConfirmPress } from '../../src/services/chat/confirm-press';
import { ChatService } from '../../src/services/chat/chat-service';
import { Incoming, Reply } from '../../src/services/chat/types';
import { importPlan } from '../../src/services/import-plan';
import { DEMO_PEOPLE } from '../../src/services/demo-seed';
import { Storage } from '../../src/store/open-storage';
import { personal, readable } from './chat';

/**
 * Three plans a council runs at once (test/fixtures/multiplan) that reuse refs: R3 is Patti's in the SEND plan and
 * in the audit plan, and Isaiah's in the youth justice plan; 1.1 is Alex's, Lynne's and Patti's.
 */
export const SEND = { id: 'send-wsoa', title: 'SEND Written Statement of Action', file: 'send-plan.csv' };
export const YJ = { id: 'youth-justice', title: 'Youth Justice improvement plan', file: 'yj.csv' };
export const AUDIT = { id: 'audit-recs', title: 'Internal audit recommendations', file: 'audit.csv' };
export const MULTIPLAN_NOW = new Date('2026-12-01T10:00:00Z');
const FIXTURES = path.join(__dirname, '../fixtures/multiplan');

/** Imports the three plans; Alex chairs the youth justice plan only; Adele is the SEND plan's executive. */
export async function importMultiplan(storage: Storage): Promise<void> {
  for (const plan of [SEND, YJ, AUDIT]) {
    const report = await importPlan(storage, {
      planId: plan.id,
      title: plan.title,
      file: { name: plan.file, bytes: fs.readFileSync(path.join(FIXTURES, plan.file)) },
      baseline: '2026-06-01',
      by: 'meganb@example.com',
      now: MULTIPLAN_NOW,
      today: '2026-12-01',
    });
    if (report.errors.length) throw new Error(JSON.stringify(report.errors));
  }
  await storage.roles.grant(YJ.id, 'alexw@example.com', 'chair', 'Alex Wilber');
  await storage.roles.grant(SEND.id, 'adelev@example.com', 'executive', 'Adele Vance');
}

/** A message from one of the demo people, in their personal chat unless `conversation` says where. */
export function incomingFrom(
  text: string,
  email: string,
  conversation: Incoming['conversation'] = personal(email),
): Incoming {
  const person = DEMO_PEOPLE.find((p) => p.email === email);
  if (!person) throw new Error(`${email} is not one of the demo people`);
  return { text, conversation, user: { id: person.teamsUserId, email, name: person.name }, now: MULTIPLAN_NOW };
}

/** The buttons of a "which plan?" card: title, and the plan and command each runs. */
export function buttonsOf(reply: Reply): { title: string; verb: string; planId: string; text: string }[] {
  if (reply.kind !== 'card' || reply.card !== 'confirm') throw new Error(`not a question: ${JSON.stringify(reply)}`);
  return (reply.data as { choices: { title: string; verb: string; planId: string; text: string }[] }).choices;
}

/** Presses a "which plan?" button in the person's own chat, through the path Teams' invoke takes; the replies, readable. */
export async function pressAs(
  storage: Storage,
  chat: ChatService,
  email: string,
  button: { verb: string; planId: string; text: string },
): Promise<string[]> {
  const { conversation, user, now } = incomingFrom('', email);
  const data = { planId: button.planId, text: button.text };
  const answer = await answerConfirmPress(storage, chat, {
    verb: button.verb,
    data,
    incoming: { conversation, user, now },
  });
  return answer.map(readable);
}
