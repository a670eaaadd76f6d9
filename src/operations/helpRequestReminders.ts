/**
 * Reminders about help requests nobody took: an open request is posted to the help channel again
 * once per interval (`HELP_REQUEST_REMINDER_MINUTES`) since it was raised or last reminded. With
 * several instances running the same timer, each reminder is claimed in the claims store first, and
 * the request itself remembers when it was reminded (an ETag change), so one instance posts it, once,
 * and a restart does not post it again.
 */
import type { ActionClaims, HelpChannelStore, HelpdeskMessenger, HelpRequestStore } from './ports';

/** How many of the latest requests a round looks through. */
const SCANNED_REQUESTS = 100;

/** The claims store keys a reminder by the request, as it keys a step by its target. */
export function reminderClaimTarget(requestId: string): string {
  return `helpRequest-${requestId}`;
}

export interface HelpRequestRemindersDependencies {
  readonly channel: HelpChannelStore;
  readonly requests: HelpRequestStore;
  readonly messenger: Pick<HelpdeskMessenger, 'remind'>;
  readonly claims: ActionClaims;
  readonly intervalMinutes: number;
  readonly onDeliveryError?: (error: unknown, what: string) => void;
}

export class HelpRequestReminders {
  constructor(private readonly deps: HelpRequestRemindersDependencies) {}

  /** One round: reminds of every request due at `now`; answers how many were posted. */
  async remindDue(now: Date): Promise<number> {
    const { intervalMinutes } = this.deps;
    if (intervalMinutes <= 0) return 0;
    const channel = await this.deps.channel.get();
    if (!channel) return 0;
    const intervalMs = intervalMinutes * 60_000;
    let reminded = 0;
    for (const request of await this.deps.requests.recent(SCANNED_REQUESTS)) {
      if (request.status !== 'open') continue;
      const since = request.remindedAt ?? request.createdAt;
      if (now.getTime() - Date.parse(since) < intervalMs) continue;
      const target = reminderClaimTarget(request.id);
      await this.deps.claims.prepare(target);
      const claimed = await this.deps.claims.claim(target, `reminder ${since}`, { by: 'unlock', name: 'Unlock', step: 'helpRequestReminder', holdMs: intervalMs }, now);
      if (claimed.kind !== 'claimed') continue;
      const updated = await this.deps.requests.update(request.id, (current) =>
        current.status === 'open' && (current.remindedAt ?? current.createdAt) === since ? { ...current, remindedAt: now.toISOString() } : undefined,
      );
      if (updated.kind !== 'updated') continue;
      try {
        await this.deps.messenger.remind(channel, updated.value);
        reminded += 1;
      } catch (error) {
        this.deps.onDeliveryError?.(error, 'help request reminder');
      }
      await this.deps.claims.settle(target, `reminder ${since}`, 'unlock', 'done', now);
    }
    return reminded;
  }
}
