/**
 * The directory service over HTTP against the simulated tenant: the real Graph SDK client, the real
 * Exchange admin client, and the seeded users.
 */
import { isPlainAddress } from '../../src/adapters/graph/userQuery';
import { diagnose } from '../../src/diagnosis/diagnose';
import type { FindingKind } from '../../src/domain/diagnosis';
import type { UserSummary } from '../../src/domain/account';
import { SEEDED } from '../../src/simulator/seeded';
import { startTestTenant, tenantCalls, type TestTenant } from '../support/tenant';

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});

afterAll(async () => {
  await tenant.simulator.stop();
});

beforeEach(() => {
  tenant.simulator.clearFaults();
  tenant.simulator.resetLog();
});

async function findOne(upn: string): Promise<UserSummary> {
  const found = await tenant.directory.findUsers(upn);
  if (found.kind !== 'found' || found.users.length !== 1 || !found.users[0]) {
    throw new Error(`expected exactly one user for ${upn}, got ${JSON.stringify(found)}`);
  }
  return found.users[0];
}

async function findingsOf(upn: string): Promise<FindingKind[]> {
  const read = await tenant.directory.readAccountState(await findOne(upn));
  if (read.kind !== 'ok') {
    throw new Error(`could not read ${upn}: ${JSON.stringify(read)}`);
  }
  return diagnose(read.state).findings.map((finding) => finding.kind);
}

const users = SEEDED.users;

describe('each seeded user shows its finding', () => {
  it.each<[string, string, FindingKind[], FindingKind[]]>([
    ['healthy', users.healthy.upn, ['nothingWrong'], ['signInBlocked', 'userAtRisk']],
    ['sign-in blocked', users.signInBlocked.upn, ['signInBlocked'], ['nothingWrong']],
    ['smart lockout', users.smartLockout.upn, ['smartLockout'], ['nothingWrong']],
    ['failed sign-ins', users.failedSignIns.upn, ['failedSignIns'], ['smartLockout']],
    ['at risk', users.atRisk.upn, ['userAtRisk'], []],
    ['restricted sender', users.restrictedSender.upn, ['restrictedSender'], []],
    ['SSPR not registered', users.ssprNotRegistered.upn, ['ssprNotRegistered'], []],
    ['forwarding rule', users.forwardingRule.upn, ['suspiciousInboxRule'], []],
    ['on-premises password', users.onPremises.upn, ['passwordManagedOnPremises'], []],
    ['global administrator', users.globalAdmin.upn, ['privilegedTarget'], []],
    ['eligible (PIM) global administrator', users.eligibleAdmin.upn, ['privilegedTarget', 'userAtRisk'], ['couldNotCheck']],
    ['everything at once', users.everything.upn, ['signInBlocked', 'userAtRisk', 'suspiciousInboxRule', 'restrictedSender'], []],
  ])('%s (%s)', async (_name, upn, expected, absent) => {
    const kinds = await findingsOf(upn);
    expect(kinds).toEqual(expect.arrayContaining(expected));
    for (const kind of absent) {
      expect(kinds).not.toContain(kind);
    }
  });
});

