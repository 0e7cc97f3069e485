import type { Config } from './config';

/**
 * The configuration with secrets removed, safe to log at start-up.
 */
export function describeConfig(config: Config): Record<string, unknown> {
  const storage =
    config.storage.kind === 'connectionString'
      ? { kind: 'connectionString', account: accountNameOf(config.storage.connectionString) }
      : config.storage;
  return {
    nodeEnv: config.nodeEnv,
    production: config.production,
    logLevel: config.logLevel,
    storage,
    tablePrefix: config.tablePrefix,
    defaultTimeZone: config.defaultTimeZone,
    sendingInstances: config.sendingInstances,
    bot: {
      authEnabled: config.bot.authEnabled,
      appId: config.bot.appId,
      appType: config.bot.appType,
      appTenantId: config.bot.appTenantId,
      allowedTenants: config.bot.allowedTenants,
      teamsAppId: config.bot.teamsAppId,
      tabAppId: config.bot.tabAppId,
      tabSignInKeysUrl: config.bot.tabSignInKeysUrl,
      domain: config.bot.domain,
      passwordSet: config.bot.auth.MicrosoftAppPassword !== '',
    },
    server: {
      ...config.server,
      applicationInsightsConnectionString: config.server.applicationInsightsConnectionString ? '(set)' : null,
    },
  };
}

function accountNameOf(connectionString: string): string | null {
  return /(?:^|;)\s*AccountName=([^;]+)/i.exec(connectionString)?.[1] ?? null;
}
