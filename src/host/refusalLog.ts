/**
 * Requests refused at the edge (not an activity, a bad token, another channel) are logged at most
 * once per interval per source and reason, with how many were left out: whoever floods the endpoint
 * must not also flood the log.
 */
import type { Logger } from '../adapters/logging';

export const REFUSAL_LOG_INTERVAL_MS = 60_000;

/** Sources remembered at most, so a flood from many addresses cannot grow memory either. */
const MAX_SOURCES = 1000;

export class RefusalLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = REFUSAL_LOG_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  refused(source: string, reason: string, details: Record<string, unknown> = {}): void {
    const key = `${source} ${reason}`;
    const seen = this.last.get(key);
    const now = this.now();
    if (seen && now - seen.at < this.intervalMs) {
      seen.suppressed += 1;
      return;
    }
    if (!seen && this.last.size >= MAX_SOURCES) this.last.clear();
    this.last.set(key, { at: now, suppressed: 0 });
    this.logger.warn({ source, ...details, ...(seen?.suppressed ? { alsoRefusedSinceLastLog: seen.suppressed } : {}) }, `request rejected: ${reason}`);
  }
}
