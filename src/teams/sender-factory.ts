import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { Config } from '../config';
import { Pacer } from '../jobs/pacer';
import { Logger } from '../log';
import { TeamsSender } from './proactive-sender';

/** The adapter the bot uses, built from the configuration: the server and the command line share it. */
export function createAdapter(config: Config): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(config.bot.auth as unknown as ConfigurationBotFrameworkAuthenticationOptions);
  return new CloudAdapter(auth);
}

/** A sender for a process that is not the bot (the command line), signing in as the bot does. */
export function createSender(config: Config, log: Logger): TeamsSender {
  return new TeamsSender(createAdapter(config), config.bot.appId ?? '', new Pacer(), log);
}
