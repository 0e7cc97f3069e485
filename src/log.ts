import pino, { DestinationStream, Logger } from 'pino';

/**
 * Structured logs. Callers log ids, counts and kinds, never message text or
 * secrets; the redaction list is a second line of defence.
 */
export function createLogger(level: string, name = 'action-tracker', destination?: DestinationStream): Logger {
  const options = {
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
  };
  // Standard output unless told otherwise (production's log collectors read it).
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
