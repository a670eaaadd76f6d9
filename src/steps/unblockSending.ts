/**
 * Unblock sending: removes the user from Exchange Online's restricted entities, after Microsoft
 * stopped them sending (outbound spam, a compromise). Takes effect within an hour, rarely up to 24.
 * https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
 */
import { text } from '../i18n/text';
import { offeredWhen, type WriteStep } from './step';

export const unblockSending = {
  id: 'unblockSending',
  kind: 'write',
  purpose: 'lift',
  verification: 'whenCompromised',
  liftsAfterSecuring: true,
  title: 'step.unblockSending.title',
  confirm: 'step.unblockSending.confirm',
  permission: 'Exchange.ManageAsApp (with the Security Administrator role)',
  // Exchange restricts a sender again when the mailbox keeps sending spam: unblocking the same mailbox a
  // third time in a day means it is still compromised.
  limits: { name: 'UNBLOCK_SENDING', perOperator: { max: 5, windowMinutes: 15 }, perTarget: { max: 2, windowMinutes: 1440 } },
  askUser: 'teamsConfirm.ask.unblockSending',
  cloudOnly: false,
  showsSecret: false,
  doneNote: 'result.doneDelay.unblockSending',
  offers: offeredWhen((finding) => finding.kind === 'restrictedSender'),
  // The Exchange endpoint is undocumented and Microsoft caps unblocks per day: when it fails for any
  // reason but throttling, Defender's Restricted entities page still works.
  failureAdvice: (failure, target) =>
    failure.cause === 'throttled' ? undefined : text('result.failed.unblockInDefender', { address: target.mail ?? target.userPrincipalName }),
  execute: async ({ tenant, target }) => (target.mail ? tenant.unblockSender(target.mail) : { kind: 'failed', cause: 'notFound' }),
} as const satisfies WriteStep<'unblockSending'>;
