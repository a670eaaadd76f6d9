/**
 * Secure the account: on a compromised-looking account, the securing steps it still needs (a new
 * password, the suspicious rules and new sign-in methods removed, every session ended) behind one
 * confirmation, in the order Microsoft's response to a compromised account takes them: the password
 * first, so nothing the attacker still holds works, the sessions last, so they end after the rest.
 * Each part runs as its own step (`operations/runStep.ts`): its own claim, limits and audit record, so
 * the history, the checklist and the at-most-once hold see them as if clicked one by one.
 * https://learn.microsoft.com/en-us/defender-office-365/responding-to-a-compromised-email-account
 */
import { resetPassword } from './resetPassword';
import type { BundledWriteStep } from './step';

export const secureAccount = {
  id: 'secureAccount',
  kind: 'write',
  purpose: 'secure',
  runs: 'openSecuringSteps',
  // Two or more: a single open step is clicked as itself.
  fromOpenSteps: 2,
  // When a part hands over access (a new password), the caller must have been verified; the
  // confirmation asks whenever any part would (`policy.needsVerification`).
  title: 'step.secureAccount.title',
  confirm: 'step.secureAccount.confirm',
  confirmNotes: ['step.secureAccount.note'],
  askUser: 'teamsConfirm.ask.secureAccount',
  permission: 'those of its parts: Reset password, Remove rule, Remove method, Revoke sessions',
  cloudOnly: false,
  // It may include a password reset: its secret is that step's, shown the same way.
  showsSecret: true,
  secret: resetPassword.secret,
  // Offered by `diagnosis/remediationSteps.ts` from the open securing steps, not from findings.
  offers: () => [],
} as const satisfies BundledWriteStep<'secureAccount'>;
