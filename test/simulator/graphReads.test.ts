import { ROLE, SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, EVENTUAL, expectGraphError, fixedClock, get, NOW, q } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

describe('authentication and envelopes', () => {
  it('refuses a request without a bearer token like Graph, echoing client-request-id', async () => {
    const reply = await call(simulator, 'GET', `/v1.0/users/${users.healthy.id}`, {
      auth: false,
      headers: { 'client-request-id': 'my-correlation' },
    });
    expectGraphError(reply, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    expect(reply.headers.get('client-request-id')).toBe('my-correlation');
    expect(reply.body.error.innerError['client-request-id']).toBe('my-correlation');
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('answers JSON with Graph content type and a request-id', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.healthy.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    );
    expect(reply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves /beta as well as /v1.0', async () => {
    const reply = await get(simulator, `/beta/users/${users.healthy.id}?$select=displayName`);
    expect(reply.body.displayName).toBe('Jānis Ozols');
    expect(reply.body['@odata.context']).toBe(`${simulator.url}/beta/$metadata#users(displayName)/$entity`);
  });

  it.each([
    ['/v1.0/users/x/nonsense', 'nonsense'],
    ['/v1.0/v1.0/users', 'v1.0'], // the JS SDK batch trap: a version inside the path
    ['/v1.0/groupz', 'groupz'],
  ])('names the unknown segment of %s', async (path, segment) => {
    expectGraphError(await get(simulator, path), 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  });
});

describe('GET /users/{id | userPrincipalName}', () => {
  it('returns only the selected properties plus id', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.signInBlocked.upn}?$select=displayName,accountEnabled`);
    expect(reply.body).toEqual({
      '@odata.context': `${simulator.url}/v1.0/$metadata#users(displayName,accountEnabled)/$entity`,
      id: users.signInBlocked.id,
      displayName: 'Līga Kalniņa',
      accountEnabled: false,
    });
  });

  it('returns the v1.0 default properties without $select', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.healthy.id}`);
    expect(Object.keys(reply.body).sort()).toEqual(
      [
        '@odata.context',
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
  });

  it('serves the account fields the diagnosis reads', async () => {
    const select = 'id,onPremisesSyncEnabled,lastPasswordChangeDateTime,passwordPolicies,userType,signInActivity';
    const reply = await get(simulator, `/v1.0/users/${users.onPremises.id}?$select=${select}`);
    expect(reply.body).toMatchObject({
      onPremisesSyncEnabled: true,
      passwordPolicies: 'DisablePasswordExpiration',
      userType: 'Member',
      signInActivity: {
        lastSignInDateTime: expect.any(String),
        lastNonInteractiveSignInDateTime: expect.any(String),
        lastSuccessfulSignInDateTime: expect.any(String),
      },
    });
  });

  it('refuses signInActivity by UPN, as Graph does', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.healthy.upn}?$select=id,signInActivity`);
    expectGraphError(reply, 400, 'BadRequest', 'Get By Key only supports UserId');
  });

  it('answers 404 Request_ResourceNotFound for an unknown user', async () => {
    const reply = await get(simulator, '/v1.0/users/nobody@contoso.com');
    expectGraphError(
      reply,
      404,
      'Request_ResourceNotFound',
      "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
    );
  });

  it('refuses an unknown property in $select', async () => {
    expectGraphError(await get(simulator, `/v1.0/users/${users.healthy.id}?$select=nope`), 400, 'BadRequest');
  });
});

