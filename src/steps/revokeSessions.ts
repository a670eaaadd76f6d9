/**
 * Revoke sessions: signs the user out of every app and device by invalidating refresh tokens.
 * https://learn.microsoft.com/en-us/graph/api/user-revokesigninsessions
 */
import { offeredWhen, outcomeOnly, userPath, type WriteStep } from './step';

export const revokeSessions = {
  id: 'revokeSessions',
  kind: 'write',
  purpose: 'secure',
  requiredBeforeLifting: true,
  onDemand: true,
  title: 'step.revokeSessions.title',
  confirm: 'step.revokeSessions.confirm',
  permission: 'User.RevokeSessions.All',
  cloudOnly: false,
  showsSecret: false,
  offers: offeredWhen(
    (finding) =>
      finding.kind === 'userAtRisk' ||
      // A password reset closed the risk, but sessions that did not use the password are still open.
      finding.kind === 'sessionsOpenAfterRisk' ||
      finding.kind === 'suspiciousInboxRule' ||
      finding.kind === 'newSignInMethod' ||
      (finding.kind === 'restrictedSender' && !finding.sessionsRevokedSince),
  ),
  execute: async ({ tenant, target }) => outcomeOnly(await tenant.graph('POST', `${userPath(target.id)}/revokeSignInSessions`)),
} as const satisfies WriteStep<'revokeSessions'>;
