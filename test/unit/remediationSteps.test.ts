/** The pure step table the diagnosis uses agrees with the remediation catalogue that executes steps. */
import { REMEDIATIONS } from '../../src/steps/execution';
import { CHANGES_ACCOUNT, OFFERED_BY, REMEDIATION_IDS } from '../../src/steps/registry';

describe('remediation step table', () => {
  it.each(REMEDIATION_IDS)('%s: changes the account exactly when the catalogue can execute a write', (id) => {
    expect(REMEDIATIONS[id].execute !== undefined).toBe(CHANGES_ACCOUNT[id]);
  });

  it('offers a password reset before unblocking a restricted sender', () => {
    expect(OFFERED_BY.resetPassword).toContain('restrictedSender');
  });
});
