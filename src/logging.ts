/**
 * Structured JSON logs (pino). Log text is English; user-facing text never goes here. Secrets never
 * reach a log call, and the redaction below is the second line of defence should one slip through.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';

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

/**
 * The correlation id of the turn being served. Every log line written while a turn runs carries it,
 * including the Graph `request-id`s logged deep in the clients, without passing a logger around.
 */
const turnScope = new AsyncLocalStorage<{ readonly correlationId: string }>();

export function withCorrelation<T>(run: () => Promise<T>, correlationId: string = randomUUID()): Promise<T> {
  return turnScope.run({ correlationId }, run);
}

export function currentCorrelationId(): string | undefined {
  return turnScope.getStore()?.correlationId;
}

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
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
