/** Graph answers as real tenants give them, including the shapes the simulated tenant does not. */
import {
  eligibleRolesFrom,
  LimitedInformationError,
  MalformedAnswerError,
  registrationFrom,
  rolesFrom,
} from '../../src/adapters/graph/graphMapping';
import { parseRetryAfter } from '../../src/adapters/graph/retryAfter';

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
