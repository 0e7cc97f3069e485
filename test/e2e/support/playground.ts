/**
 * End-to-end harness: the Microsoft 365 Agents Playground as the Teams client, driven in
 * headless Chromium. Start a bot, then `startPlaygroundSession({ botEndpoint })`, then use
 * `session.ui` (open a conversation, send, wait for replies, press card buttons).
 */
import { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { OpenPlaygroundOptions, PlaygroundPage, openPlayground } from './playground-page';
import { PlaygroundOptions, PlaygroundServer, startPlayground } from './playground-server';
import { freePort } from './ports';

export { CHROMIUM_ARGS, chromiumPath, launchChromium } from './browser';
export type { BotMessage } from './playground-dom';
export type { OpenPlaygroundOptions } from './playground-page';
export { PlaygroundPage, SELECTORS, openPlayground } from './playground-page';
export type { PlaygroundConfig, PlaygroundOptions, PlaygroundServer } from './playground-server';
export { startPlayground } from './playground-server';
export { freePort } from './ports';

export interface PlaygroundSession {
  readonly server: PlaygroundServer;
  readonly browser: Browser;
  readonly ui: PlaygroundPage;
  stop(): Promise<void>;
}

export type PlaygroundSessionOptions = PlaygroundOptions & OpenPlaygroundOptions;

/** Playground on a free port (unless given) + headless Chromium + page object; stop() undoes all. */
export async function startPlaygroundSession(options: PlaygroundSessionOptions): Promise<PlaygroundSession> {
  const server = await startPlayground({ ...options, port: options.port ?? (await freePort()) });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const ui = await openPlayground(browser, server.url, {
      artifactsDir: options.artifactsDir,
      botName: options.botName ?? server.config.bot.name,
      groupChatName: options.groupChatName ?? server.config.groupChats[0]?.name,
    });
    const started = browser;
    return {
      server,
      browser: started,
      ui,
      stop: async () => {
        await started.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}
