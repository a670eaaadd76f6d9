import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, expectGraphError, fixedClock, get, NOW } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeEach(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterEach(() => simulator.stop());

/** The reset exactly as the bot sends it (`remediationGateway.ts`). */
const reset = (userId: string, password = 'Temporary-Pass-42'): ReturnType<typeof call> =>
  call(simulator, 'PATCH', `/v1.0/users/${userId}`, {
    body: { passwordProfile: { password, forceChangePasswordNextSignIn: true } },
  });
const riskOf = (userId: string): ReturnType<typeof get> => get(simulator, `/v1.0/identityProtection/riskyUsers/${userId}`);

describe('an admin password reset remediates user risk, as in Entra', () => {
  it('remediates a user at risk', async () => {
    expect((await riskOf(users.atRisk.id)).body).toMatchObject({ riskState: 'atRisk', riskLevel: 'high' });
    expect((await reset(users.atRisk.id)).status).toBe(204);
    expect((await riskOf(users.atRisk.id)).body).toMatchObject({
      riskState: 'remediated',
      riskLevel: 'none',
      riskDetail: 'adminGeneratedTemporaryPassword',
      riskLastUpdatedDateTime: NOW.toISOString(),
    });
  });

  it('remediates a user confirmed compromised', async () => {
    await call(simulator, 'POST', '/v1.0/identityProtection/riskyUsers/confirmCompromised', {
      body: { userIds: [users.everything.id] },
    });
    expect((await riskOf(users.everything.id)).body.riskState).toBe('confirmedCompromised');
    expect((await reset(users.everything.id)).status).toBe(204);
    expect((await riskOf(users.everything.id)).body).toMatchObject({
      riskState: 'remediated',
      riskLevel: 'none',
      riskDetail: 'adminGeneratedTemporaryPassword',
    });
  });

  it('remediates inside a $batch too', async () => {
    const reply = await call(simulator, 'POST', '/v1.0/$batch', {
      body: {
        requests: [
          {
            id: 'reset',
            method: 'PATCH',
            url: `/users/${users.eligibleAdmin.id}`,
            headers: { 'Content-Type': 'application/json' },
            body: { passwordProfile: { password: 'Temporary-Pass-42', forceChangePasswordNextSignIn: true } },
          },
          { id: 'risk', method: 'GET', url: `/identityProtection/riskyUsers/${users.eligibleAdmin.id}`, dependsOn: ['reset'] },
        ],
      },
    });
    const risk = reply.body.responses.find((response: { id: string }) => response.id === 'risk');
    expect(risk.body).toMatchObject({ riskState: 'remediated', riskDetail: 'adminGeneratedTemporaryPassword' });
  });

  it('leaves dismissed risk as it was', async () => {
    await call(simulator, 'POST', '/v1.0/identityProtection/riskyUsers/dismiss', { body: { userIds: [users.atRisk.id] } });
    const dismissed = (await riskOf(users.atRisk.id)).body;
    expect((await reset(users.atRisk.id)).status).toBe(204);
    expect((await riskOf(users.atRisk.id)).body).toEqual(dismissed);
  });

  it('creates no risky user for a user never flagged', async () => {
    expect((await reset(users.healthy.id)).status).toBe(204);
    expectGraphError(await riskOf(users.healthy.id), 404, 'ResourceNotFound');
  });

  it('changes nothing when the reset is refused', async () => {
    expectGraphError(await reset(users.atRisk.id, 'weak'), 400, 'Request_BadRequest');
    expect((await riskOf(users.atRisk.id)).body).toMatchObject({ riskState: 'atRisk', riskLevel: 'high' });
  });

  it('changes nothing when only sign-in is allowed', async () => {
    expect((await call(simulator, 'PATCH', `/v1.0/users/${users.everything.id}`, { body: { accountEnabled: true } })).status).toBe(204);
    expect((await riskOf(users.everything.id)).body).toMatchObject({ riskState: 'atRisk', riskLevel: 'high' });
  });
});
