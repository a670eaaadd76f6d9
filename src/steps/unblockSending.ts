/**
 * Unblock sending: removes the user from Exchange Online's restricted entities, after Microsoft
 * stopped them sending (outbound spam, a compromise). Takes effect within an hour, rarely up to 24.
 * https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
 */
import { offeredWhen, type WriteStep } from './step';

export const unblockSending = {
  id: 'unblockSending',
  kind: 'write',
  title: 'step.unblockSending.title',
  confirm: 'step.unblockSending.confirm',
  permission: 'Exchange.ManageAsApp (with the Security Administrator role)',
  cloudOnly: false,
  showsSecret: false,
  offers: offeredWhen((finding) => finding.kind === 'restrictedSender'),
  execute: async ({ tenant, target }) => (target.mail ? tenant.unblockSender(target.mail) : { kind: 'failed', cause: 'notFound' }),
} as const satisfies WriteStep<'unblockSending'>;
