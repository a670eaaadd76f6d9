import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, expectGraphError, fixedClock, get } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());
afterEach(() => simulator.clearFaults());

describe('fault injection', () => {
  it('fails one batch item with 403 while the others succeed', async () => {
    simulator.addFault({
      path: '/reports/authenticationMethods',
      status: 403,
      code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      message: 'Neither tenant is B2C or tenant doesn\'t have premium license',
    });
    const reply = await call(simulator, 'POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: 'user', method: 'GET', url: `/users/${users.healthy.id}` },
          { id: 'registration', method: 'GET', url: `/reports/authenticationMethods/userRegistrationDetails/${users.healthy.id}` },
        ],
      },
    });
    expect(reply.status).toBe(200);
    const [user, registration] = reply.body.responses;
    expect(user.status).toBe(200);
    expect(registration).toMatchObject({
      status: 403,
      headers: { 'Content-Type': 'application/json' },
      body: { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant' } },
    });
  });

  it('throttles once with Retry-After, then lets the retry through', async () => {
    simulator.addFault({ path: '/auditLogs/signIns', status: 429, retryAfterSeconds: 7, times: 1 });
    const throttled = await get(simulator, '/v1.0/auditLogs/signIns?$top=1');
    expectGraphError(throttled, 429, 'TooManyRequests');
    expect(throttled.headers.get('retry-after')).toBe('7');
    const retried = await get(simulator, '/v1.0/auditLogs/signIns?$top=1');
    expect(retried.status).toBe(200);
  });

  it('puts Retry-After into the headers of a throttled batch item', async () => {
    simulator.addFault({ path: /riskyUsers\//, status: 429, retryAfterSeconds: 3 });
    const reply = await call(simulator, 'POST', '/v1.0/$batch', {
      body: { requests: [{ id: 'risk', method: 'GET', url: `/identityProtection/riskyUsers/${users.atRisk.id}` }] },
    });
    expect(reply.body.responses[0]).toMatchObject({ status: 429, headers: { 'Retry-After': '3' } });
  });

  it('matches the method when a rule names one', async () => {
    simulator.addFault({ method: 'PATCH', path: `/users/${users.healthy.id}`, status: 503 });
    expect((await get(simulator, `/v1.0/users/${users.healthy.id}`)).status).toBe(200);
    const write = await call(simulator, 'PATCH', `/v1.0/users/${users.healthy.id}`, { body: { accountEnabled: true } });
    expectGraphError(write, 503, 'ServiceNotAvailable');
  });

  it('fails Exchange calls too', async () => {
    simulator.addFault({ path: '/InvokeCommand', status: 500, times: 1 });
    const reply = await call(simulator, 'POST', `/adminapi/beta/${SEEDED.tenantId}/InvokeCommand`, {
      body: { CmdletInput: { CmdletName: 'Get-BlockedSenderAddress', Parameters: {} } },
    });
    expect(reply.status).toBe(500);
    expect(reply.body.error.code).toBe('InternalServerError');
  });

  it('adds per-rule latency before the failure, and global latency to every request', async () => {
    simulator.addFault({ path: '/identityProtection', status: 503, latencyMs: 150, times: 1 });
    const started = Date.now();
    expect((await get(simulator, `/v1.0/identityProtection/riskyUsers/${users.atRisk.id}`)).status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const slow = await startSimulator({ port: 0, now: fixedClock, latencyMs: 120 });
    try {
      const begun = Date.now();
      expect((await get(slow, `/v1.0/users/${users.healthy.id}`)).status).toBe(200);
      expect(Date.now() - begun).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.stop();
    }
  });

  it('takes rules at start and refuses an invalid one', async () => {
    const faulty = await startSimulator({ port: 0, faults: [{ path: '/users', status: 404 }] });
    try {
      expect((await get(faulty, `/v1.0/users/${users.healthy.id}`)).status).toBe(404);
    } finally {
      await faulty.stop();
    }
    expect(() => simulator.addFault({ path: '/users', status: 418 as 403 })).toThrow(/status/);
  });
});