describe('round trips', () => {
  it('one diagnosis is exactly one $batch and one Exchange call', async () => {
    const user = await findOne(users.everything.upn);
    tenant.simulator.resetLog();
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind).toBe('ok');
    const calls = tenantCalls(tenant.simulator);
    expect(calls.map((call) => `${call.api} ${call.method} ${call.path}`).sort()).toEqual([
      'exchange POST /adminapi/beta/00000000-0000-0000-0000-0000000000001/InvokeCommand',
      'graph POST /v1.0/$batch',
    ]);
    const items = calls.find((call) => call.api === 'graph')?.batchItems ?? [];
    // Ten reads of the account, and three for verifying a caller: manager, a month of sign-ins, namesakes.
    expect(items).toHaveLength(13);
    expect(items.map((item) => decodeURIComponent(item.url))).toContain(
      `/roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '${users.everything.id}'&$select=roleDefinitionId,directoryScopeId,principalId`,
    );
    expect(calls.find((call) => call.api === 'exchange')?.cmdlet).toBe('Get-BlockedSenderAddress');
  });

  it('a check by address from a cold operator is exactly one $batch plus one Exchange call', async () => {
    const cold = await startTestTenant();
    try {
      const result = await cold.directory.findAndRead(users.everything.upn, users.operator.id);
      expect(result.operator).toMatchObject({ kind: 'operator', userPrincipalName: users.operator.upn });
      expect(result.read?.kind).toBe('ok');
      const calls = tenantCalls(cold.simulator);
      expect(calls.map((call) => `${call.api} ${call.method} ${call.path}`).sort()).toEqual([
        'exchange POST /adminapi/beta/00000000-0000-0000-0000-0000000000001/InvokeCommand',
        'graph POST /v1.0/$batch',
      ]);
      const items = calls.find((call) => call.api === 'graph')?.batchItems ?? [];
      // The account's ten reads with the tenant's PIM roster, the operator's two, and the caller
      // verification's manager and month of sign-ins (the display name is not known yet: no namesakes).
      expect(items).toHaveLength(14);
      expect(items.every((item) => item.status < 400)).toBe(true);
      // The operator's answer is cached: the next check by address is the account's batch alone.
      expect(cold.operators.known(users.operator.id)?.kind).toBe('operator');
      cold.simulator.resetLog();
      await cold.directory.findAndRead(users.smartLockout.upn);
      expect(tenantCalls(cold.simulator)).toHaveLength(2);
      // The roster is fresh now, so the batch is the nine reads by UPN and the lookup, and the two verifier reads.
      expect(tenantCalls(cold.simulator).find((call) => call.api === 'graph')?.batchItems).toHaveLength(11);
    } finally {
      await cold.simulator.stop();
    }
  });

  it('by name, a cold operator check rides with the search', async () => {
    const cold = await startTestTenant();
    try {
      const result = await cold.directory.findAndRead('Megan Bowen', users.operator.id);
      expect(result.operator?.kind).toBe('operator');
      expect(result.found.kind === 'found' && result.found.users.map((user) => user.displayName)).toEqual(['Megan Bowen']);
      expect(result.read).toBeUndefined();
      expect(tenantCalls(cold.simulator).map((call) => `${call.method} ${call.path}`)).toEqual(['POST /v1.0/$batch']);
    } finally {
      await cold.simulator.stop();
    }
  });

  it('someone who is not an operator gets no account and no second look', async () => {
    const result = await tenant.directory.findAndRead(users.everything.upn, users.healthy.id);
    expect(result.operator?.kind).toBe('notOperator');
    expect(result.read).toBeUndefined();
    tenant.simulator.resetLog();
    const nobody = await tenant.directory.findAndRead('nobody.here@contoso.com', users.signInBlocked.id);
    expect(nobody.operator?.kind).toBe('notOperator');
    expect(tenantCalls(tenant.simulator).filter((call) => call.api === 'graph')).toHaveLength(1);
  });

  it('a mail address that is not the UPN is found, then read by object id', async () => {
    const user = tenant.simulator.tenant.users.find((candidate) => candidate.id === users.smartLockout.id);
    if (!user) throw new Error('seeded user missing');
    const mail = user.mail;
    user.mail = 'anna.alias@contoso.com';
    try {
      tenant.simulator.resetLog();
      const result = await tenant.directory.findAndRead('anna.alias@contoso.com');
      expect(result.found.kind === 'found' && result.found.users.map((found) => found.id)).toEqual([users.smartLockout.id]);
      expect(result.read).toBeUndefined();
    } finally {
      user.mail = mail;
    }
  });

  // A guest's `#EXT#` UPN is not a plain key: guests are found first, then read by object id.
  const plainAddresses = Object.entries(users).filter(([, person]) => isPlainAddress(person.upn));

  it.each(plainAddresses)('by address, %s reads as by object id', async (_role, person) => {
    const byAddress = await tenant.directory.findAndRead(person.upn);
    expect(byAddress.read?.kind).toBe('ok');
    const byId = await tenant.directory.readAccountState(await findOne(person.upn));
    if (byAddress.read?.kind !== 'ok' || byId.kind !== 'ok') throw new Error('could not read');
    // The namesakes lookup needs the display name, which the read by address learns only in its answer.
    const { checkedAt: _a, sameDisplayName: notByAddress, ...viaAddress } = byAddress.read.state;
    const { checkedAt: _b, sameDisplayName, ...viaId } = byId.state;
    expect(viaAddress).toEqual(viaId);
    expect(notByAddress).toBeUndefined();
    expect(sameDisplayName?.kind).toBe('ok');
  });

  it('a guest is found by address, then read by object id', async () => {
    const found = await tenant.directory.findAndRead(users.guest.upn);
    expect(found.read).toBeUndefined();
    expect(found.found.kind === 'found' && found.found.users.map((user) => user.id)).toEqual([users.guest.id]);
  });

  it('finding a user by address is one Graph call', async () => {
    await findOne(users.smartLockout.upn);
    expect(tenantCalls(tenant.simulator)).toHaveLength(1);
  });
});

