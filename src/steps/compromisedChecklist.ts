/**
 * The compromised-account checklist: what this account showed (which rule sends mail where, which
 * sign-in method is new, the risk, the sending block) and, in order, what is still to do and what is
 * already done (from the audit trail: who did it and when). Changes nothing.
 * https://learn.microsoft.com/en-us/defender-office-365/responding-to-a-compromised-email-account
 */
import type { SignInEvent } from '../domain/account';
import type { AuditRecord } from '../domain/audit';
import type { Finding, RemediationStep } from '../domain/diagnosis';
import { itemLabel } from '../i18n/itemName';
import { text, type Text } from '../i18n/text';
import { offeredWhen, type GuidanceContext, type GuidanceStep } from './step';

/** The securing steps, in the order the checklist asks for them. */
const SECURING_ORDER = ['resetPassword', 'revokeSessions', 'removeInboxRule', 'removeSignInMethod'];
/** Places named for the sign-ins at most; the sign-in log has the rest. */
const PLACES_NAMED = 5;

export const compromisedChecklist = {
  id: 'compromisedChecklist',
  kind: 'guidance',
  title: 'step.compromisedChecklist.title',
  confirm: 'step.compromisedChecklist.confirm',
  needsHistory: true,
  offers: offeredWhen(
    (finding) => finding.kind === 'userAtRisk' || finding.kind === 'suspiciousInboxRule' || finding.kind === 'restrictedSender',
  ),
  guidance: (context) => ({
    heading: text('guidance.checklist.heading', { name: context.target.displayName }),
    paragraphs: [...foundLines(context.diagnosis.findings), text('guidance.checklist.steps'), ...stepLines(context), text('guidance.checklist.more')],
  }),
} as const satisfies GuidanceStep<'compromisedChecklist'>;

/** The signs of a takeover this account shows, with where a rule sends mail. */
function foundLines(findings: readonly Finding[]): Text[] {
  const signs = findings.flatMap((finding): Text[] => {
    switch (finding.kind) {
      case 'userAtRisk':
      case 'restrictedSender':
      case 'newSignInMethod':
      case 'sessionsOpenAfterRisk':
        return [text('guidance.checklist.finding', { finding: finding.title })];
      case 'suspiciousInboxRule':
        return finding.recipients.length > 0
          ? [text('guidance.checklist.sends', { rule: itemLabel(finding.ruleName), recipients: finding.recipients.join(', ') })]
          : [text('guidance.checklist.finding', { finding: finding.title })];
      default:
        return [];
    }
  });
  return signs.length > 0 ? [text('guidance.checklist.found'), ...signs] : [];
}

function stepLines(context: GuidanceContext): Text[] {
  const { diagnosis, stepName, history, target } = context;
  const done = history?.kind === 'read' ? history.records.filter((record) => record.outcome.kind === 'succeeded') : [];
  const lastDone = (step: Pick<RemediationStep, 'id' | 'itemId'>): AuditRecord | undefined =>
    done.find((record) => record.step === step.id && (step.itemId === undefined || record.itemId === step.itemId));
  const doneLine = (record: AuditRecord, step: Pick<RemediationStep, 'id' | 'itemName'>): Text =>
    text('guidance.checklist.done', { step: stepName(step), actor: record.actor.name ?? record.actor.userPrincipalName ?? record.actor.aadObjectId, time: record.at });
  const lines: Text[] = [];
  for (const id of SECURING_ORDER) {
    const open = diagnosis.steps.filter((step) => step.id === id && (step.primary === true || diagnosis.stillOpen.some((still) => still.id === id)));
    for (const step of open) {
      // Done already, though a finding still calls for it (revoking sessions does not clear a risk).
      const record = lastDone(step);
      if (record) {
        lines.push(doneLine(record, step));
        continue;
      }
      const method = step.id === 'removeSignInMethod' ? diagnosis.findings.find((finding) => finding.kind === 'newSignInMethod' && step.itemName === (finding.label || finding.methodType)) : undefined;
      lines.push(method?.kind === 'newSignInMethod' ? text('guidance.checklist.todoMethod', { step: stepName(step), at: method.addedAt }) : text('guidance.checklist.todo', { step: stepName(step) }));
    }
    // Done and no longer called for: say by whom and when (a removed rule is gone from the findings).
    if (open.length === 0) {
      const record = lastDone({ id });
      if (record) lines.push(doneLine(record, { id }));
    }
  }
  lines.push(signInLine(context.state.signIns.kind === 'ok' ? context.state.signIns.value : []));
  lines.push(text('guidance.checklist.mailbox'));
  const restricted = diagnosis.findings.find((finding) => finding.kind === 'restrictedSender');
  if (restricted?.kind === 'restrictedSender') {
    lines.push(text('guidance.checklist.unblockLast', { step: stepName({ id: 'unblockSending' }), since: restricted.since ?? '—' }));
  } else {
    const unblocked = lastDone({ id: 'unblockSending' });
    if (unblocked) lines.push(doneLine(unblocked, { id: 'unblockSending' }));
  }
  if (diagnosis.findings.some((finding) => finding.kind === 'userAtRisk')) {
    lines.push(text('guidance.checklist.risk', { confirm: stepName({ id: 'confirmCompromised' }), dismiss: stepName({ id: 'dismissRisk' }) }));
  }
  if (history?.kind === 'unavailable') lines.push(text('guidance.checklist.historyUnavailable', { upn: target.userPrincipalName }));
  return lines;
}

/** The sign-ins read (the last 24 hours): how many, and from where. */
function signInLine(signIns: readonly SignInEvent[]): Text {
  const places = [...new Set(signIns.map((event) => [event.city, event.countryOrRegion].filter(Boolean).join(', ')).filter((place) => place !== ''))];
  if (signIns.length === 0 || places.length === 0) return text('guidance.checklist.signInsNone');
  const named = places.slice(0, PLACES_NAMED).join('; ') + (places.length > PLACES_NAMED ? '; …' : '');
  return text('guidance.checklist.signIns', { total: signIns.length, places: named });
}
