import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, expectGraphError, fixedClock, get, NOW } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeEach(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterEach(() => simulator.stop());

const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';
const MOBILE_PHONE_ID = '3179e48a-750b-4051-897c-87b9720928f7';
const ALTERNATE_PHONE_ID = 'b6332ec1-7057-4abe-9331-3d72feddfe41';
const EMAIL_METHOD_ID = '3ddfcfc8-9383-446f-83cc-3ab9be4be18f';

interface WireMethod {
  '@odata.type': string;
  id: string;
  createdDateTime: string | null;
  [property: string]: unknown;
}

const methodsOf = async (key: string): Promise<WireMethod[]> => {
  const reply = await get(simulator, `/v1.0/users/${key}/authentication/methods`);
  expect(reply.status).toBe(200);
  return reply.body.value as WireMethod[];
};
const ofType = (methods: WireMethod[], type: string): WireMethod[] =>
  methods.filter((method) => method['@odata.type'] === `#microsoft.graph.${type}`);
const hoursBeforeNow = (time: string | null): number => (NOW.getTime() - Date.parse(time ?? '')) / 3_600_000;

describe('GET /users/{id}/authentication/methods', () => {
  it('lists the password and every registered method, each typed, in Graph’s shapes', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.operator.id}/authentication/methods`);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe(
      `${simulator.url}/v1.0/$metadata#users('${users.operator.id}')/authentication/methods`,
    );
    const methods = reply.body.value as WireMethod[];
    expect(methods[0]).toEqual({
      '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
      id: PASSWORD_METHOD_ID,
      createdDateTime: null,
      password: null,
    });
    expect(ofType(methods, 'phoneAuthenticationMethod')).toEqual([
      {
        '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
        id: MOBILE_PHONE_ID,
        createdDateTime: expect.any(String),
        phoneNumber: expect.stringMatching(/^\+1 4255550\d{3}$/),
        phoneType: 'mobile',
        smsSignInState: 'notAllowedByPolicy',
      },
    ]);
    expect(ofType(methods, 'microsoftAuthenticatorAuthenticationMethod')).toEqual([
      {
        '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        createdDateTime: expect.any(String),
        displayName: expect.any(String),
        deviceTag: 'SoftwareTokenActivated',
        phoneAppVersion: expect.any(String),
      },
    ]);
    expect(ofType(methods, 'fido2AuthenticationMethod')).toEqual([
      {
        '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
        id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
        createdDateTime: expect.any(String),
        displayName: 'YubiKey',
        aaGuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        model: 'YubiKey 5 Series with NFC',
        attestationCertificates: [expect.any(String)],
        attestationLevel: 'attested',
      },
    ]);
  });

  it('serves email, software OATH and a Temporary Access Pass too, never a secret', async () => {
    expect(ofType(await methodsOf(users.healthy.id), 'emailAuthenticationMethod')).toEqual([
      {
        '@odata.type': '#microsoft.graph.emailAuthenticationMethod',
        id: EMAIL_METHOD_ID,
        createdDateTime: expect.any(String),
        emailAddress: 'janis.ozols@example.net',
      },
    ]);
    expect(ofType(await methodsOf(users.secondOperator.id), 'softwareOathAuthenticationMethod')).toEqual([
      {
        '@odata.type': '#microsoft.graph.softwareOathAuthenticationMethod',
        id: expect.any(String),
        createdDateTime: expect.any(String),
        secretKey: null,
      },
    ]);
    // Diego's onboarding pass ran out three days ago.
    expect(await methodsOf(users.ssprNotRegistered.id)).toEqual([
      expect.objectContaining({ id: PASSWORD_METHOD_ID }),
      {
        '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
        id: expect.any(String),
        temporaryAccessPass: null,
        createdDateTime: expect.any(String),
        startDateTime: expect.any(String),
        lifetimeInMinutes: 60,
        isUsableOnce: true,
        isUsable: false,
        methodUsabilityReason: 'Expired',
      },
    ]);
  });

  it('answers by UPN too', async () => {
    expect(await methodsOf(users.operator.upn)).toEqual(await methodsOf(users.operator.id));
  });

  it.each([
    ['raimonds.krumins', users.everything.id, 'microsoftAuthenticatorAuthenticationMethod', 2],
    ['peteris.liepa', users.atRisk.id, 'microsoftAuthenticatorAuthenticationMethod', 1],
    ['leeg', users.forwardingRule.id, 'phoneAuthenticationMethod', 2],
  ])('shows the method added to the compromised-looking %s in the last hours', async (_alias, id, type, hours) => {
    const methods = await methodsOf(id);
    const recent = methods.filter((method) => method.createdDateTime !== null && hoursBeforeNow(method.createdDateTime) <= hours);
    expect(recent).toEqual([expect.objectContaining({ '@odata.type': `#microsoft.graph.${type}` })]);
    // The rest of their methods are months old.
    expect(methods.filter((method) => method.createdDateTime !== null).length).toBeGreaterThan(1);
  });

  it('gives the user who lost MFA only an old phone', async () => {
    const methods = await methodsOf(users.mfaTrouble.upn);
    expect(methods.map((method) => method['@odata.type'])).toEqual([
      '#microsoft.graph.passwordAuthenticationMethod',
      '#microsoft.graph.phoneAuthenticationMethod',
    ]);
    expect(hoursBeforeNow(methods[1]?.createdDateTime ?? null)).toBeGreaterThan(24 * 365);
  });

  it('answers 404 for an unknown user and 400 for query options, which the API does not take', async () => {
    expectGraphError(await get(simulator, '/v1.0/users/nobody@contoso.com/authentication/methods'), 404, 'Request_ResourceNotFound');
    expectGraphError(
      await get(simulator, `/v1.0/users/${users.healthy.id}/authentication/methods?$select=id`),
      400,
      'BadRequest',
      "Query option '$select' is not supported",
    );
  });

  it('reads one method of any type by id', async () => {
    const one = await get(simulator, `/v1.0/users/${users.healthy.id}/authentication/methods/${MOBILE_PHONE_ID}`);
    expect(one.body).toMatchObject({
      '@odata.context': expect.stringMatching(/authentication\/methods\/\$entity$/),
      '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
      id: MOBILE_PHONE_ID,
    });
    const password = await get(simulator, `/v1.0/users/${users.healthy.id}/authentication/methods/${PASSWORD_METHOD_ID}`);
    expect(password.body['@odata.type']).toBe('#microsoft.graph.passwordAuthenticationMethod');
    expectGraphError(await get(simulator, `/v1.0/users/${users.healthy.id}/authentication/methods/nope`), 404, 'itemNotFound');
  });
});

