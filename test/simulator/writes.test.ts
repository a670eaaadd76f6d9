import { createHash } from 'node:crypto';
import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, expectGraphError, fixedClock, get, NOW } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

const patch = (key: string, body: unknown): ReturnType<typeof call> => call(simulator, 'PATCH', `/v1.0/users/${key}`, { body });

describe('writes change what the next read shows', () => {
  it('allows sign-in again', async () => {
    expect((await patch(users.signInBlocked.id, { accountEnabled: true })).status).toBe(204);
    const after = await get(simulator, `/v1.0/users/${users.signInBlocked.id}?$select=accountEnabled`);
    expect(after.body.accountEnabled).toBe(true);
  });

  it('refuses a weak password, accepts a strong one, and never keeps or logs it', async () => {
    const weak = 'onlylowercase';
    const strong = 'Correct-Horse-42';
    const refused = await patch(users.smartLockout.upn, { passwordProfile: { password: weak, forceChangePasswordNextSignIn: true } });
    expectGraphError(refused, 400, 'Request_BadRequest', 'does not comply with password complexity requirements');

    const accepted = await patch(users.smartLockout.upn, {
      passwordProfile: { password: strong, forceChangePasswordNextSignIn: true },
    });
    expect(accepted.status).toBe(204);
    const user = simulator.tenant.users.find((candidate) => candidate.id === users.smartLockout.id);
    expect(user?.passwordProfile).toEqual({
      passwordSha256: createHash('sha256').update(strong).digest('hex'),
      forceChangePasswordNextSignIn: true,
    });
    const after = await get(simulator, `/v1.0/users/${users.smartLockout.id}?$select=lastPasswordChangeDateTime`);
    expect(after.body.lastPasswordChangeDateTime).toBe(NOW.toISOString());

    const log = JSON.stringify(simulator.requests);
    expect(log).not.toContain(strong);
    expect(log).not.toContain(weak);
    expect(JSON.stringify(simulator.tenant)).not.toContain(strong);
  });

  it.each([
    ['shorter than 8 characters', 'Ab1!'],
    ['only two character classes', 'abcdefgh1234'],
    ['characters outside ASCII', 'Pāroles-Vārds-1'],
  ])('refuses a password with %s', async (_case, password) => {
    const reply = await patch(users.healthy.id, { passwordProfile: { password } });
    expect(reply.status).toBe(400);
  });

  it.each([
    ['Global Administrator', users.globalAdmin.id],
    ['Exchange Administrator', users.exchangeAdmin.id],
  ])('refuses to change a %s with 403', async (_role, id) => {
    expectGraphError(await patch(id, { accountEnabled: false }), 403, 'Authorization_RequestDenied', 'Insufficient privileges');
    const revoke = await call(simulator, 'POST', `/v1.0/users/${id}/revokeSignInSessions`);
    expectGraphError(revoke, 403, 'Authorization_RequestDenied');
  });

  it('lets a User Administrator reset a Helpdesk Administrator', async () => {
    expect((await patch(users.helpdeskAdmin.id, { passwordProfile: { password: 'Helpdesk-Reset-7' } })).status).toBe(204);
  });

  it('refuses to change a user mastered on-premises', async () => {
    expectGraphError(
      await patch(users.onPremises.id, { accountEnabled: false }),
      400,
      'Request_BadRequest',
      'Unable to update the specified properties for on-premises mastered Directory Sync objects',
    );
  });

  it('refuses values of the wrong type and properties it does not simulate', async () => {
    expectGraphError(await patch(users.healthy.id, { accountEnabled: 'yes' }), 400, 'Request_BadRequest');
    expectGraphError(await patch(users.healthy.id, { displayName: 'X' }), 400, 'BadRequest');
  });

  it('revokes sessions', async () => {
    const reply = await call(simulator, 'POST', `/v1.0/users/${users.atRisk.id}/revokeSignInSessions`);
    expect(reply.status).toBe(200);
    expect(reply.body.value).toBe(true);
    const after = await get(simulator, `/v1.0/users/${users.atRisk.id}?$select=signInSessionsValidFromDateTime`);
    expect(after.body.signInSessionsValidFromDateTime).toBe(NOW.toISOString());
  });

  it('dismisses risk and confirms a compromise', async () => {
    const dismiss = await call(simulator, 'POST', '/v1.0/identityProtection/riskyUsers/dismiss', {
      body: { userIds: [users.atRisk.id] },
    });
    expect(dismiss.status).toBe(204);
    const dismissed = await get(simulator, `/v1.0/identityProtection/riskyUsers/${users.atRisk.id}`);
    expect(dismissed.body).toMatchObject({ riskState: 'dismissed', riskLevel: 'none' });

    const confirm = await call(simulator, 'POST', '/v1.0/identityProtection/riskyUsers/confirmCompromised', {
      body: { userIds: [users.everything.id] },
    });
    expect(confirm.status).toBe(204);
    const confirmed = await get(simulator, `/v1.0/identityProtection/riskyUsers/${users.everything.id}`);
    expect(confirmed.body).toMatchObject({ riskState: 'confirmedCompromised', riskLevel: 'high' });
  });

  it('deletes an inbox rule', async () => {
    const rules = `/v1.0/users/${users.forwardingRule.id}/mailFolders/inbox/messageRules`;
    const before = await get(simulator, rules);
    const forwarding = before.body.value.find((rule: { displayName: string }) => rule.displayName === '.');
    const deleted = await call(simulator, 'DELETE', `${rules}/${encodeURIComponent(forwarding.id)}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const after = await get(simulator, rules);
    expect(after.body.value.map((rule: { displayName: string }) => rule.displayName)).toEqual(['Newsletters']);
    expect((await call(simulator, 'DELETE', `${rules}/${encodeURIComponent(forwarding.id)}`)).status).toBe(404);
  });
});
