/**
 * Reset password: a generated temporary password the user must change at next sign-in, shown once
 * to the operator who asked, in their 1:1 chat, and nowhere else. An admin reset also remediates
 * user risk in Entra ID Protection.
 * https://learn.microsoft.com/en-us/graph/api/user-update (passwordProfile)
 * https://learn.microsoft.com/en-us/entra/id-protection/howto-identity-protection-remediate-unblock
 */
import { PASSWORD_FAILURES } from '../domain/diagnosis';
import { Secret } from '../domain/secret';
import { outcomeOnly, userPath, type WriteStep } from './step';

export const resetPassword = {
  id: 'resetPassword',
  kind: 'write',
  purpose: 'secure',
  verification: 'always',
  requiredBeforeLifting: true,
  onDemand: true,
  title: 'step.resetPassword.title',
  confirm: 'step.resetPassword.confirm',
  confirmNotes: ['card.confirm.passwordNote'],
  permission: 'User-PasswordProfile.ReadWrite.All (with the User Administrator role)',
  // The issue's own figures: a helpdesk rarely resets more than a few passwords in a quarter of an hour,
  // and a person whose password is reset a third time within the hour is more likely an impostor's target.
  limits: { name: 'RESET_PASSWORD', perOperator: { max: 5, windowMinutes: 15 }, perTarget: { max: 2, windowMinutes: 60 } },
  askUser: 'teamsConfirm.ask.resetPassword',
  // The password of a synced account is set in AD; a cloud reset is refused or not written back.
  cloudOnly: true,
  showsSecret: true,
  secret: {
    heading: 'card.password.heading',
    instructions: 'card.password.instructions',
    hiddenHeading: 'card.password.hiddenHeading',
    hidden: 'card.password.hidden',
    done: 'result.donePassword',
  },
  offers: (findings) =>
    findings.some(
      (finding) =>
        finding.kind === 'smartLockout' ||
        finding.kind === 'userAtRisk' ||
        // Signs that someone else controls the account: whoever made the rule or added the method
        // signed in with the password, and removing them does not lock that person out. Microsoft's
        // steps for a compromised mailbox reset the password first:
        // https://learn.microsoft.com/en-us/defender-office-365/responding-to-a-compromised-email-account
        finding.kind === 'suspiciousInboxRule' ||
        finding.kind === 'newSignInMethod' ||
        // Defender's unblock flow asks to regain control of the account (new password, MFA) first:
        // https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
        (finding.kind === 'restrictedSender' && !finding.passwordChangedSince) ||
        // Only when the password is the problem: not for a malicious-IP block, MFA, or an access policy.
        (finding.kind === 'failedSignIns' && finding.causes.some((cause) => PASSWORD_FAILURES.has(cause.category))),
    )
      ? [{}]
      : [],
  execute: async ({ tenant, target, generatePassword }) => {
    const password = new Secret(generatePassword());
    const answer = outcomeOnly(
      await tenant.graph('PATCH', userPath(target.id), {
        // Changed at next sign-in, so the temporary password is used once.
        passwordProfile: { password: password.reveal(), forceChangePasswordNextSignIn: true },
      }),
    );
    return answer.kind === 'done' ? { kind: 'secret', secret: password, details: [], ...(answer.requestId ? { requestId: answer.requestId } : {}) } : answer;
  },
} as const satisfies WriteStep<'resetPassword'>;
