import path from 'node:path';
import { z } from 'zod';

/**
 * The one configuration module for local and production runs. Every setting
 * comes from an environment variable and has a default that works locally;
 * `.env.example` documents each one.
 */
const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORAGE_CONNECTION_STRING: z.string().trim().optional(),
  STORAGE_ACCOUNT_URL: z.string().trim().url().optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'must be a letter followed by up to 19 letters or digits')
    .default('at'),
  DATA_DIR: z.string().default('.data'),
  AZURITE_PORT: z.coerce.number().int().min(1).max(65535).default(10002),
  DEFAULT_TIME_ZONE: z.string().default('Europe/London'),
});

export type StorageSettings =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'accountUrl'; accountUrl: string }
  | { kind: 'embedded'; dataDir: string; port: number };

export interface Config {
  nodeEnv: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  storage: StorageSettings;
  tablePrefix: string;
  defaultTimeZone: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n` +
      problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.STORAGE_CONNECTION_STRING && e.STORAGE_ACCOUNT_URL) {
    throw new ConfigError(['Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.']);
  }
  const storage: StorageSettings = e.STORAGE_CONNECTION_STRING
    ? { kind: 'connectionString', connectionString: e.STORAGE_CONNECTION_STRING }
    : e.STORAGE_ACCOUNT_URL
      ? { kind: 'accountUrl', accountUrl: e.STORAGE_ACCOUNT_URL }
      : { kind: 'embedded', dataDir: path.resolve(e.DATA_DIR), port: e.AZURITE_PORT };
  return {
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    storage,
    tablePrefix: e.TABLE_PREFIX,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
  };
}

/** An empty variable means "not set", as in most `.env` tooling. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}
