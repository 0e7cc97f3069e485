#!/usr/bin/env node
// First, so that telemetry instruments what the imports below load.
import { telemetry } from '../telemetry/preload';
import { ConfigError, describeConfig, loadConfig } from '../config';
import { createLogger } from '../log';
import { openStorage } from '../store/open-storage';
import { startServer } from './server';
import { storageErrorWords } from '../cards/error-words';

/**
 * The production entry point. Running with authentication off must be a
 * decision, so with neither NODE_ENV nor BOT_AUTH set it refuses to start.
 */
async function main(): Promise<void> {
  if (!process.env.NODE_ENV && !process.env.BOT_AUTH) {
    throw new ConfigError([
      'Set NODE_ENV=production for a real deployment (Bot Framework authentication on), or NODE_ENV=development or BOT_AUTH=off for a local run without authentication.',
    ]);
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  log.info({ config: describeConfig(config) }, 'starting');
  const storage = await openStorage(config.storage, config.tablePrefix);
  const server = await startServer(config, storage, log);
  const stop = async () => {
    log.info('stopping');
    await server.close();
    await storage.close();
    await telemetry.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${storageErrorWords(error) ?? (error instanceof Error ? error.message : String(error))}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
