import { createHash } from 'node:crypto';
import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, expectGraphError, fixedClock, get, NOW } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeEach(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterEach(() => simulator.stop());

const POLICY_PATH = '/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';
const POLICY_REFUSAL =
  'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].';

const createPass = (key: string, body?: unknown): ReturnType<typeof call> =>
  call(simulator, 'POST', `/v1.0/users/${key}/authentication/temporaryAccessPassMethods`, body === undefined ? {} : { body });
const changePolicy = (body: unknown): ReturnType<typeof call> =>
  call(simulator, 'PATCH', '/_simulator/temporaryAccessPassPolicy', { auth: false, body });

describe('GET …/authenticationMethodConfigurations/TemporaryAccessPass', () => {
  it('serves the seeded policy: on for all users, one to eight hours, reusable, one group excluded', async () => {
    const reply = await get(simulator, POLICY_PATH);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      '@odata.context': `${simulator.url}/v1.0/$metadata#authenticationMethodConfigurations/$entity`,
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
      id: 'TemporaryAccessPass',
      state: 'enabled',
      defaultLifetimeInMinutes: 60,
      defaultLength: 8,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      isUsableOnce: false,
      'includeTargets@odata.context': expect.stringContaining("authenticationMethodConfigurations('TemporaryAccessPass')"),
      includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
      excludeTargets: [{ targetType: 'group', id: SEEDED.noTemporaryAccessPassGroup.id }],
    });
  });

  it('answers the lower-case key of the docs and $select', async () => {
    const reply = await get(
      simulator,
      '/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass?$select=state',
    );
    expect(reply.body).toMatchObject({ id: 'TemporaryAccessPass', state: 'enabled' });
    expect(reply.body.maximumLifetimeInMinutes).toBeUndefined();
  });
});

