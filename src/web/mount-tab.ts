import path from 'node:path';
import type { Server } from 'restify';
import { Config } from '../config';
import { Logger } from '../log';
import { projectRoot } from '../project-root';
import { Storage } from '../store/open-storage';
import { mountTabApi } from './tab-api';
import { tabSignIn } from './tab-sign-in';
import { mountTabPages } from './tab-static';

/** Where `npm run build` puts the tab. */
export const TAB_DIR = path.join(projectRoot(), 'dist', 'tab');

/** The Teams tab on the bot's own server: its pages and its JSON API (one server, one domain). */
export function mountTab(server: Server, config: Config, storage: Storage, log: Logger, dir = TAB_DIR): void {
  const signIn = tabSignIn({
    authEnabled: config.bot.authEnabled,
    appId: config.bot.tabAppId,
    domain: config.bot.domain,
    allowedTenants: config.bot.allowedTenants,
    keysUrl: config.bot.tabSignInKeysUrl,
  });
  mountTabApi(server, { storage, signIn, authEnabled: config.bot.authEnabled, log });
  mountTabPages(server, dir, log);
}
