/**
 * Allow sign-in: turns `accountEnabled` back on for an account an administrator blocked.
 * https://learn.microsoft.com/en-us/graph/api/user-update
 */
import { offeredWhen, outcomeOnly, userPath, type WriteStep } from './step';

export const allowSignIn = {
  id: 'allowSignIn',
  kind: 'write',
  purpose: 'lift',
  verification: 'whenCompromised',
  liftsAfterSecuring: true,
  title: 'step.allowSignIn.title',
  confirm: 'step.allowSignIn.confirm',
  permission: 'User.EnableDisableAccount.All',
  // Re-enabling accounts comes in batches (people back from leave); the same account twice in an hour is odd.
  limits: { name: 'ALLOW_SIGN_IN', perOperator: { max: 10, windowMinutes: 15 }, perTarget: { max: 2, windowMinutes: 60 } },
  askUser: 'teamsConfirm.ask.allowSignIn',
  // An account mastered in AD is enabled there; the cloud refuses the change.
  cloudOnly: true,
  showsSecret: false,
  offers: offeredWhen((finding) => finding.kind === 'signInBlocked'),
  execute: async ({ tenant, target }) => outcomeOnly(await tenant.graph('PATCH', userPath(target.id), { accountEnabled: true })),
} as const satisfies WriteStep<'allowSignIn'>;