describe('typed collections', () => {
  it('list and read one type, without @odata.type on the items', async () => {
    const list = await get(simulator, `/v1.0/users/${users.forwardingRule.id}/authentication/phoneMethods`);
    expect(list.body['@odata.context']).toBe(
      `${simulator.url}/v1.0/$metadata#users('${users.forwardingRule.id}')/authentication/phoneMethods`,
    );
    expect(list.body.value.map((method: WireMethod) => method.phoneType)).toEqual(['mobile', 'alternateMobile']);
    expect(list.body.value[0]['@odata.type']).toBeUndefined();
    const one = await get(simulator, `/v1.0/users/${users.forwardingRule.id}/authentication/phoneMethods/${ALTERNATE_PHONE_ID}`);
    expect(one.body).toMatchObject({ id: ALTERNATE_PHONE_ID, phoneNumber: '+44 7700900461', phoneType: 'alternateMobile' });
    const passwords = await get(simulator, `/v1.0/users/${users.healthy.id}/authentication/passwordMethods`);
    expect(passwords.body.value).toEqual([{ id: PASSWORD_METHOD_ID, createdDateTime: null, password: null }]);
  });
});

describe('DELETE on a method’s typed endpoint', () => {
  const recentlyAdded = async (id: string): Promise<WireMethod> => {
    const methods = await methodsOf(id);
    const newest = [...methods].sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''))[0];
    return newest as WireMethod;
  };

  it.each([
    ['phoneMethods', users.forwardingRule.id, async (): Promise<string> => ALTERNATE_PHONE_ID],
    ['microsoftAuthenticatorMethods', users.everything.id, async (): Promise<string> => (await recentlyAdded(users.everything.id)).id],
    [
      'fido2Methods',
      users.operator.id,
      async (): Promise<string> => (ofType(await methodsOf(users.operator.id), 'fido2AuthenticationMethod')[0] as WireMethod).id,
    ],
    ['emailMethods', users.healthy.id, async (): Promise<string> => EMAIL_METHOD_ID],
    [
      'softwareOathMethods',
      users.secondOperator.id,
      async (): Promise<string> =>
        (ofType(await methodsOf(users.secondOperator.id), 'softwareOathAuthenticationMethod')[0] as WireMethod).id,
    ],
    [
      'temporaryAccessPassMethods',
      users.ssprNotRegistered.id,
      async (): Promise<string> => ((await methodsOf(users.ssprNotRegistered.id))[1] as WireMethod).id,
    ],
  ])('removes a method through %s with 204', async (collection, userId, methodIdOf) => {
    const methodId = await methodIdOf();
    const before = await methodsOf(userId);
    const reply = await call(simulator, 'DELETE', `/v1.0/users/${userId}/authentication/${collection}/${encodeURIComponent(methodId)}`);
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    const after = await methodsOf(userId);
    expect(after.map((method) => method.id)).toEqual(before.map((method) => method.id).filter((id) => id !== methodId));
    const again = await call(simulator, 'DELETE', `/v1.0/users/${userId}/authentication/${collection}/${encodeURIComponent(methodId)}`);
    expectGraphError(again, 404, 'itemNotFound');
  });

  it('refuses a method of another type at the wrong endpoint', async () => {
    expectGraphError(
      await call(simulator, 'DELETE', `/v1.0/users/${users.healthy.id}/authentication/fido2Methods/${MOBILE_PHONE_ID}`),
      404,
      'itemNotFound',
    );
  });

  it('refuses the default method while others remain, and lets the last one go', async () => {
    const authenticatorId = (ofType(await methodsOf(users.healthy.id), 'microsoftAuthenticatorAuthenticationMethod')[0] as WireMethod).id;
    expectGraphError(
      await call(simulator, 'DELETE', `/v1.0/users/${users.healthy.id}/authentication/microsoftAuthenticatorMethods/${authenticatorId}`),
      400,
      'badRequest',
      'Cannot delete default method with other methods configured. Please change default method before deletion.',
    );
    // Nestor's old phone is his default and his only method.
    const last = await call(simulator, 'DELETE', `/v1.0/users/${users.mfaTrouble.id}/authentication/phoneMethods/${MOBILE_PHONE_ID}`);
    expect(last.status).toBe(204);
    const report = await get(simulator, `/v1.0/reports/authenticationMethods/userRegistrationDetails/${users.mfaTrouble.id}`);
    expect(report.body).toMatchObject({
      methodsRegistered: [],
      isMfaRegistered: false,
      userPreferredMethodForSecondaryAuthentication: 'none',
      lastUpdatedDateTime: NOW.toISOString(),
    });
  });

  it('keeps the registration report in step', async () => {
    const path = `/v1.0/reports/authenticationMethods/userRegistrationDetails/${users.forwardingRule.id}`;
    expect((await get(simulator, path)).body.methodsRegistered).toEqual([
      'microsoftAuthenticatorPush',
      'mobilePhone',
      'alternateMobilePhone',
    ]);
    await call(simulator, 'DELETE', `/v1.0/users/${users.forwardingRule.id}/authentication/phoneMethods/${ALTERNATE_PHONE_ID}`);
    expect((await get(simulator, path)).body).toMatchObject({
      methodsRegistered: ['microsoftAuthenticatorPush', 'mobilePhone'],
      isMfaRegistered: true,
      userPreferredMethodForSecondaryAuthentication: 'push',
    });
  });

  it('never removes the password: its collections have no DELETE', async () => {
    for (const path of [`passwordMethods/${PASSWORD_METHOD_ID}`, `methods/${PASSWORD_METHOD_ID}`]) {
      const reply = await call(simulator, 'DELETE', `/v1.0/users/${users.healthy.id}/authentication/${path}`);
      expectGraphError(reply, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed');
    }
    expect((await methodsOf(users.healthy.id))[0]?.id).toBe(PASSWORD_METHOD_ID);
  });

  it('answers 403 when the app lacks the permission (a fault rule)', async () => {
    simulator.addFault({ method: 'DELETE', path: '/authentication/', status: 403 });
    expectGraphError(
      await call(simulator, 'DELETE', `/v1.0/users/${users.forwardingRule.id}/authentication/phoneMethods/${ALTERNATE_PHONE_ID}`),
      403,
      'Authorization_RequestDenied',
    );
    expect(ofType(await methodsOf(users.forwardingRule.id), 'phoneAuthenticationMethod')).toHaveLength(2);
  });
});

