/**
 * Structured JSON logs (pino). Log text is English; user-facing text never goes here. Secrets never
 * reach a log call, and the redaction below is the second line of defence should one slip through.
 */
import pino, { type Logger } from 'pino';
import { currentCorrelationId } from './turnScope';

export type { Logger } from 'pino';

const REDACTED_PATHS = [
  'password',
  '*.password',
  'passwordProfile',
  '*.passwordProfile',
  'temporaryPassword',
  '*.temporaryPassword',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'MicrosoftAppPassword',
  'AZURE_CLIENT_SECRET',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      // Every line written while a turn runs carries its correlation id, Graph request-ids included.
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      base: { service: 'unlock' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination,
  );
}