describe('GET /users with $filter', () => {
  const names = (reply: { body: { value: { displayName: string }[] } }): string[] =>
    reply.body.value.map((user) => user.displayName);

  it('matches userPrincipalName eq, ignoring case', async () => {
    const reply = await get(simulator, `/v1.0/users?$filter=${q("userPrincipalName eq 'ANNA.BERZINA@contoso.com'")}`);
    expect(names(reply)).toEqual(['Anna Bērziņa']);
  });

  it("reads '' inside a string literal as one quote", async () => {
    const reply = await get(simulator, `/v1.0/users?$filter=${q("startswith(displayName,'Patrick O''B')")}`);
    expect(names(reply)).toEqual(["Patrick O'Brien"]);
  });

  it('combines startswith clauses with or', async () => {
    const filter = "startswith(displayName,'Bērz') or startswith(userPrincipalName,'marta.') or startswith(mail,'inese')";
    const reply = await get(simulator, `/v1.0/users?$filter=${q(filter)}&$select=displayName`);
    expect(names(reply).sort()).toEqual(['Inese Berzina', 'Marta Bērziņa']);
  });

  it.each([
    ["startswith(displayName,'O'Brien')"], // an unescaped quote
    ["displayName eq 'x' or"],
    ["startswith(displayName,'x'"],
  ])('answers 400 BadRequest for the malformed filter %s', async (filter) => {
    expectGraphError(await get(simulator, `/v1.0/users?$filter=${q(filter)}`), 400, 'BadRequest', 'Invalid filter clause');
  });

  it('refuses a filter Graph does not support on users', async () => {
    const reply = await get(simulator, `/v1.0/users?$filter=${q("jobTitle eq 'Helpdesk'")}`);
    expectGraphError(reply, 400, 'Request_UnsupportedQuery', "property 'jobTitle' of resource 'User'");
  });
});

describe('GET /users with $search', () => {
  const search = (text: string, headers: Record<string, string> = EVENTUAL): ReturnType<typeof get> =>
    get(simulator, `/v1.0/users?$search=${q(text)}&$select=displayName`, headers);

  it('needs ConsistencyLevel: eventual', async () => {
    const reply = await search('"displayName:anna"', {});
    expectGraphError(reply, 400, 'Request_UnsupportedQuery', "special request header: 'ConsistencyLevel: eventual'");
  });

  it('matches word prefixes, ignoring case but not diacritics', async () => {
    const withDiacritics = await search('"displayName:bērziņa"');
    expect(withDiacritics.body.value.map((user: { displayName: string }) => user.displayName).sort()).toEqual([
      'Anna Bērziņa',
      'Marta Bērziņa',
    ]);
    const ascii = await search('"displayName:berz"');
    expect(ascii.body.value.map((user: { displayName: string }) => user.displayName)).toEqual(['Inese Berzina']);
  });

  it('joins clauses with OR, and matches addresses as a prefix of the whole value, not by word', async () => {
    const reply = await search('"displayName:kalns" OR "userPrincipalName:anna.berz"');
    expect(reply.body.value.map((user: { displayName: string }) => user.displayName).sort()).toEqual(['Anna Bērziņa', 'Oskars Kalns']);
    const byWord = await search('"userPrincipalName:berzina"');
    expect(byWord.body.value).toEqual([]);
  });
});

