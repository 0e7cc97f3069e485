/** Page object for the Agents Playground web client (Teams look-alike). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { BOT_MESSAGE_ATTRIBUTE, BotMessage, domHelperScript } from './playground-dom';

export const SELECTORS = {
  composer: '[data-lexical-editor="true"]',
  conversation: (label: string) => `button[role="treeitem"][aria-label="${label}"]`,
  channel: (name: string) => `button[role="treeitem"][aria-label$=" - ${name}"]`,
  mentionItem: '#typeahead-menu [role="menuitem"]',
  card: '.ac-adaptiveCard',
} as const;

export interface OpenPlaygroundOptions {
  /** The bot's display name from the Playground config (built-in default "Test Bot"). */
  botName?: string;
  /** Group chat name from the config (built-in default "Group Chat"). */
  groupChatName?: string;
  /** Where screenshots go when a wait times out. */
  artifactsDir?: string;
}

export async function openPlayground(
  browser: Browser,
  url: string,
  options: OpenPlaygroundOptions = {},
): Promise<PlaygroundPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const botName = options.botName ?? 'Test Bot';
  await context.addInitScript({ content: domHelperScript(botName) });
  // The client asks a CDN for Segoe UI fonts; refuse at once rather than wait on DNS.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(SELECTORS.conversation('Personal Chat')).waitFor();
  return new PlaygroundPage(context, page, botName, options);
}

/** How long a reply may take to show: a passing wait returns at once; a loaded machine's Playground can be slow to draw a reply in a channel post. */
const REPLY_WAIT_MS = 30_000;

export class PlaygroundPage {
  /** Highest bot message stamp when the last message was sent; see waitForNewReply. */
  private sentAfter = 0;

  constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
    readonly botName: string,
    private readonly options: OpenPlaygroundOptions,
  ) {}

  async openPersonalChat(): Promise<void> {
    await this.openConversation(this.page.locator(SELECTORS.conversation('Personal Chat')));
  }

  async openGroupChat(): Promise<void> {
    await this.openConversation(this.page.locator(SELECTORS.conversation(this.options.groupChatName ?? 'Group Chat')));
  }

  /** Opens a team channel by display name ("General" is always there). */
  async openChannel(name = 'General'): Promise<void> {
    await this.openConversation(this.page.locator(SELECTORS.channel(name)));
    await this.page.getByRole('button', { name: 'Post', exact: true }).waitFor();
  }

  /** Types into the compose box (in a channel: starts a new post) and presses Enter. */
  async send(text: string): Promise<void> {
    singleLine(text);
    await this.markSend();
    await this.composer().click();
    await this.page.keyboard.type(text);
    await this.submit();
  }

  /** @mentions the bot (picked from the mention menu), then types the text and sends it. */
  async sendMention(text: string): Promise<void> {
    singleLine(text);
    await this.markSend();
    await this.composer().click();
    await this.page.keyboard.type('@');
    await this.page.locator(SELECTORS.mentionItem).filter({ hasText: this.botName }).first().click();
    await this.page.keyboard.type(` ${text}`);
    await this.submit();
  }

  /** All bot messages in the open conversation, oldest first, as displayed text (cards included). */
  async botMessages(): Promise<BotMessage[]> {
    return await this.page.evaluate<BotMessage[]>('window.__e2e.botMessages()');
  }

  /**
   * Waits for a bot message matching `matcher` (substring or RegExp, against the displayed text,
   * Adaptive Card text included) and returns the newest such message's text. Cards updated in
   * place count, so this is the wait to use after clickCardButton.
   */
  async waitForReply(matcher: string | RegExp, timeoutMs = REPLY_WAIT_MS): Promise<string> {
    return this.waitForBotMessage(matcher, timeoutMs, 0);
  }

  /** Like waitForReply, but only messages that arrived after the last send() or sendMention(). */
  async waitForNewReply(matcher: string | RegExp, timeoutMs = REPLY_WAIT_MS): Promise<string> {
    return this.waitForBotMessage(matcher, timeoutMs, this.sentAfter);
  }

  private async waitForBotMessage(matcher: string | RegExp, timeoutMs: number, after: number): Promise<string> {
    const matches = (text: string) => (typeof matcher === 'string' ? text.includes(matcher) : matcher.test(text));
    const deadline = Date.now() + timeoutMs;
    let seen: BotMessage[] = [];
    while (Date.now() < deadline) {
      seen = await this.botMessages();
      const hit = seen.filter((m) => m.seq > after && matches(m.text)).pop();
      if (hit) return hit.text;
      await this.page.waitForTimeout(100);
    }
    const shot = await this.failureScreenshot('waitForReply');
    const texts = seen.map((m) => `  [${m.seq}] ${JSON.stringify(m.text)}`).join('\n') || '  (none)';
    throw new Error(
      `No bot message matched ${String(matcher)} within ${timeoutMs} ms. Bot messages:\n${texts}\nScreenshot: ${shot}`,
    );
  }

  /** Clicks an Adaptive Card action button (by title) on the newest bot card that has it. */
  async clickCardButton(title: string, timeoutMs = 15_000): Promise<void> {
    const card = await this.newestCard('newestCardWithButton', title, timeoutMs);
    await card.getByRole('button', { name: title, exact: true }).first().click();
  }

  /**
   * Fills an Adaptive Card input on the newest bot card that has it, found by its label or
   * placeholder. (Card input ids are not rendered into the DOM, so they cannot be used.)
   */
  async fillCardInput(label: string, value: string, timeoutMs = 15_000): Promise<void> {
    const card = await this.newestCard('newestCardWithInput', label, timeoutMs);
    const input = card
      .getByLabel(label, { exact: true })
      .or(card.getByPlaceholder(label, { exact: true }))
      .first();
    if ((await input.and(this.page.locator('select')).count()) > 0) await input.selectOption(value);
    else await input.fill(value);
  }

  async screenshot(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private composer(): Locator {
    return this.page.locator(SELECTORS.composer).first();
  }

  private async openConversation(item: Locator): Promise<void> {
    await item.click();
    await this.composer().waitFor();
  }

  /** Presses Enter and waits for the compose box to empty, i.e. the message was taken. */
  private async submit(): Promise<void> {
    await this.page.keyboard.press('Enter');
    // A string, not a function: coverage instrumentation must not leak into the page.
    const selector = JSON.stringify(SELECTORS.composer);
    await this.page.waitForFunction(`document.querySelector(${selector})?.innerText.trim() === ''`);
  }

  private async markSend(): Promise<void> {
    this.sentAfter = Math.max(0, ...(await this.botMessages()).map((m) => m.seq));
  }

  private async newestCard(
    finder: 'newestCardWithButton' | 'newestCardWithInput',
    name: string,
    timeoutMs: number,
  ): Promise<Locator> {
    const handle = await this.page
      .waitForFunction(`window.__e2e.${finder}(${JSON.stringify(name)})`, undefined, {
        timeout: timeoutMs,
        polling: 100,
      })
      .catch(async () => {
        const shot = await this.failureScreenshot('card');
        const what = finder === 'newestCardWithButton' ? 'a button titled' : 'an input labelled';
        throw new Error(`No bot card with ${what} "${name}" within ${timeoutMs} ms. Screenshot: ${shot}`);
      });
    const seq = (await handle.jsonValue()) as number;
    return this.page.locator(`[${BOT_MESSAGE_ATTRIBUTE}="${seq}"] ${SELECTORS.card}`).first();
  }

  private async failureScreenshot(what: string): Promise<string> {
    const dir = this.options.artifactsDir ?? path.join(os.tmpdir(), 'action-tracker-e2e');
    const file = path.join(dir, `${what}-${Date.now()}.png`);
    await this.screenshot(file).catch(() => undefined);
    return file;
  }
}

/** Enter sends, and the Playground client drops line breaks (Shift+Enter) from what it sends. */
function singleLine(text: string): void {
  if (/[\r\n]/.test(text)) throw new Error('The Playground cannot send line breaks; send one line');
}
