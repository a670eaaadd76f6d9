/**
 * The remediation catalogue: for each step, what it changes, the least-privileged application
 * permission it needs, and the one call that makes the change. Which findings offer a step is in
 * `steps.ts` (pure, used by the diagnosis); adding a step means an entry in both and its test.
 */
import type { UserSummary } from '../domain/account';
import type { RemediationStep } from '../domain/diagnosis';
import type { RemediationGateway, WriteOutcome } from '../adapters/graph/accountWrites';
import { Secret } from '../domain/secret';
import type { RemediationId } from './registry';

export interface ExecutionResult {
  readonly outcome: WriteOutcome;
  /** Only for a password reset: shown once, to the operator who asked, and nowhere else. */
  readonly temporaryPassword?: Secret;
}

export interface ExecutionContext {
  readonly gateway: RemediationGateway;
  readonly target: UserSummary;
  readonly step: RemediationStep;
  readonly generatePassword: () => string;
}

/** A step that changes the account has `execute`; guidance steps (checklist, hand-over) have none. */
export interface RemediationDefinition {
  /** Least-privileged Graph application permission (or Exchange role) the write needs. */
  readonly permission?: string;
  readonly execute?: (context: ExecutionContext) => Promise<ExecutionResult>;
}

const write = (
  permission: string,
  run: (context: ExecutionContext) => Promise<WriteOutcome>,
): RemediationDefinition => ({
  permission,
  execute: async (context) => ({ outcome: await run(context) }),
});

export const REMEDIATIONS: Readonly<Record<RemediationId, RemediationDefinition>> = {
  allowSignIn: write('User.EnableDisableAccount.All', ({ gateway, target }) => gateway.enableSignIn(target.id)),
  resetPassword: {
    permission: 'User-PasswordProfile.ReadWrite.All (with the User Administrator role)',
    execute: async ({ gateway, target, generatePassword }) => {
      const temporaryPassword = new Secret(generatePassword());
      const outcome = await gateway.resetPassword(target.id, temporaryPassword);
      return outcome.kind === 'done' ? { outcome, temporaryPassword } : { outcome };
    },
  },
  unblockSending: write(
    'Exchange.ManageAsApp (with the Security Administrator role)',
    ({ gateway, target }) =>
      target.mail ? gateway.unblockSending(target.mail) : Promise.resolve({ kind: 'failed', cause: 'notFound' }),
  ),
  removeInboxRule: write('MailboxSettings.ReadWrite', ({ gateway, target, step }) =>
    step.ruleId ? gateway.removeInboxRule(target.id, step.ruleId) : Promise.resolve({ kind: 'failed', cause: 'notFound' }),
  ),
  revokeSessions: write('User.RevokeSessions.All', ({ gateway, target }) => gateway.revokeSessions(target.id)),
  dismissRisk: write('IdentityRiskyUser.ReadWrite.All', ({ gateway, target }) => gateway.dismissRisk(target.id)),
  confirmCompromised: write('IdentityRiskyUser.ReadWrite.All', ({ gateway, target }) =>
    gateway.confirmCompromised(target.id),
  ),
  compromisedChecklist: {},
  handOver: {},
};