describe('finding users', () => {
  it.each([
    ['Bērziņa', ['Anna Bērziņa', 'Marta Bērziņa', 'Inese Berzina']],
    ['Berzina', ['Anna Bērziņa', 'Marta Bērziņa', 'Inese Berzina']],
    ['berzina', ['Anna Bērziņa', 'Marta Bērziņa', 'Inese Berzina']],
    ['Anna Berzina', ['Anna Bērziņa']],
    ['kalnina', ['Līga Kalniņa']],
  ])('"%s" finds %j (with and without Latvian diacritics)', async (query, names) => {
    const found = await tenant.directory.findUsers(query);
    expect(found.kind).toBe('found');
    if (found.kind === 'found') {
      expect(found.users.map((user) => user.displayName).sort()).toEqual([...names].sort());
    }
  });

  it('finds a user by e-mail address, case-insensitively', async () => {
    const found = await tenant.directory.findUsers(users.smartLockout.upn.toUpperCase());
    expect(found.kind === 'found' && found.users.map((user) => user.id)).toEqual([users.smartLockout.id]);
  });

  it('answers no match for an unknown user', async () => {
    expect(await tenant.directory.findUsers('nobody.here@contoso.com')).toEqual({ kind: 'found', users: [], more: false });
  });

  it.each([
    ["' or 1 eq 1", 'search'],
    ["x' or startswith(displayName,'a", 'refused'],
    ["o'brien@contoso.com') or (1 eq 1", 'refused'],
  ])('keeps %j out of the query structure', async (input, expected) => {
    const found = await tenant.directory.findUsers(input);
    if (expected === 'refused') {
      expect(found).toEqual({ kind: 'refused', reason: 'unsupportedCharacters' });
      expect(tenantCalls(tenant.simulator)).toHaveLength(0);
    } else {
      expect(found).toEqual({ kind: 'found', users: [], more: false });
    }
  });

  it("doubles a quote inside an address literal", async () => {
    const found = await tenant.directory.findUsers("o'brien@contoso.com");
    expect(found).toEqual({ kind: 'found', users: [], more: false });
    const [call] = tenantCalls(tenant.simulator);
    expect(decodeURIComponent(call?.query ?? '')).toContain("userPrincipalName eq 'o''brien@contoso.com'");
    expect(call?.status).toBe(200);
  });

  it('refuses 10 kB of input without calling Graph', async () => {
    expect(await tenant.directory.findUsers('a'.repeat(10_000))).toEqual({ kind: 'refused', reason: 'tooLong' });
    expect(tenantCalls(tenant.simulator)).toHaveLength(0);
  });

  it('refuses an empty query without calling Graph', async () => {
    expect(await tenant.directory.findUsers('   ')).toEqual({ kind: 'refused', reason: 'empty' });
    expect(tenantCalls(tenant.simulator)).toHaveLength(0);
  });
});

describe('names as a sentence puts them, and near misses', () => {
  it.each([
    // typed, who is found, whether only as "Did you mean", Graph requests at most
    ['Annai Bērziņai', ['Anna Bērziņa'], false, 1],
    ['Pētera Liepas', ['Pēteris Liepa'], false, 1],
    ['Līgai Kalniņai', ['Līga Kalniņa'], false, 1],
    ['Bērziņai', ['Anna Bērziņa', 'Inese Berzina', 'Marta Bērziņa'], false, 1],
    ['Megan Bowen <meganb@contoso.com>', ['Megan Bowen'], false, 1],
    ['Annai Berzinai', ['Anna Bērziņa'], false, 2], // no diacritics and a case ending: the second look finds the person named
    ['megnb@contoso.com', ['Megan Bowen'], true, 2],
    ['Berzinsh', ['Anna Bērziņa', 'Inese Berzina', 'Marta Bērziņa'], true, 2],
    ['Megan Bowne', ['Megan Bowen'], true, 2],
    ['nobody.here@contoso.com', [], false, 2],
    ["' or 1 eq 1", [], false, 1],
  ] as const)('%j finds %j (only as "did you mean": %s) in at most %i Graph requests', async (typed, expected, approximate, requests) => {
    const found = await tenant.directory.findUsers(typed);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.users.map((user) => user.displayName).sort()).toEqual([...expected].sort());
    expect(found.approximate ?? false).toBe(approximate);
    expect(tenantCalls(tenant.simulator).length).toBeLessThanOrEqual(requests);
  });

  it('a failed second look answers what the first found: nobody', async () => {
    // An address is looked up with $filter; only the second look uses $search.
    tenant.simulator.addFault({ path: /\$search=/, status: 403 });
    expect(await tenant.directory.findUsers('megnb@contoso.com')).toEqual({ kind: 'found', users: [], more: false });
  });
});