describe('POST /users/{id}/authentication/temporaryAccessPassMethods', () => {
  it('creates a pass with the policy’s defaults and shows it only in this answer', async () => {
    const reply = await createPass(users.mfaTrouble.id);
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      '@odata.context': `${simulator.url}/v1.0/$metadata#users('${users.mfaTrouble.id}')/authentication/temporaryAccessPassMethods/$entity`,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      temporaryAccessPass: expect.stringMatching(/^\S{8}$/),
      createdDateTime: NOW.toISOString(),
      startDateTime: NOW.toISOString(),
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
    const listed = await get(simulator, `/v1.0/users/${users.mfaTrouble.id}/authentication/temporaryAccessPassMethods`);
    expect(listed.body.value).toEqual([{ ...withoutContext(reply.body), temporaryAccessPass: null }]);
    const one = await get(simulator, `/v1.0/users/${users.mfaTrouble.id}/authentication/temporaryAccessPassMethods/${reply.body.id}`);
    expect(one.body.temporaryAccessPass).toBeNull();
    const methods = await get(simulator, `/v1.0/users/${users.mfaTrouble.id}/authentication/methods`);
    expect(methods.body.value).toContainEqual({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
      ...withoutContext(reply.body),
      temporaryAccessPass: null,
    });
  });

  it('takes a lifetime, one-time use and a start, by UPN too', async () => {
    const start = new Date(NOW.getTime() + 30 * 60_000).toISOString();
    const reply = await createPass(users.mfaTrouble.upn, { lifetimeInMinutes: 480, isUsableOnce: true, startDateTime: start });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      startDateTime: start,
      lifetimeInMinutes: 480,
      isUsableOnce: true,
      isUsable: false,
      methodUsabilityReason: 'NotYetValid',
    });
  });

  it('keeps one pass per user: a new one replaces the old', async () => {
    const first = await createPass(users.mfaTrouble.id);
    const second = await createPass(users.mfaTrouble.id, { lifetimeInMinutes: 120 });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    const listed = await get(simulator, `/v1.0/users/${users.mfaTrouble.id}/authentication/temporaryAccessPassMethods`);
    expect(listed.body.value.map((pass: { id: string }) => pass.id)).toEqual([second.body.id]);
  });

  it.each([
    ['below the policy’s minimum', 30],
    ['above the policy’s maximum', 481],
    ['above Graph’s 30 days', 43_201],
  ])('refuses a lifetime %s with Graph’s 400', async (_case, lifetimeInMinutes) => {
    expectGraphError(
      await createPass(users.mfaTrouble.id, { lifetimeInMinutes }),
      400,
      'badRequest',
      'Invalid LifetimeInMinutes specified. The valid range between 60 and 480.',
    );
    expect(simulator.tenant.users.find((user) => user.id === users.mfaTrouble.id)?.authentication.methods).toHaveLength(1);
  });

  it('refuses a user the policy excludes, and says so in the same words as for a policy that is off', async () => {
    expectGraphError(await createPass(users.apostrophe.id), 400, 'badRequest', POLICY_REFUSAL);
    expect(simulator.tenant.groups.find((group) => group.id === SEEDED.noTemporaryAccessPassGroup.id)?.memberIds).toEqual([
      users.apostrophe.id,
    ]);
  });

  it('refuses everyone while the policy is off, and a pass issued before shows DisabledByPolicy', async () => {
    const issued = await createPass(users.mfaTrouble.id);
    const switched = await changePolicy({ state: 'disabled' });
    expect(switched).toMatchObject({ status: 200, body: { state: 'disabled' } });
    expect((await get(simulator, POLICY_PATH)).body.state).toBe('disabled');
    expectGraphError(await createPass(users.healthy.id), 400, 'badRequest', POLICY_REFUSAL);
    const listed = await get(simulator, `/v1.0/users/${users.mfaTrouble.id}/authentication/temporaryAccessPassMethods/${issued.body.id}`);
    expect(listed.body).toMatchObject({ isUsable: false, methodUsabilityReason: 'DisabledByPolicy' });
  });

  it('refuses everyone the policy no longer includes', async () => {
    await changePolicy({ includeTargets: [{ targetType: 'group', id: SEEDED.helpdeskGroup.id }] });
    expect((await createPass(users.operator.id)).status).toBe(201);
    expectGraphError(await createPass(users.mfaTrouble.id), 400, 'badRequest', POLICY_REFUSAL);
  });

  it('makes one-time passes by default when the policy allows only those, and refuses a reusable one', async () => {
    await changePolicy({ isUsableOnce: true });
    expect((await createPass(users.mfaTrouble.id)).body.isUsableOnce).toBe(true);
    expectGraphError(await createPass(users.mfaTrouble.id, { isUsableOnce: false }), 400, 'badRequest', /one-time/);
  });

  it('makes passes of the policy’s length', async () => {
    await changePolicy({ defaultLength: 14 });
    expect((await createPass(users.mfaTrouble.id)).body.temporaryAccessPass).toHaveLength(14);
  });

  it('refuses a guest', async () => {
    const user = simulator.tenant.users.find((candidate) => candidate.id === users.healthy.id);
    if (user === undefined) throw new Error('seeded user missing');
    user.userType = 'Guest';
    expectGraphError(await createPass(users.healthy.id), 400, 'badRequest', 'cannot be added to an external guest user');
  });

  it.each([
    ['a lifetime that is not a whole number', { lifetimeInMinutes: 60.5 }],
    ['one-time use that is not a boolean', { isUsableOnce: 'yes' }],
    ['a start that is not a date', { startDateTime: 'tomorrow' }],
    ['a property it does not take', { temporaryAccessPass: 'MyOwnPass' }],
  ])('refuses %s', async (_case, body) => {
    expectGraphError(await createPass(users.mfaTrouble.id, body), 400, 'BadRequest');
  });

  it('answers 404 for an unknown user', async () => {
    expectGraphError(await createPass('nobody@contoso.com'), 404, 'Request_ResourceNotFound');
  });

  it('answers 403 Authorization_RequestDenied when the app lacks the permission (a fault rule)', async () => {
    simulator.addFault({ method: 'POST', path: '/temporaryAccessPassMethods', status: 403 });
    expectGraphError(await createPass(users.mfaTrouble.id), 403, 'Authorization_RequestDenied', 'Insufficient privileges');
    expect(simulator.tenant.users.find((user) => user.id === users.mfaTrouble.id)?.authentication.methods).toHaveLength(1);
  });

  it('deletes a pass with 204', async () => {
    const created = await createPass(users.mfaTrouble.id);
    const path = `/v1.0/users/${users.mfaTrouble.id}/authentication/temporaryAccessPassMethods/${created.body.id}`;
    expect((await call(simulator, 'DELETE', path)).status).toBe(204);
    expectGraphError(await get(simulator, path), 404, 'itemNotFound');
  });
});

