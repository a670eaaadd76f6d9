/**
 * Which inbox rules look like an attacker's: after taking over a mailbox, attackers forward or redirect
 * mail out, or delete / hide replies so the owner does not notice. Only enabled rules count.
 * Actions per https://learn.microsoft.com/en-us/graph/api/resources/messageruleactions
 */
import { itemLabel } from '../i18n/itemName';
import type { InboxRule, MailRecipient } from '../domain/account';
import { text, type Text } from '../i18n/text';
import type { InboxRuleBehaviour, SuspiciousInboxRuleFinding } from '../domain/diagnosis';

export function suspiciousBehaviours(rule: InboxRule): InboxRuleBehaviour[] {
  if (!rule.isEnabled) return [];
  const behaviours: InboxRuleBehaviour[] = [];
  if (rule.forwardTo.length > 0) behaviours.push('forward');
  if (rule.forwardAsAttachmentTo.length > 0) behaviours.push('forwardAsAttachment');
  if (rule.redirectTo.length > 0) behaviours.push('redirect');
  if (rule.delete) behaviours.push('delete');
  if (rule.permanentDelete) behaviours.push('permanentDelete');
  // Moving alone is ordinary filing; moving *and* marking read hides mail from the owner.
  if (rule.moveToFolder !== undefined && rule.markAsRead) behaviours.push('moveAndMarkRead');
  return behaviours;
}

/**
 * The mail domains that are the user's own (from their sign-in name and address). Graph gives us no
 * list of the tenant's accepted domains here, so a recipient in another domain of the same
 * organisation also counts as outside: the text says "outside the user's own domain", not "external".
 */
export function ownDomains(addresses: readonly (string | undefined)[]): Set<string> {
  const domains = new Set<string>();
  for (const address of addresses) {
    const domain = domainOf(address);
    if (domain !== undefined) domains.add(domain);
  }
  return domains;
}

export function suspiciousInboxRuleFindings(
  rules: readonly InboxRule[],
  userDomains: ReadonlySet<string>,
): SuspiciousInboxRuleFinding[] {
  const findings: SuspiciousInboxRuleFinding[] = [];
  for (const rule of rules) {
    const behaviours = suspiciousBehaviours(rule);
    if (behaviours.length === 0) continue;
    const recipients = unique([...rule.forwardTo, ...rule.forwardAsAttachmentTo, ...rule.redirectTo]);
    const outside = recipients.filter((address) => {
      const domain = domainOf(address);
      return domain !== undefined && !userDomains.has(domain);
    });
    const details: Text[] = behaviours.map((behaviour) => behaviourText(behaviour, rule));
    if (outside.length > 0) details.push(text('finding.suspiciousInboxRule.outside', { recipients: outside.join(', ') }));
    details.push(text('finding.suspiciousInboxRule.advice'));
    findings.push({
      kind: 'suspiciousInboxRule',
      severity: 'warning',
      title: text('finding.suspiciousInboxRule.title', { rule: itemLabel(rule.displayName) }),
      details,
      ruleId: rule.id,
      ruleName: rule.displayName,
      behaviours,
      recipients,
    });
  }
  return findings;
}

function behaviourText(behaviour: InboxRuleBehaviour, rule: InboxRule): Text {
  switch (behaviour) {
    case 'forward':
      return text('finding.suspiciousInboxRule.forward', { recipients: unique(rule.forwardTo).join(', ') });
    case 'forwardAsAttachment':
      return text('finding.suspiciousInboxRule.forwardAsAttachment', {
        recipients: unique(rule.forwardAsAttachmentTo).join(', '),
      });
    case 'redirect':
      return text('finding.suspiciousInboxRule.redirect', { recipients: unique(rule.redirectTo).join(', ') });
    case 'delete':
      return text('finding.suspiciousInboxRule.delete');
    case 'permanentDelete':
      return text('finding.suspiciousInboxRule.permanentDelete');
    case 'moveAndMarkRead':
      return text('finding.suspiciousInboxRule.moveAndMarkRead');
  }
}

function unique(recipients: readonly MailRecipient[]): string[] {
  return [...new Set(recipients.map((r) => r.address))];
}

function domainOf(address: string | undefined): string | undefined {
  const at = address?.lastIndexOf('@') ?? -1;
  return address !== undefined && at >= 0 ? address.slice(at + 1).toLowerCase() : undefined;
}
