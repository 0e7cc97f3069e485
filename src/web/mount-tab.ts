import path from 'node:path';
import type { Server } from 'restify';
import { Config } from '../config';
import { Logger } from '../log';
import { projectRoot } from '../project-root';
import { Storage } from '../store/open-storage';
import { ReportLinks } from './report-link';
import { mountTabApi } from './tab-api';
import { tabSignIn } from './tab-sign-in';
import { mountTabPages } from './tab-static';

/** Where `npm run build` puts the tab. */
export const TAB_DIR = path.join(projectRoot(), 'dist', 'tab');

/** The Teams tab on the bot's own server: its pages and its JSON API (one server, one domain). */
export function mountTab(
  server: Server,
  config: Config,
  storage: Storage,
  log: Logger,
  links: ReportLinks,
  dir = TAB_DIR,
): void {
  const signIn = tabSignIn({
    authEnabled: config.bot.authEnabled,
    appId: config.bot.tabAppId,
    domain: config.bot.domain,
    allowedTenants: config.bot.allowedTenants,
    keysUrl: config.bot.tabSignInKeysUrl,
  });
  if (config.bot.authEnabled && !config.bot.tabAppId)
    log.warn('the tab cannot sign anyone in: set TAB_APP_ID (or MicrosoftAppId) to its app registration');
  else if (config.bot.authEnabled && !config.bot.domain)
    log.warn(
      "the tab accepts only v2 tokens: set BOT_DOMAIN so that Teams' v1 tokens for api://<BOT_DOMAIN>/<app id> are accepted",
    );
  mountTabApi(server, { storage, signIn, authEnabled: config.bot.authEnabled, links, log });
  mountTabPages(server, dir, log);
}
