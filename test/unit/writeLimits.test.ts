/**
 * Limits on writes: the policy's window arithmetic at its edges, the ledger's count over a memory
 * store shared by two instances, and the configuration that changes a step's defaults.
 */
import { MemoryStorage } from 'botbuilder';
import { StorageWriteLedger } from '../../src/adapters/storage/writeLedger';
import { ConfigError, loadConfig } from '../../src/host/config';
import { withinLimit } from '../../src/operations/policy';
import { WriteLimits } from '../../src/operations/writeLimits';
import { stepDefinition } from '../../src/steps/registry';
import type { WriteStep } from '../../src/steps/step';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const entry = (ms: number, id = `e${ms}`) => ({ id, at: at(ms).toISOString() });

function writeStep(id: string): WriteStep {
  const step = stepDefinition(id);
  if (step?.kind !== 'write') throw new Error(`${id} is not a write`);
  return step;
}

const resetPassword = writeStep('resetPassword');

describe('the limit policy', () => {
  const limit = { max: 5, windowMinutes: 15 };

  it('allows up to the limit and refuses the next, saying when it frees up', () => {
    const four = [0, 1, 2, 3].map((i) => entry(i * MINUTE));
    expect(withinLimit('operator', limit, four)).toBeUndefined();
    const five = [...four, entry(10 * MINUTE)];
    expect(withinLimit('operator', limit, five)).toEqual({
      kind: 'limitReached',
      scope: 'operator',
      max: 5,
      windowMinutes: 15,
      count: 5,
      // The oldest of the five leaves the window 15 minutes after it was made.
      freesAt: at(15 * MINUTE).toISOString(),
    });
  });

  it('frees up when the entry that keeps the count at the limit leaves, whatever order the entries come in', () => {
    const seven = [6, 0, 3, 1, 5, 2, 4].map((i) => entry(i * MINUTE));
    // Seven in the window with a limit of five: two more must leave, so the third oldest decides.
    expect(withinLimit('target', limit, seven)?.freesAt).toBe(at(17 * MINUTE).toISOString());
  });
});

describe('the write ledger over a memory store', () => {
  const admitBelow = (max: number) => (recent: readonly unknown[]) => recent.length < max;

  it('counts the window (now - window, now]: an entry exactly one window old has left it, one a millisecond younger has not', async () => {
    const ledger = new StorageWriteLedger(new MemoryStorage());
    const window = 15 * MINUTE;
    await ledger.record('k', entry(0, 'first'), window, admitBelow(10), at(0));
    await ledger.record('k', entry(1, 'second'), window, admitBelow(10), at(1));
    expect((await ledger.recent('k', window, at(window - 1))).map((e) => e.id)).toEqual(['first', 'second']);
    expect((await ledger.recent('k', window, at(window))).map((e) => e.id)).toEqual(['second']);
    expect((await ledger.recent('k', window, at(window + 1))).map((e) => e.id)).toEqual([]);
  });

  it('refuses past the limit with the entries in the window, and takes an entry back', async () => {
    const ledger = new StorageWriteLedger(new MemoryStorage());
    const window = 60 * MINUTE;
    expect(await ledger.record('k', entry(0, 'a'), window, admitBelow(2), at(0))).toEqual({ kind: 'recorded' });
    expect(await ledger.record('k', entry(1, 'b'), window, admitBelow(2), at(1))).toEqual({ kind: 'recorded' });
    const refused = await ledger.record('k', entry(2, 'c'), window, admitBelow(2), at(2));
    expect(refused).toMatchObject({ kind: 'refused', recent: [{ id: 'a' }, { id: 'b' }] });
    await ledger.remove('k', 'a');
    expect(await ledger.record('k', entry(3, 'c'), window, admitBelow(2), at(3))).toEqual({ kind: 'recorded' });
  });
});