describe('in a $batch', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const byId = (reply: { body: { responses: any[] } }, id: string): any =>
    reply.body.responses.find((response: { id: string }) => response.id === id);

  it('reads the methods next to the user, and deletes one', async () => {
    const read = await call(simulator, 'POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: 'user', method: 'GET', url: `/users/${users.everything.id}?$select=id,accountEnabled` },
          { id: 'methods', method: 'GET', url: `/users/${users.everything.id}/authentication/methods` },
          { id: 'missing', method: 'GET', url: '/users/nobody@contoso.com/authentication/methods' },
        ],
      },
    });
    expect(byId(read, 'user').status).toBe(200);
    const methods = byId(read, 'methods');
    expect(methods).toMatchObject({ status: 200, headers: { 'Content-Type': expect.stringMatching(/^application\/json;/) } });
    expect(methods.body.value.map((method: WireMethod) => method['@odata.type'])).toEqual([
      '#microsoft.graph.passwordAuthenticationMethod',
      '#microsoft.graph.phoneAuthenticationMethod',
      '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
    ]);
    expect(byId(read, 'missing')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });

    const unknownDevice = (methods.body.value as WireMethod[]).find((method) => method['displayName'] === 'SM-A146B') as WireMethod;
    const removed = await call(simulator, 'POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: 'remove', method: 'DELETE', url: `/users/${users.everything.id}/authentication/microsoftAuthenticatorMethods/${unknownDevice.id}` },
          { id: 'after', method: 'GET', url: `/users/${users.everything.id}/authentication/methods`, dependsOn: ['remove'] },
        ],
      },
    });
    expect(byId(removed, 'remove')).toEqual({ id: 'remove', status: 204, headers: {} });
    expect(byId(removed, 'after').body.value).toHaveLength(3);
  });
});