describe('the pass is a secret', () => {
  it('never reaches the request log or the tenant, plain or in a $batch', async () => {
    const plain = (await createPass(users.mfaTrouble.id)).body.temporaryAccessPass as string;
    const batched = await call(simulator, 'POST', '/v1.0/$batch', {
      body: {
        requests: [
          {
            id: 'pass',
            method: 'POST',
            url: `/users/${users.healthy.id}/authentication/temporaryAccessPassMethods`,
            headers: { 'Content-Type': 'application/json' },
            body: { lifetimeInMinutes: 90 },
          },
          { id: 'policy', method: 'GET', url: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass' },
        ],
      },
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const item = batched.body.responses.find((response: any) => response.id === 'pass');
    expect(item).toMatchObject({ status: 201, body: { lifetimeInMinutes: 90, temporaryAccessPass: expect.any(String) } });
    const inBatch = item.body.temporaryAccessPass as string;

    const log = JSON.stringify(simulator.requests);
    const controlLog = JSON.stringify((await call(simulator, 'GET', '/_simulator/requests', { auth: false })).body);
    const tenant = JSON.stringify(simulator.tenant);
    const summary = JSON.stringify((await call(simulator, 'GET', '/_simulator/users', { auth: false })).body);
    for (const pass of [plain, inBatch]) {
      for (const text of [log, controlLog, tenant, summary]) expect(text).not.toContain(pass);
    }
    // The log still shows the calls were made.
    expect(simulator.requests.map((request) => request.path)).toContain(
      `/v1.0/users/${users.mfaTrouble.id}/authentication/temporaryAccessPassMethods`,
    );
    // What the tenant keeps is enough to tell which pass was issued.
    const kept = simulator.tenant.users.find((user) => user.id === users.mfaTrouble.id)?.authentication.methods.at(-1);
    expect(kept).toMatchObject({ kind: 'temporaryAccessPass', passSha256: createHash('sha256').update(plain).digest('hex') });
  });
});

describe('the control endpoint', () => {
  it('reads the policy and refuses a change that does not fit, changing nothing', async () => {
    const before = (await call(simulator, 'GET', '/_simulator/temporaryAccessPassPolicy', { auth: false })).body;
    expect(before).toMatchObject({ state: 'enabled', minimumLifetimeInMinutes: 60, maximumLifetimeInMinutes: 480 });
    for (const change of [
      { state: 'off' },
      { minimumLifetimeInMinutes: 5 },
      { defaultLifetimeInMinutes: 500 },
      { defaultLength: 60 },
      { isUsableOnce: 'no' },
      { excludeTargets: 'everyone' },
      { colour: 'blue' },
      [],
    ]) {
      const reply = await changePolicy(change);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toEqual(expect.any(String));
    }
    expect((await call(simulator, 'GET', '/_simulator/temporaryAccessPassPolicy', { auth: false })).body).toEqual(before);
  });

  it('narrows the bounds', async () => {
    await changePolicy({ minimumLifetimeInMinutes: 10, defaultLifetimeInMinutes: 30, maximumLifetimeInMinutes: 120 });
    expect((await createPass(users.mfaTrouble.id)).body.lifetimeInMinutes).toBe(30);
    expectGraphError(
      await createPass(users.mfaTrouble.id, { lifetimeInMinutes: 240 }),
      400,
      'badRequest',
      'The valid range between 10 and 120.',
    );
  });
});

function withoutContext(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== '@odata.context'));
}
