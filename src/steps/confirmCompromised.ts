/**
 * Confirm compromised: tells Identity Protection someone else had access; the risk becomes high.
 * Shares its claim with `dismissRisk.ts`.
 * https://learn.microsoft.com/en-us/graph/api/riskyuser-confirmcompromised
 */
import { offeredWhen, outcomeOnly, type WriteStep } from './step';

export const confirmCompromised = {
  id: 'confirmCompromised',
  kind: 'write',
  purpose: 'secure',
  title: 'step.confirmCompromised.title',
  confirm: 'step.confirmCompromised.confirm',
  permission: 'IdentityRiskyUser.ReadWrite.All',
  cloudOnly: false,
  showsSecret: false,
  claimGroup: 'risk',
  // Already confirmed: confirming again changes nothing.
  offers: offeredWhen((finding) => finding.kind === 'userAtRisk' && finding.riskState !== 'confirmedCompromised'),
  execute: async ({ tenant, target }) =>
    outcomeOnly(await tenant.graph('POST', '/identityProtection/riskyUsers/confirmCompromised', { userIds: [target.id] })),
} as const satisfies WriteStep<'confirmCompromised'>;
