import { renderCard } from '../../src/cards/render';
import { Incoming, Reply } from '../../src/services/chat/types';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';
import { UK_TIME_ZONE } from '../../src/domain/time-zone';
import { Storage } from '../../src/store/open-storage';
import { testStorage } from './storage';
import { cardProblems, cardText } from './card-validation';

/** Anything that answers a chat message as the chat service does. */
export interface Chat {
  handle(incoming: Incoming): Promise<Reply[]>;
}

/** Someone the demo plan does not know. */
export const STRANGER = { email: 'stranger@example.com', id: 'user-id-9', name: 'A Stranger' };

/** A person's personal chat with the bot. */
export const personal = (email: string): Incoming['conversation'] => ({ id: `personal-${email}`, kind: 'personal' });

/** A reply as a person sees it; every card must also satisfy the Adaptive Cards renderer. */
export function readable(reply: Reply): string {
  if (reply.kind === 'text') return reply.text;
  const card = renderCard(reply.card, reply.data);
  // Teams draws charts; the reference renderer does not, and uses each chart's text fallback instead.
  expect(
    cardProblems(card).filter((p) => !/^Unknown element type "Chart\.\w+"\. Fallback will be used/.test(p)),
  ).toEqual([]);
  return cardText(card);
}

/** The user a message comes from: one of the demo people (by email), or the stranger. */
function userOf(email: string): Incoming['user'] {
  const person = email === STRANGER.email ? STRANGER : DEMO_PEOPLE.find((p) => p.email === email);
  if (!person) throw new Error(`${email} is neither one of the demo people nor the stranger`);
  const id = 'teamsUserId' in person ? person.teamsUserId : person.id;
  return { id, email, name: person.name };
}

/**
 * `say(text, email, conversation, now)`: a message to the chat service from one of the demo people (by email; by
 * default Alex Wilber, in their personal chat, at `now`), and the replies as they read them.
 */
export function talkTo(chat: Chat, now: Date) {
  return async (
    text: string,
    email = 'alexw@example.com',
    conversation = personal(email),
    at = now,
  ): Promise<string[]> => (await chat.handle({ text, conversation, user: userOf(email), now: at })).map(readable);
}

/** The demo in a store of its own for each test (`demo.storage`, read inside a test), and `say` to the chat service over it. */
export class DemoChat {
  storage!: Storage;
  private talk!: ReturnType<typeof talkTo>;
  /** To the current test's chat service; it may be taken out at load time (`const { say } = demo`). */
  readonly say: ReturnType<typeof talkTo> = (...args) => this.talk(...args);

  /** The demo seeded afresh at `seededAt` in a store of its own, and a chat service over it whose clock reads `now`. */
  async start(seededAt: Date, now: Date): Promise<void> {
    this.storage = testStorage();
    await seedDemo(this.storage, projectRoot(), seededAt);
    this.talk = talkTo(new ChatService(this.storage, UK_TIME_ZONE), now);
  }
}

/** Registers a `beforeEach` in the calling file: the demo seeded at `seededAt`, the chat service's clock at `now`. */
export function useDemoChat(seededAt: Date, now: Date): DemoChat {
  const demo = new DemoChat();
  beforeEach(() => demo.start(seededAt, now));
  return demo;
}

/** The demo people's emails by first name in lower case ("patti"), as the corpus files name who sends a message. */
export const BY_FIRST_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  DEMO_PEOPLE.map((p) => [p.name.split(' ')[0].toLowerCase(), p.email]),
);
