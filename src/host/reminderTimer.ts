/**
 * The host's timer for help-request reminders: a round every minute (or every interval, when that is
 * shorter) asks the reminders what is due. The clock and the scheduler are passed in, so tests run a
 * round at any moment they choose (`runOnce`) without waiting.
 */
import type { Logger } from '../adapters/logging';
import type { HelpRequestReminders } from '../operations/helpRequestReminders';

export interface ReminderTimer {
  /** One round now, as the timer would run it; answers how many reminders were posted. */
  runOnce(): Promise<number>;
  stop(): void;
}

export interface ReminderTimerOptions {
  readonly reminders: HelpRequestReminders;
  readonly intervalMinutes: number;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** `setInterval` unless given; a test passes one that never fires. */
  readonly schedule?: (round: () => void, everyMs: number) => { stop(): void };
}

const ROUND_MS = 60_000;

export function startReminderTimer(options: ReminderTimerOptions): ReminderTimer {
  const now = options.now ?? (() => new Date());
  let running: Promise<number> | undefined;
  const runOnce = (): Promise<number> => {
    // One round at a time: a slow store does not stack rounds up.
    running ??= options.reminders
      .remindDue(now())
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'help-request reminders failed this round');
        return 0;
      })
      .finally(() => (running = undefined));
    return running;
  };
  if (options.intervalMinutes <= 0) return { runOnce, stop: () => undefined };
  const everyMs = Math.min(ROUND_MS, options.intervalMinutes * 60_000);
  const schedule =
    options.schedule ??
    ((round: () => void, ms: number) => {
      const handle = setInterval(round, ms);
      handle.unref();
      return { stop: () => clearInterval(handle) };
    });
  const scheduled = schedule(() => void runOnce(), everyMs);
  return { runOnce, stop: () => scheduled.stop() };
}
