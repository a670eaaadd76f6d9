import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, fixedClock } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

const invoke = (
  cmdletName: string,
  parameters: Record<string, unknown>,
  options: { tenantId?: string; auth?: boolean } = {},
): ReturnType<typeof call> =>
  call(simulator, 'POST', `/adminapi/beta/${options.tenantId ?? simulator.tenantId}/InvokeCommand`, {
    body: { CmdletInput: { CmdletName: cmdletName, Parameters: parameters } },
    ...(options.auth === undefined ? {} : { auth: options.auth }),
  });

describe('Exchange Online admin API', () => {
  it('lists a restricted sender with the reason and dates', async () => {
    const reply = await invoke('Get-BlockedSenderAddress', { SenderAddress: users.restrictedSender.upn });
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toContain('$metadata#Collection(Exchange.GenericHashTable)');
    expect(reply.body.value).toEqual([
      {
        SenderAddress: users.restrictedSender.upn,
        Reason: expect.stringMatching(/^OutboundSpamLast24Hours=\d+;OutboundMailLast24Hours=\d+;OutboundSpamPercent=\d+;/),
        CreatedDatetime: new Date(fixedClock().getTime() - 3 * 3_600_000).toISOString(),
        ChangedDatetime: expect.any(String),
      },
    ]);
  });

  it('answers an empty list for a sender who is not blocked', async () => {
    const reply = await invoke('Get-BlockedSenderAddress', { SenderAddress: users.healthy.upn });
    expect(reply.body.value).toEqual([]);
  });

  it('removes a sender from the list, and logs the cmdlet', async () => {
    simulator.resetLog();
    const removed = await invoke('Remove-BlockedSenderAddress', { SenderAddress: users.everything.upn, Reason: 'Helpdesk: verified' });
    expect(removed.status).toBe(200);
    expect(removed.body.value).toEqual([]);
    const after = await invoke('Get-BlockedSenderAddress', { SenderAddress: users.everything.upn });
    expect(after.body.value).toEqual([]);
    expect(simulator.requests.map((request) => [request.api, request.cmdlet, request.status])).toEqual([
      ['exchange', 'Remove-BlockedSenderAddress', 200],
      ['exchange', 'Get-BlockedSenderAddress', 200],
    ]);
  });

  it('answers 401 without a token', async () => {
    const reply = await invoke('Get-BlockedSenderAddress', {}, { auth: false });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('answers 404 for another tenant', async () => {
    const reply = await invoke('Get-BlockedSenderAddress', {}, { tenantId: '11111111-1111-4111-8111-111111111111' });
    expect(reply.status).toBe(404);
  });

  it('answers an unknown cmdlet with an Exchange error body', async () => {
    const reply = await invoke('Set-Mailbox', { Identity: users.healthy.upn });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: {
        code: 'BadRequest',
        message: expect.stringContaining("'Set-Mailbox' is not recognized"),
        details: [{ message: expect.stringContaining("'Set-Mailbox' is not recognized") }],
        innererror: expect.any(Object),
      },
    });
  });

  it('refuses a missing mandatory parameter and an unknown one', async () => {
    const missing = await invoke('Remove-BlockedSenderAddress', {});
    expect(missing.body.error.details[0].message).toContain('missing mandatory parameters: SenderAddress');
    const unknown = await invoke('Get-BlockedSenderAddress', { Sender: 'x@contoso.com' });
    expect(unknown.body.error.details[0].message).toContain("matches parameter name 'Sender'");
  });
});