describe('faults', () => {
  it('a 403 on sign-ins becomes "could not check" while the rest stands', async () => {
    const user = await findOne(users.everything.upn);
    tenant.simulator.addFault({ path: '/auditLogs/signIns', status: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant' });
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.state.signIns).toMatchObject({ kind: 'unavailable', cause: 'licence', needs: 'Microsoft Entra ID P1 or P2' });
    const diagnosis = diagnose(read.state);
    expect(diagnosis.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'couldNotCheck', check: 'signIns' })]));
    expect(diagnosis.findings.map((finding) => finding.kind)).toEqual(expect.arrayContaining(['signInBlocked', 'userAtRisk']));
  });

  it('a throttled batch item is sent again after Retry-After and then succeeds', async () => {
    const user = await findOne(users.atRisk.upn);
    tenant.simulator.resetLog();
    tenant.simulator.addFault({ path: '/identityProtection/riskyUsers', status: 429, times: 1, retryAfterSeconds: 1 });
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind === 'ok' && read.state.risk.kind).toBe('ok');
    const batches = tenantCalls(tenant.simulator).filter((call) => call.path.endsWith('$batch'));
    expect(batches).toHaveLength(2);
    expect(batches[1]?.batchItems?.map((item) => item.url)).toEqual([expect.stringContaining('/identityProtection/riskyUsers/')]);
  });

  it('a 503 from Exchange marks only the restricted-sender check as unavailable', async () => {
    const user = await findOne(users.restrictedSender.upn);
    tenant.simulator.addFault({ path: '/InvokeCommand', status: 503 });
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.state.restrictedSender).toMatchObject({ kind: 'unavailable', cause: 'outage' });
    expect(read.state.user.id).toBe(user.id);
  });

  it('a whole-request 429 is retried by the SDK honouring Retry-After', async () => {
    tenant.simulator.addFault({ path: '/v1.0/users?', status: 429, times: 1, retryAfterSeconds: 1 });
    const found = await tenant.directory.findUsers(users.healthy.upn);
    expect(found.kind === 'found' && found.users).toHaveLength(1);
  });

  it('Graph out of reach is an outage, not a crash', async () => {
    tenant.simulator.addFault({ path: '/v1.0/users?', status: 503 });
    expect(await tenant.directory.findUsers(users.healthy.upn)).toMatchObject({ kind: 'unavailable', cause: 'outage' });
  });
});

