/**
 * Remove rule: deletes one suspicious inbox rule (forwarding out of the organisation, deleting or
 * hiding mail), offered once per rule the diagnosis flags.
 * https://learn.microsoft.com/en-us/graph/api/messagerule-delete
 */
import { outcomeOnly, userPath, type WriteStep } from './step';

export const removeInboxRule = {
  id: 'removeInboxRule',
  kind: 'write',
  purpose: 'secure',
  title: 'step.removeInboxRule.title',
  confirm: 'step.removeInboxRule.confirm',
  permission: 'MailboxSettings.ReadWrite',
  cloudOnly: false,
  showsSecret: false,
  offers: (findings) =>
    findings.flatMap((finding) => (finding.kind === 'suspiciousInboxRule' ? [{ itemId: finding.ruleId, itemName: finding.ruleName }] : [])),
  execute: async ({ tenant, target, step }) =>
    step.itemId
      ? outcomeOnly(await tenant.graph('DELETE', `${userPath(target.id)}/mailFolders/inbox/messageRules/${encodeURIComponent(step.itemId)}`))
      : { kind: 'failed', cause: 'notFound' },
} as const satisfies WriteStep<'removeInboxRule'>;
