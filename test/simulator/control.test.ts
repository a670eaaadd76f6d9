import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, fixedClock, get } from './helpers';

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

describe('control endpoints', () => {
  it('lists the seeded users with what each shows, without a token', async () => {
    const reply = await call(simulator, 'GET', '/_simulator/users', { auth: false });
    expect(reply.status).toBe(200);
    const lockedOut = reply.body.users.find((user: { role: string }) => user.role === 'smartLockout');
    expect(lockedOut).toMatchObject({
      id: SEEDED.users.smartLockout.id,
      userPrincipalName: SEEDED.users.smartLockout.upn,
      shows: SEEDED.users.smartLockout.shows,
    });
    expect(reply.body.users).toHaveLength(Object.keys(SEEDED.users).length);
    const compromised = reply.body.users.find((user: { role: string }) => user.role === 'everything');
    expect(compromised.now.authenticationMethods).toEqual([
      expect.stringMatching(/^phoneMethods /),
      expect.stringMatching(/^microsoftAuthenticatorMethods /),
      `microsoftAuthenticatorMethods ${new Date(fixedClock().getTime() - 2 * 3_600_000).toISOString()}`,
    ]);
  });

  it('reads and clears the request log, marking its own requests as control', async () => {
    await call(simulator, 'DELETE', '/_simulator/requests', { auth: false });
    await get(simulator, `/v1.0/users/${SEEDED.users.healthy.id}?$select=id`);
    const log = await call(simulator, 'GET', '/_simulator/requests', { auth: false });
    expect(log.body.requests).toEqual([
      { method: 'DELETE', path: '/_simulator/requests', query: '', status: 204, api: 'control', at: fixedClock().toISOString() },
      {
        method: 'GET',
        path: `/v1.0/users/${SEEDED.users.healthy.id}`,
        query: '$select=id',
        status: 200,
        api: 'graph',
        at: fixedClock().toISOString(),
      },
    ]);
    expect(simulator.requests.filter((request) => request.api === 'graph')).toHaveLength(1);
  });

  it('adds and clears fault rules over HTTP', async () => {
    const added = await call(simulator, 'POST', '/_simulator/faults', {
      auth: false,
      body: { path: '/auditLogs/signIns', status: 429, retryAfterSeconds: 2, times: 1 },
    });
    expect(added.status).toBe(201);
    expect((await call(simulator, 'GET', '/_simulator/faults', { auth: false })).body.faults).toHaveLength(1);
    expect((await get(simulator, '/v1.0/auditLogs/signIns')).status).toBe(429);
    expect((await get(simulator, '/v1.0/auditLogs/signIns?$top=1')).status).toBe(200);

    await call(simulator, 'POST', '/_simulator/faults', { auth: false, body: { path: '/users', status: 503 } });
    expect((await call(simulator, 'DELETE', '/_simulator/faults', { auth: false })).status).toBe(204);
    expect((await get(simulator, `/v1.0/users/${SEEDED.users.healthy.id}`)).status).toBe(200);
  });

  it('refuses an invalid fault rule with a reason', async () => {
    const reply = await call(simulator, 'POST', '/_simulator/faults', { auth: false, body: { path: '/users', status: 200 } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/status/);
  });
});
