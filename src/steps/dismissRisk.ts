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
  cloudOnly: false,
  showsSecret: false,
  claimGroup: 'risk',
  offers: offeredWhen((finding) => finding.kind === 'userAtRisk'),
  execute: async ({ tenant, target }) =>
    outcomeOnly(await tenant.graph('POST', '/identityProtection/riskyUsers/dismiss', { userIds: [target.id] })),
} as const satisfies WriteStep<'dismissRisk'>;