describe('write limits', () => {
  it('five password resets per operator in 15 minutes: the sixth is refused; the 15th minute after the first frees one', async () => {
    const limits = new WriteLimits(new StorageWriteLedger(new MemoryStorage()));
    for (let i = 0; i < 5; i += 1) {
      expect(await limits.take(resetPassword, 'operator-1', `user-${i}`, at(i * MINUTE))).toMatchObject({ kind: 'taken' });
    }
    expect(await limits.take(resetPassword, 'operator-1', 'user-9', at(14 * MINUTE + 59_999))).toMatchObject({
      kind: 'limitReached',
      scope: 'operator',
      max: 5,
      count: 5,
      freesAt: at(15 * MINUTE).toISOString(),
    });
    expect(await limits.check(resetPassword, 'operator-1', 'user-9', at(15 * MINUTE))).toBeUndefined();
    expect(await limits.take(resetPassword, 'operator-1', 'user-9', at(15 * MINUTE))).toMatchObject({ kind: 'taken' });
    // Another operator has a count of their own.
    expect(await limits.take(resetPassword, 'operator-2', 'user-8', at(15 * MINUTE))).toMatchObject({ kind: 'taken' });
  });

  it('two per target per hour, by any operator; the refusal leaves the operator\'s own count as it was', async () => {
    const ledger = new StorageWriteLedger(new MemoryStorage());
    const limits = new WriteLimits(ledger);
    expect(await limits.take(resetPassword, 'operator-1', 'anna', at(0))).toMatchObject({ kind: 'taken' });
    expect(await limits.take(resetPassword, 'operator-2', 'anna', at(MINUTE))).toMatchObject({ kind: 'taken' });
    expect(await limits.take(resetPassword, 'operator-3', 'anna', at(59 * MINUTE))).toMatchObject({ kind: 'limitReached', scope: 'target', max: 2, windowMinutes: 60 });
    expect(await ledger.recent('operator/operator-3/resetPassword', 15 * MINUTE, at(59 * MINUTE))).toEqual([]);
    expect(await limits.take(resetPassword, 'operator-3', 'anna', at(60 * MINUTE))).toMatchObject({ kind: 'taken' });
  });

  it('a write that did not happen is not counted', async () => {
    const limits = new WriteLimits(new StorageWriteLedger(new MemoryStorage()));
    const first = await limits.take(resetPassword, 'operator-1', 'anna', at(0));
    if (first.kind !== 'taken') throw new Error('not taken');
    await first.release();
    await limits.take(resetPassword, 'operator-1', 'anna', at(1));
    expect(await limits.take(resetPassword, 'operator-1', 'anna', at(2))).toMatchObject({ kind: 'taken' });
  });

  it('two instances over one store racing for the last slots: exactly the limit gets through', async () => {
    const storage = new MemoryStorage();
    const [a, b] = [new WriteLimits(new StorageWriteLedger(storage)), new WriteLimits(new StorageWriteLedger(storage))];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).take(resetPassword, 'operator-1', `user-${i}`, at(0))));
    expect(results.filter((result) => result.kind === 'taken')).toHaveLength(5);
    expect(results.filter((result) => result.kind === 'limitReached')).toHaveLength(7);
  });

  it('steps that only secure an account have no limits', () => {
    const limits = new WriteLimits(new StorageWriteLedger(new MemoryStorage()));
    expect(limits.limitsOf(writeStep('revokeSessions'))).toEqual({});
    expect(limits.limitsOf(writeStep('removeInboxRule'))).toEqual({});
    for (const id of ['resetPassword', 'temporaryAccessPass', 'removeSignInMethod', 'dismissRisk', 'unblockSending', 'allowSignIn']) {
      expect(limits.limitsOf(writeStep(id))).toEqual({ perOperator: expect.any(Object), perTarget: expect.any(Object) });
    }
  });
});

describe('limits in the configuration', () => {
  const base = { PLAYGROUND: 'off' };

  it('LIMIT_<NAME>_PER_OPERATOR and _PER_TARGET change a step\'s defaults, or lift one with off', () => {
    const config = loadConfig({ ...base, LIMIT_RESET_PASSWORD_PER_OPERATOR: '3/10m', LIMIT_RESET_PASSWORD_PER_TARGET: 'off', LIMIT_UNBLOCK_SENDING_PER_TARGET: '1/24h' });
    expect(config.writeLimits).toEqual({
      resetPassword: { perOperator: { max: 3, windowMinutes: 10 }, perTarget: 'off' },
      unblockSending: { perTarget: { max: 1, windowMinutes: 1440 } },
    });
    const limits = new WriteLimits(new StorageWriteLedger(new MemoryStorage()), config.writeLimits);
    expect(limits.limitsOf(resetPassword)).toEqual({ perOperator: { max: 3, windowMinutes: 10 } });
    expect(limits.limitsOf(writeStep('unblockSending'))).toEqual({ perOperator: { max: 5, windowMinutes: 15 }, perTarget: { max: 1, windowMinutes: 1440 } });
    expect(loadConfig(base).writeLimits).toEqual({});
  });

  it('a value that is not "how many / how long" stops start-up, naming the variable', () => {
    for (const value of ['5', '5 per 15 minutes', '0/15m', '5/0m', '5/30d']) {
      expect(() => loadConfig({ ...base, LIMIT_TEMPORARY_ACCESS_PASS_PER_OPERATOR: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, LIMIT_TEMPORARY_ACCESS_PASS_PER_OPERATOR: value })).toThrow(/LIMIT_TEMPORARY_ACCESS_PASS_PER_OPERATOR/);
    }
  });
});
