/** The host's reminder timer: rounds on the scheduler it is given, one at a time, none when reminders are off. */
import pino from 'pino';
import type { HelpRequestReminders } from '../../src/operations/helpRequestReminders';
import { startReminderTimer } from '../../src/host/reminderTimer';

function fakeReminders(calls: Date[], answer: () => Promise<number> = async () => 1): HelpRequestReminders {
  return { remindDue: (now: Date) => (calls.push(now), answer()) } as unknown as HelpRequestReminders;
}

describe('the reminder timer', () => {
  it('runs a round on each tick of its scheduler, with its clock, every minute at most', async () => {
    const calls: Date[] = [];
    const ticks: { round: () => void; everyMs: number; stopped: boolean }[] = [];
    const at = new Date('2026-11-20T10:00:00.000Z');
    const timer = startReminderTimer({
      reminders: fakeReminders(calls),
      intervalMinutes: 30,
      logger: pino({ level: 'silent' }),
      now: () => at,
      schedule: (round, everyMs) => {
        const tick = { round, everyMs, stopped: false };
        ticks.push(tick);
        return { stop: () => (tick.stopped = true) };
      },
    });
    expect(ticks.map((tick) => tick.everyMs)).toEqual([60_000]);
    ticks[0]?.round();
    expect(await timer.runOnce()).toBe(1);
    expect(calls).toEqual([at]);
    timer.stop();
    expect(ticks[0]?.stopped).toBe(true);
  });

  it('never schedules with reminders off (0), and a failing round is logged, not thrown', async () => {
    const calls: Date[] = [];
    let scheduled = false;
    const off = startReminderTimer({ reminders: fakeReminders(calls), intervalMinutes: 0, logger: pino({ level: 'silent' }), schedule: () => ((scheduled = true), { stop: () => undefined }) });
    expect(scheduled).toBe(false);
    off.stop();
    const failing = startReminderTimer({
      reminders: fakeReminders(calls, () => Promise.reject(new Error('store down'))),
      intervalMinutes: 5,
      logger: pino({ level: 'silent' }),
      schedule: () => ({ stop: () => undefined }),
    });
    expect(await failing.runOnce()).toBe(0);
  });
});