describe('paging', () => {
  it('follows @odata.nextLink until every user is read', async () => {
    const seen: string[] = [];
    let next: string | undefined = `/v1.0/users?$select=id&$top=5&$count=true`;
    let count: number | undefined;
    while (next !== undefined) {
      const reply = await get(simulator, next, EVENTUAL);
      expect(reply.status).toBe(200);
      count ??= reply.body['@odata.count'];
      seen.push(...reply.body.value.map((user: { id: string }) => user.id));
      const link: string | undefined = reply.body['@odata.nextLink'];
      if (link !== undefined) expect(link.startsWith(`${simulator.url}/v1.0/users?`)).toBe(true);
      next = link?.slice(simulator.url.length);
    }
    expect(seen).toHaveLength(simulator.tenant.users.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(count).toBe(simulator.tenant.users.length);
  });

  it('refuses $top outside 1..999', async () => {
    expectGraphError(await get(simulator, '/v1.0/users?$top=1000'), 400, 'Request_BadRequest', 'Invalid page size');
  });

  it('refuses $count without ConsistencyLevel', async () => {
    expectGraphError(await get(simulator, '/v1.0/users?$count=true'), 400, 'Request_BadRequest');
  });
});

describe('the other reads of a diagnosis', () => {
  it('lists recent sign-ins newest first, filtered by user and time', async () => {
    const since = new Date(NOW.getTime() - 30 * 60_000).toISOString();
    const filter = `userId eq '${users.smartLockout.id}' and createdDateTime ge ${since}`;
    const reply = await get(simulator, `/v1.0/auditLogs/signIns?$filter=${q(filter)}&$top=50`);
    const codes = reply.body.value.map((signIn: { status: { errorCode: number } }) => signIn.status.errorCode);
    expect(codes).toEqual([50053, 50053, 50053, 50053, 50053, ...Array<number>(12).fill(50126)]);
    const newest = reply.body.value[0];
    expect(newest).toMatchObject({
      userId: users.smartLockout.id,
      userPrincipalName: users.smartLockout.upn,
      createdDateTime: new Date(NOW.getTime() - 2 * 60_000).toISOString(),
      status: {
        failureReason:
          'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
      },
      location: { city: 'Riga', countryOrRegion: 'LV' },
    });
    expect(Object.keys(newest)).toEqual(
      expect.arrayContaining(['appDisplayName', 'ipAddress', 'clientAppUsed', 'conditionalAccessStatus', 'riskLevelDuringSignIn', 'riskState']),
    );
  });

  it('refuses a quoted date-time, a classic client bug', async () => {
    const filter = `createdDateTime ge '${NOW.toISOString()}'`;
    expectGraphError(await get(simulator, `/v1.0/auditLogs/signIns?$filter=${q(filter)}`), 400, 'BadRequest', 'incompatible types');
  });

  it('reads a risky user, and 404 for a user never flagged', async () => {
    const risky = await get(simulator, `/v1.0/identityProtection/riskyUsers/${users.atRisk.id}`);
    expect(risky.body).toMatchObject({ id: users.atRisk.id, riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none' });
    expectGraphError(await get(simulator, `/v1.0/identityProtection/riskyUsers/${users.healthy.id}`), 404, 'ResourceNotFound');
  });

  it('reads registration details', async () => {
    const reply = await get(simulator, `/v1.0/reports/authenticationMethods/userRegistrationDetails/${users.ssprNotRegistered.id}`);
    expect(reply.body).toMatchObject({
      isSsprRegistered: false,
      isSsprEnabled: true,
      isSsprCapable: false,
      isMfaRegistered: false,
      methodsRegistered: [],
    });
  });

  it('lists risky users filtered by UPN: the flagged one, an empty list for one never flagged', async () => {
    const byUpn = (upn: string) => get(simulator, `/v1.0/identityProtection/riskyUsers?$filter=${q(`userPrincipalName eq '${upn.toUpperCase()}'`)}`);
    const risky = await byUpn(users.atRisk.upn);
    expect(risky.status).toBe(200);
    expect(risky.body.value).toEqual([expect.objectContaining({ id: users.atRisk.id, riskLevel: 'high', riskState: 'atRisk' })]);
    expect((await byUpn(users.healthy.upn)).body.value).toEqual([]);
    const bad = await get(simulator, `/v1.0/identityProtection/riskyUsers?$filter=${q("riskDetail eq 'none'")}`);
    expectGraphError(bad, 400, 'Request_UnsupportedQuery');
  });

  it('lists registration details filtered by UPN', async () => {
    const filter = q(`userPrincipalName eq '${users.ssprNotRegistered.upn}'`);
    const reply = await get(simulator, `/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=${filter}`);
    expect(reply.body['@odata.context']).toBe(`${simulator.url}/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails`);
    expect(reply.body.value).toEqual([expect.objectContaining({ id: users.ssprNotRegistered.id, isSsprRegistered: false, methodsRegistered: [] })]);
    const none = await get(simulator, `/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=${q("userPrincipalName eq 'nobody@contoso.com'")}`);
    expect(none.body.value).toEqual([]);
  });

  it('serves signInActivity in the list form filtered by UPN, which the key form refuses', async () => {
    const filter = q(`userPrincipalName eq '${users.smartLockout.upn}'`);
    const list = await get(simulator, `/v1.0/users?$filter=${filter}&$select=id,signInActivity`);
    expect(list.body.value).toEqual([{ id: users.smartLockout.id, signInActivity: expect.any(Object) }]);
    expect((await get(simulator, `/v1.0/users/${users.smartLockout.upn}?$select=id,signInActivity`)).status).toBe(400);
  });

  it('lists directory roles with the cast, which needs ConsistencyLevel with $count', async () => {
    const path = `/v1.0/users/${users.globalAdmin.id}/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId&$count=true`;
    const reply = await get(simulator, path, EVENTUAL);
    expect(reply.body.value).toEqual([
      {
        '@odata.type': '#microsoft.graph.directoryRole',
        id: expect.any(String),
        displayName: 'Global Administrator',
        roleTemplateId: ROLE.globalAdministrator.templateId,
      },
    ]);
    expect(reply.body['@odata.count']).toBe(1);
    expectGraphError(await get(simulator, path), 400, 'Request_BadRequest');
  });

  it('lists PIM role eligibilities, filtered by principal, in Graph\'s shape', async () => {
    const filter = `principalId eq '${users.eligibleAdmin.id}'`;
    const path = `/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$filter=${q(filter)}`;
    const reply = await get(simulator, path);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      '@odata.context': `${simulator.url}/v1.0/$metadata#roleManagement/directory/roleEligibilityScheduleInstances`,
      value: [
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          principalId: users.eligibleAdmin.id,
          roleDefinitionId: ROLE.globalAdministrator.templateId,
          directoryScopeId: '/',
          appScopeId: null,
          startDateTime: expect.any(String),
          endDateTime: null,
          memberType: 'Direct',
          roleEligibilityScheduleId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        },
      ],
    });

    const selected = await get(simulator, `${path}&$select=roleDefinitionId,directoryScopeId,principalId`);
    expect(selected.body['@odata.context']).toMatch(/roleEligibilityScheduleInstances\(roleDefinitionId,directoryScopeId,principalId\)$/);
    expect(Object.keys(selected.body.value[0]).sort()).toEqual(['directoryScopeId', 'id', 'principalId', 'roleDefinitionId']);

    // A user with an active role only, and one with no role at all, are eligible for nothing.
    for (const user of [users.globalAdmin, users.healthy]) {
      const none = await get(simulator, `/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$filter=${q(`principalId eq '${user.id}'`)}`);
      expect(none.body.value).toEqual([]);
    }
    expectGraphError(
      await get(simulator, `/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$filter=${q("startswith(principalId,'a')")}`),
      400,
      'Request_UnsupportedQuery',
    );
  });

  it('lists inbox rules with their actions', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.forwardingRule.id}/mailFolders/inbox/messageRules`);
    expect(reply.body.value[0]).toMatchObject({
      displayName: '.',
      isEnabled: true,
      actions: {
        forwardTo: [{ emailAddress: { address: 'lee.gu.mailbox@freemail.example' } }],
        markAsRead: true,
      },
    });
    expect(reply.body.value[1]).toMatchObject({ displayName: 'Newsletters', actions: { moveToFolder: expect.any(String) } });
  });

  it('answers MailboxNotEnabledForRESTAPI for a user without a mailbox', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.noMailbox.id}/mailFolders/inbox/messageRules`);
    expectGraphError(reply, 404, 'MailboxNotEnabledForRESTAPI');
  });

  it('checks group membership', async () => {
    const groupIds = [SEEDED.helpdeskGroup.id, '11111111-1111-4111-8111-111111111111'];
    const operator = await call(simulator, 'POST', `/v1.0/users/${users.operator.id}/checkMemberGroups`, { body: { groupIds } });
    expect(operator.body.value).toEqual([SEEDED.helpdeskGroup.id]);
    const healthy = await call(simulator, 'POST', `/v1.0/users/${users.healthy.id}/checkMemberGroups`, { body: { groupIds } });
    expect(healthy.body.value).toEqual([]);
    const tooMany = Array.from({ length: 21 }, () => SEEDED.helpdeskGroup.id);
    const refused = await call(simulator, 'POST', `/v1.0/users/${users.operator.id}/checkMemberGroups`, { body: { groupIds: tooMany } });
    expectGraphError(refused, 400, 'Request_BadRequest');
  });
});
