import pino, { Logger } from 'pino';

/**
 * Structured logs. Callers log ids, counts and kinds, never message text or
 * secrets; the redaction list is a second line of defence.
 */
export function createLogger(level: string, name = 'action-tracker'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        '*.password',
        '*.MicrosoftAppPassword',
        '*.connectionString',
        '*.authorization',
        '*.text',
        'req.headers.authorization',
      ],
      censor: '[hidden]',
    },
  });
}

export type { Logger };
