/** Graph answers as real tenants give them, including the shapes the simulated tenant does not. */
import { LimitedInformationError, registrationFrom, rolesFrom } from '../../src/directory/graphMapping';
import { parseRetryAfter } from '../../src/graph/retryAfter';

describe('Graph answers', () => {
  it('refuses to read roles listed with limited information as "no roles"', () => {
    // An app without RoleManagement.Read.Directory gets each role with only @odata.type and id.
    const limited = { value: [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'a1', displayName: null, roleTemplateId: null }] };
    expect(() => rolesFrom(limited)).toThrow(LimitedInformationError);
    expect(rolesFrom({ value: [] })).toEqual([]);
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
