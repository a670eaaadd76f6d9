/** Graph answers as real tenants give them, including the shapes the simulated tenant does not. */
import {
  eligibilityRosterFrom,
  eligibleRolesFrom,
  LimitedInformationError,
  MalformedAnswerError,
  registrationFrom,
  registrationOfFrom,
  rolesFrom,
  signInActivityOfFrom,
  userRiskOfFrom,
} from '../../src/adapters/graph/graphMapping';
import { EligibilityRoster } from '../../src/adapters/graph/eligibilityRoster';
import { parseRetryAfter } from '../../src/adapters/graph/retryAfter';

describe('lists filtered by UPN, as a check by address reads them', () => {
  it('reads the one user\'s item, an empty list as nothing known, and refuses an item about someone else', () => {
    const risky = { id: 'U1', riskLevel: 'high', riskState: 'atRisk' };
    expect(userRiskOfFrom({ value: [risky] }, 'u1')).toMatchObject({ riskLevel: 'high', riskState: 'atRisk' });
    expect(userRiskOfFrom({ value: [] }, 'u1')).toBeNull();
    expect(() => userRiskOfFrom({ value: [{ ...risky, id: 'u2' }] }, 'u1')).toThrow(MalformedAnswerError);
    expect(registrationOfFrom({ value: [] }, 'u1')).toBeNull();
    expect(registrationOfFrom({ value: [{ id: 'u1', isSsprRegistered: true }] }, 'u1')).toMatchObject({ isSsprRegistered: true });
  });

  it('needs the signInActivity item of a user known to exist', () => {
    expect(signInActivityOfFrom({ value: [{ id: 'u1' }] }, 'u1')).toBeNull();
    expect(() => signInActivityOfFrom({ value: [] }, 'u1')).toThrow(MalformedAnswerError);
  });

  it('keeps a PIM roster only when Graph answered it whole', () => {
    const instance = { principalId: 'U1', roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', directoryScopeId: '/' };
    const roster = eligibilityRosterFrom({ value: [instance] });
    expect(roster?.get('u1')?.map((role) => role.roleTemplateId)).toEqual([instance.roleDefinitionId]);
    expect(eligibilityRosterFrom({ value: [instance], '@odata.nextLink': 'https://graph.microsoft.com/next' })).toBeUndefined();
  });

  it('forgets the roster when it is stale', () => {
    let now = 0;
    const roster = new EligibilityRoster(() => now, 300);
    expect(roster.isFresh()).toBe(false);
    roster.remember(new Map([['u1', [{ roleTemplateId: 'r', displayName: 'r' }]]]));
    expect(roster.rolesOf('U1')).toHaveLength(1);
    expect(roster.rolesOf('u2')).toEqual([]);
    now = 300_000;
    expect(roster.rolesOf('u1')).toBeUndefined();
  });
});

describe('Graph answers', () => {
  it('refuses to read roles listed with limited information as "no roles"', () => {
    // An app without RoleManagement.Read.Directory gets each role with only @odata.type and id.
    const limited = { value: [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'a1', displayName: null, roleTemplateId: null }] };
    expect(() => rolesFrom(limited)).toThrow(LimitedInformationError);
    expect(rolesFrom({ value: [] })).toEqual([]);
  });

  it('reads PIM eligibilities as roles, named from the role table or by their id', () => {
    const instance = (roleDefinitionId: string, directoryScopeId = '/') => ({
      id: `${roleDefinitionId}-1-e`,
      principalId: 'u1',
      roleDefinitionId,
      directoryScopeId,
    });
    const body = {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleEligibilityScheduleInstances',
      value: [instance('62E90394-69F5-4237-9190-012177145E10'), instance('0b2a5f4e-custom-role', '/administrativeUnits/au1')],
    };
    expect(eligibleRolesFrom(body)).toEqual([
      { roleTemplateId: '62E90394-69F5-4237-9190-012177145E10', displayName: 'Global Administrator' },
      { roleTemplateId: '0b2a5f4e-custom-role', displayName: '0b2a5f4e-custom-role' },
    ]);
    expect(eligibleRolesFrom({ value: [] })).toEqual([]);
  });

  it('does not read a partial or nameless eligibility list as complete', () => {
    expect(() => eligibleRolesFrom({ value: [], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/next' })).toThrow(MalformedAnswerError);
    expect(() => eligibleRolesFrom({ value: [{ id: 'x', roleDefinitionId: null }] })).toThrow(MalformedAnswerError);
  });

  it('reads registration details bare or wrapped in value', () => {
    const details = { isSsprRegistered: true, isSsprEnabled: true, isSsprCapable: true, isMfaRegistered: true, methodsRegistered: ['mobilePhone'] };
    expect(registrationFrom(details)).toEqual(registrationFrom({ value: details }));
    expect(registrationFrom({ value: details }).isSsprRegistered).toBe(true);
  });

  it('rounds a fractional Retry-After up, as Graph sends them', () => {
    expect(parseRetryAfter('2.128')).toBe(3);
    expect(parseRetryAfter('0.5')).toBe(1);
  });
});
