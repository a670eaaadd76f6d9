/**
 * Dismiss risk: the user confirmed the risky sign-ins were theirs. One of two answers to the same
 * question (see `confirmCompromised.ts`), so both share one claim: two operators must not give both.
 * https://learn.microsoft.com/en-us/graph/api/riskyuser-dismiss
 */
import { offeredWhen, outcomeOnly, type WriteStep } from './step';

export const dismissRisk = {
  id: 'dismissRisk',
  kind: 'write',
  purpose: 'lift',
  verification: 'always',
  title: 'step.dismissRisk.title',
  confirm: 'step.dismissRisk.confirm',
  permission: 'IdentityRiskyUser.ReadWrite.All',
  // A phishing wave flags many users at once, so more per operator; the same user twice in an hour means
  // the risk came back, which is a reason to look, not to dismiss again.
  limits: { name: 'DISMISS_RISK', perOperator: { max: 10, windowMinutes: 15 }, perTarget: { max: 2, windowMinutes: 60 } },
  askUser: 'teamsConfirm.ask.dismissRisk',
  cloudOnly: false,
  showsSecret: false,
  claimGroup: 'risk',
  offers: offeredWhen((finding) => finding.kind === 'userAtRisk'),
  execute: async ({ tenant, target }) =>
    outcomeOnly(await tenant.graph('POST', '/identityProtection/riskyUsers/dismiss', { userIds: [target.id] })),
} as const satisfies WriteStep<'dismissRisk'>;
