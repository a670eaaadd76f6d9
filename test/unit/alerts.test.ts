/** Limit alerts over botbuilder's MemoryStorage: refused every time, posted once per operator, step, limit and window. */
import { MemoryStorage } from 'botbuilder';
import { StorageActionClaims } from '../../src/adapters/storage/actionClaims';
import { StorageAlertChannel } from '../../src/adapters/storage/alertChannelStore';
import { StorageHelpChannel } from '../../src/adapters/storage/helpRequestStore';
import { HelpdeskAlerts, type AlertDelivery, type HelpdeskAlert } from '../../src/operations/alerts';

const operator = { aadObjectId: 'op-1', name: 'Alex Wilber' };
const colleague = { aadObjectId: 'op-2', name: 'Christie Cline' };
const target = { id: 'user-1', displayName: 'Līga Kalniņa', userPrincipalName: 'liga.kalnina@contoso.lv' };
const otherTarget = { id: 'user-2', displayName: 'Jānis Ozols', userPrincipalName: 'janis.ozols@contoso.lv' };
const START = Date.parse('2026-12-01T08:00:00.000Z');

function limitAlert(by = operator, step = 'resetPassword', scope: 'operator' | 'target' = 'operator', on = target): HelpdeskAlert {
  return { kind: 'limitReached', operator: by, target: on, step, limit: { kind: 'limitReached', scope, max: 2, windowMinutes: 15, count: 2, freesAt: '' }, at: '' };
}

/** Two instances over one storage, as two app instances share one Blob container. */
async function setUp() {
  const storage = new MemoryStorage();
  const posted: HelpdeskAlert[] = [];
  const logged: AlertDelivery[] = [];
  let now = START;
  const instance = () =>
    new HelpdeskAlerts({
      accounts: { refusalFor: async () => undefined },
      alertChannel: new StorageAlertChannel(storage),
      helpChannel: new StorageHelpChannel(storage),
      messenger: { postAlert: async (_channel, alert) => void posted.push(alert) },
      claims: new StorageActionClaims(storage),
      log: (_alert, delivery) => void logged.push(delivery),
      now: () => new Date(now),
    });
  const [first, second] = [instance(), instance()];
  await first.useChannel(operator, { conversationId: '19:alerts@thread.tacv2', reference: {} }, 'en');
  return { first, second, posted, logged, later: (minutes: number) => (now += minutes * 60_000) };
}

describe('limit alerts', () => {
  it('post one alert per operator, step and limit window, across instances; every repeat still reaches the log', async () => {
    const { first, second, posted, logged, later } = await setUp();
    expect(await first.raise(limitAlert())).toBe('alertChannel');
    expect(await second.raise(limitAlert())).toBe('repeat');
    expect(await first.raise(limitAlert())).toBe('repeat');
    expect(posted).toHaveLength(1);
    expect(logged).toEqual(['alertChannel', 'repeat', 'repeat']);

    // Another operator, another step, a user's own limit (per user): each is an alert of its own.
    expect(await first.raise(limitAlert(colleague))).toBe('alertChannel');
    expect(await first.raise(limitAlert(operator, 'temporaryAccessPass'))).toBe('alertChannel');
    expect(await first.raise(limitAlert(operator, 'resetPassword', 'target'))).toBe('alertChannel');
    expect(await first.raise(limitAlert(operator, 'resetPassword', 'target', otherTarget))).toBe('alertChannel');
    expect(await second.raise(limitAlert(operator, 'resetPassword', 'target'))).toBe('repeat');

    // Once the window has passed, the next attempt alerts again.
    later(16);
    expect(await second.raise(limitAlert())).toBe('alertChannel');
    expect(posted).toHaveLength(6);
  });

  it('never holds back a No answered in Teams', async () => {
    const { first, posted } = await setUp();
    const denied: HelpdeskAlert = { kind: 'deniedInTeams', operator, target, step: 'resetPassword', answeredBy: { aadObjectId: target.id, name: target.displayName }, asked: 'user', at: '' };
    await first.raise(denied);
    await first.raise(denied);
    expect(posted).toHaveLength(2);
  });
});
