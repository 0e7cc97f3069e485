import { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticateRequestResult, AuthenticationError } from 'botframework-connector';
import { Config } from '../config';
import { Pacer } from '../jobs/pacer';
import { Logger } from '../log';
import { TeamsSender } from './proactive-sender';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder passes some token failures (a bad signature, a tampered
 * payload, `alg: none`) through as plain errors, which the adapter answers
 * with 500. A refused token is a 401.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name))
        throw new AuthenticationError(`Unauthorized: ${error.message}`, 401);
      throw error;
    }
  }
}

/** The adapter the bot uses, built from the configuration: the server and the command line share it. */
export function createAdapter(config: Config): CloudAdapter {
  return new CloudAdapter(new StrictAuthentication(config.bot.auth));
}

/** A sender for a process that is not the bot (the command line), signing in as the bot does. */
export function createSender(config: Config, log: Logger): TeamsSender {
  return new TeamsSender(
    createAdapter(config),
    config.bot.appId ?? '',
    new Pacer(undefined, undefined, config.sendingInstances),
    log,
  );
}