describe('answers real tenants give that the seeded data does not', () => {
  it('roles the app may not read make the roles check "could not check", never "no roles"', async () => {
    const user = await findOne(users.globalAdmin.upn);
    tenant.simulator.addFault({ path: '/transitiveMemberOf/', status: 403, code: 'Authorization_RequestDenied' });
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind === 'ok' && read.state.roles).toMatchObject({ kind: 'unavailable', cause: 'permission', needs: 'RoleManagement.Read.Directory (or Directory.Read.All)' });
  });

  it('an eligible-only Global Administrator is privileged: no steps at all', async () => {
    const read = await tenant.directory.readAccountState(await findOne(users.eligibleAdmin.upn));
    expect(read.kind === 'ok' && read.state.roles).toEqual({ kind: 'ok', value: [] });
    expect(read.kind === 'ok' && read.state.eligibleRoles).toEqual({
      kind: 'ok',
      value: [{ roleTemplateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator' }],
    });
    if (read.kind !== 'ok') return;
    const diagnosis = diagnose(read.state);
    expect(diagnosis.privileged).toBe(true);
    expect(diagnosis.steps).toEqual([]);
    expect(diagnosis.findings.find((finding) => finding.kind === 'privilegedTarget')).toMatchObject({
      roles: ['Global Administrator'],
      eligibleRoles: ['Global Administrator'],
    });
  });

  it('a tenant without PIM (400 AadPremiumLicenseRequired) keeps its write steps', async () => {
    const user = await findOne(users.atRisk.upn);
    tenant.simulator.addFault({
      path: '/roleEligibilityScheduleInstances',
      status: 400,
      code: 'AadPremiumLicenseRequired',
      message: 'The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.',
    });
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind === 'ok' && read.state.eligibleRoles).toMatchObject({
      kind: 'unavailable',
      cause: 'licence',
      needs: 'Microsoft Entra ID P2 or Microsoft Entra ID Governance',
    });
    if (read.kind !== 'ok') return;
    const diagnosis = diagnose(read.state);
    expect(diagnosis.rolesUnknown).toBe(false);
    expect(diagnosis.steps.map((step) => step.id)).toEqual(expect.arrayContaining(['resetPassword', 'dismissRisk']));
  });

  it('eligible roles the app may not read withhold every write step', async () => {
    const user = await findOne(users.atRisk.upn);
    tenant.simulator.addFault({ path: '/roleEligibilityScheduleInstances', status: 403, code: 'UnknownError' });
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind === 'ok' && read.state.eligibleRoles).toMatchObject({
      kind: 'unavailable',
      cause: 'permission',
      needs: 'RoleEligibilitySchedule.Read.Directory (or RoleManagement.Read.Directory)',
    });
    if (read.kind !== 'ok') return;
    const diagnosis = diagnose(read.state);
    expect(diagnosis.rolesUnknown).toBe(true);
    expect(diagnosis.steps.map((step) => step.id)).toEqual(['compromisedChecklist', 'handOver']);
  });

  it('a mailbox that is not set up (404 ResourceNotFound) means no rules to check', async () => {
    const user = await findOne(users.healthy.upn);
    tenant.simulator.addFault({ path: '/messageRules', status: 404, code: 'ResourceNotFound' });
    const read = await tenant.directory.readAccountState(user);
    expect(read.kind === 'ok' && read.state.inboxRules).toEqual({ kind: 'ok', value: null });
  });
});

describe('what an operator verifies a caller with, in the same $batch', () => {
  it('reads callback facts masked, the manager, a month of sign-ins and the namesakes', async () => {
    const read = await tenant.directory.readAccountState(await findOne(users.sharedName.upn));
    if (read.kind !== 'ok') throw new Error('could not read');
    const { user } = read.state;
    expect(user).toMatchObject({ department: 'Finance', jobTitle: 'Accountant', officeLocation: 'Riga, Brīvības iela 12' });
    // Only the last two digits of a phone ever leave the adapter.
    expect(user.mobilePhone).toMatch(/^•••• ••\d\d$/);
    expect(user.businessPhones).toEqual([expect.stringMatching(/^•••• ••\d\d$/)]);
    expect(JSON.stringify(read.state)).not.toMatch(/\+371 ?\d{4}/);
    expect(read.state.manager).toEqual({ kind: 'ok', value: expect.objectContaining({ displayName: users.healthy.displayName, mail: users.healthy.upn }) });
    expect(read.state.earlierSignIns?.kind === 'ok' && read.state.earlierSignIns.value.every((signIn) => signIn.errorCode === 0)).toBe(true);
    expect(read.state.earlierSignIns?.kind === 'ok' && read.state.earlierSignIns.value.length).toBeGreaterThan(3);
    expect(read.state.sameDisplayName?.kind === 'ok' && read.state.sameDisplayName.value.map((other) => other.userPrincipalName).sort()).toEqual(
      [users.sharedName.upn, users.sharedNameTwin.upn].sort(),
    );
  });

  it('a user without a manager reads as none, not as a failure', async () => {
    const read = await tenant.directory.readAccountState(await findOne(users.noMailbox.upn));
    expect(read.kind === 'ok' && read.state.manager).toEqual({ kind: 'ok', value: null });
  });

  it('a failed verifier read is "could not read" for that part alone; the check goes on', async () => {
    tenant.simulator.addFault({ path: '/manager', status: 403 });
    try {
      const read = await tenant.directory.readAccountState(await findOne(users.passwordSpray.upn));
      if (read.kind !== 'ok') throw new Error('could not read');
      expect(read.state.manager).toMatchObject({ kind: 'unavailable', cause: 'permission' });
      expect(read.state.signIns.kind).toBe('ok');
      expect(diagnose(read.state).verification?.manager).toEqual({ kind: 'unavailable', cause: 'permission' });
    } finally {
      tenant.simulator.clearFaults();
    }
  });
});
