/**
 * Teams-only intake: activities from other channels, without a tenant, or (with a bot identity)
 * carrying a token that is not a channel's are not served; refusals at the edge are logged once
 * per interval per source, not once per request.
 */
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import pino from 'pino';
import { createAdapter, TeamsOnly } from '../../src/host/adapter';
import { RefusalLog } from '../../src/host/refusalLog';
import { SEEDED } from '../../src/simulator/seeded';

function activity(change: Partial<Activity> = {}): Activity {
  return {
    type: ActivityTypes.Message,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:a', name: 'Alex Wilber', aadObjectId: SEEDED.users.operator.id },
    recipient: { id: '28:bot', name: 'Unlock' },
    conversation: { id: 'a:1', conversationType: 'personal', tenantId: SEEDED.tenantId, isGroup: false, name: '' },
    text: 'help',
    ...change,
  } as Activity;
}

describe('Teams-only intake', () => {
  const adapter = createAdapter({ allowedTenants: [SEEDED.tenantId], logger: pino({ level: 'silent' }) });

  it.each([
    ['a Teams activity of the allowed tenant is served', activity(), true],
    ['a webchat activity is not', activity({ channelId: 'webchat' }), false],
    ['an emulator activity is not', activity({ channelId: 'emulator' }), false],
    ['an activity without conversation.tenantId is not', activity({ conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' } }), false],
  ])('%s', async (_what, incoming, served) => {
    let ran = false;
    await adapter.serve('', incoming, async () => {
      ran = true;
    });
    expect(ran).toBe(served);
  });

  it('with a bot identity, only a channel token is accepted', async () => {
    const refusals = new RefusalLog(pino({ level: 'silent' }));
    const ran: string[] = [];
    for (const issuer of ['https://api.botframework.com', 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', null]) {
      const context = new TurnContext(adapter, activity());
      context.turnState.set(adapter.BotIdentityKey, { getClaimValue: (type: string) => (type === 'iss' ? issuer : null) });
      await new TeamsOnly(true, refusals).onTurn(context, async () => void ran.push(String(issuer)));
    }
    expect(ran).toEqual(['https://api.botframework.com']);
  });
});

describe('refusals at the edge', () => {
  it('are logged once per interval per source and reason, with how many were left out', () => {
    const lines: Record<string, unknown>[] = [];
    let now = 0;
    const log = new RefusalLog(pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) }), 60_000, () => now);
    for (let i = 0; i < 50; i += 1) log.refused('203.0.113.7', 'not authenticated');
    log.refused('198.51.100.2', 'not authenticated');
    now = 61_000;
    log.refused('203.0.113.7', 'not authenticated');
    expect(lines.map((line) => [line.source, line.msg, line.alsoRefusedSinceLastLog])).toEqual([
      ['203.0.113.7', 'request rejected: not authenticated', undefined],
      ['198.51.100.2', 'request rejected: not authenticated', undefined],
      ['203.0.113.7', 'request rejected: not authenticated', 49],
    ]);
  });
});
