/**
 * Hand over to support: one card of plain lines to paste into a Microsoft support request or the
 * helpdesk ticket. Who (name, UPN, object id); what the checks found, with the codes, times,
 * places and request ids the findings hold; every step Unlock already took on the account and how
 * it ended (from the audit trail, one line per action); and what is still open. Always offered, last.
 */
import type { AccountState, SignInEvent } from '../domain/account';
import type { AuditRecord } from '../domain/audit';
import { oneEntryPerAction } from '../domain/auditActions';
import type { Finding, InboxRuleBehaviour, Severity } from '../domain/diagnosis';
import type { MessageKey } from '../i18n/catalogue';
import { text, type Text, type TextParam } from '../i18n/text';
import type { GuidanceContext, GuidanceHistory, GuidanceStep } from './step';
import { withVerification } from './auditVerification';

/** Sign-ins listed one by one; the rest are counted, and the sign-in log has them all. */
const SIGN_INS_LISTED = 10;
/** Earlier actions listed; `history` pages through the rest. */
const ACTIONS_LISTED = 20;

export const handOver = {
  id: 'handOver',
  kind: 'guidance',
  title: 'step.handOver.title',
  confirm: 'step.handOver.confirm',
  secondary: true,
  needsHistory: true,
  offers: () => [{}],
  guidance: (context) => ({
    heading: text('guidance.handOver.heading', { name: context.target.displayName, upn: context.target.userPrincipalName }),
    paragraphs: [
      text('guidance.handOver.intro'),
      text('guidance.handOver.user', { name: context.target.displayName, upn: context.target.userPrincipalName, id: context.target.id }),
      text('guidance.handOver.checkedAt', { time: context.state.checkedAt }),
      context.diagnosis.summary,
      text('guidance.handOver.found'),
      ...context.diagnosis.findings.flatMap(findingLines),
      ...signInLines(context.state),
      ...takenLines(context),
      ...openLines(context),
    ],
  }),
} as const satisfies GuidanceStep<'handOver'>;

const SEVERITY: Readonly<Record<Severity, MessageKey>> = {
  blocking: 'card.severity.blocking',
  warning: 'card.severity.warning',
  info: 'card.severity.info',
  ok: 'card.severity.ok',
};

/** Exchange's names for what a rule does, as `Get-InboxRule` shows them: what support will search for. */
const RULE_ACTION: Readonly<Record<InboxRuleBehaviour, string>> = {
  forward: 'ForwardTo',
  forwardAsAttachment: 'ForwardAsAttachmentTo',
  redirect: 'RedirectTo',
  delete: 'DeleteMessage',
  permanentDelete: 'PermanentDelete',
  moveAndMarkRead: 'MoveToFolder, MarkAsRead',
};

function findingLines(finding: Finding): Text[] {
  return [text('guidance.handOver.finding', { severity: text(SEVERITY[finding.severity]), title: finding.title }), ...factsOf(finding)];
}

/** The facts of a finding a ticket needs (times, codes, ids), without the advice the card gives the operator. */
function factsOf(finding: Finding): Text[] {
  const fact = (value: TextParam): Text => text('guidance.handOver.fact', { fact: value });
  switch (finding.kind) {
    case 'smartLockout':
      return [fact(text('finding.smartLockout.lastLockout', { count: finding.lockoutCount, at: finding.lastLockoutAt }))];
    case 'failedSignIns':
      return finding.causes.map((cause) => text('guidance.handOver.cause', { meaning: cause.meaning, code: cause.errorCode, at: cause.lastAt }));
    case 'userAtRisk':
      return [
        text('guidance.handOver.risk', { level: finding.riskLevel, state: finding.riskState, at: finding.updatedAt ?? '—' }),
        ...(finding.riskDetail && finding.riskDetail !== 'none' ? [text('guidance.handOver.riskDetail', { detail: finding.riskDetail })] : []),
      ];
    case 'restrictedSender':
      return [
        ...(finding.since ? [fact(text('finding.restrictedSender.since', { since: finding.since }))] : []),
        ...(finding.reason ? [fact(text('finding.restrictedSender.reason.raw', { reason: finding.reason }))] : []),
      ];
    case 'suspiciousInboxRule':
      return [
        text('guidance.handOver.ruleActions', { actions: finding.behaviours.map((behaviour) => RULE_ACTION[behaviour]).join(', ') }),
        ...(finding.recipients.length > 0 ? [text('guidance.handOver.ruleRecipients', { recipients: finding.recipients.join(', ') })] : []),
      ];
    case 'newSignInMethod':
      return [fact(text('finding.newSignInMethod.addedAt', { at: finding.addedAt }))];
    case 'sessionsOpenAfterRisk':
      return [fact(text('finding.sessionsOpenAfterRisk.when', { at: finding.remediatedAt }))];
    // Their details are facts already: the methods, the roles and who may act, what could not be read and why.
    case 'signInMethods':
    case 'privilegedTarget':
    case 'couldNotCheck':
      return finding.details.map(fact);
    // Blocked sign-in, self-service reset, on-premises password, the all-clear: the title says it all.
    default:
      return [];
  }
}

/**
 * The sign-ins as read (the last 24 hours), newest first: time, error code or success, app, place
 * and address. The successful ones belong here too: a risky sign-in from an unfamiliar place is one.
 */
function signInLines(state: AccountState): Text[] {
  if (state.signIns.kind !== 'ok' || state.signIns.value.length === 0) return [];
  const older = state.signIns.value.length - SIGN_INS_LISTED;
  return [
    text('guidance.handOver.signIns'),
    ...state.signIns.value.slice(0, SIGN_INS_LISTED).map(signInLine),
    ...(older > 0 ? [text('guidance.handOver.signInsMore', { count: older })] : []),
  ];
}

function signInLine(event: SignInEvent): Text {
  const place = [event.city, event.countryOrRegion].filter(Boolean).join(', ');
  const where = [event.appDisplayName, place, event.ipAddress].filter(Boolean).join(' · ');
  const result = event.errorCode === 0 ? text('guidance.handOver.signInSuccess') : text('guidance.handOver.signInError', { code: event.errorCode });
  return where
    ? text('guidance.handOver.signIn', { time: event.createdDateTime, result, where })
    : text('guidance.handOver.signInNowhere', { time: event.createdDateTime, result });
}

/**
 * Every change Unlock made or tried, one line per action, newest first, each with how the caller was
 * verified. A refusal changed nothing and is left out, except a step that refused itself after it
 * was confirmed (a pass the policy does not allow), a limit reached and a No answered in Teams:
 * support needs to know it was tried, and who said it was not them.
 */
function takenLines({ history, target, stepName }: GuidanceContext): Text[] {
  if (!history) return [];
  const upn = target.userPrincipalName;
  if (history.kind === 'unavailable') return [text('guidance.handOver.taken'), text('guidance.handOver.historyUnavailable', { upn })];
  const actions = takenActions(history);
  if (actions.length === 0) return [text('guidance.handOver.taken'), text('guidance.handOver.noneTaken')];
  const more = actions.length > ACTIONS_LISTED || history.more;
  return [
    text('guidance.handOver.taken'),
    ...actions.slice(0, ACTIONS_LISTED).map((record) =>
      text('guidance.handOver.action', {
        time: record.at,
        actor: record.actor.name ?? record.actor.userPrincipalName ?? record.actor.aadObjectId,
        action: stepName({ id: record.step }),
        outcome: withVerification(outcomeOf(record), record),
      }),
    ),
    ...(more ? [text('guidance.handOver.olderTaken', { upn })] : []),
  ];
}

/** Refusals the hand-over lists, in the history's words. */
const REFUSED_DETAIL: Readonly<Record<string, MessageKey>> = {
  cannotRun: 'history.reason.cannotRun',
  limitReached: 'history.reason.limitReached',
  deniedInTeams: 'history.reason.deniedInTeams',
};
const SUPPORT_READS_REFUSED = new Set(Object.keys(REFUSED_DETAIL));

function takenActions(history: Extract<GuidanceHistory, { kind: 'read' }>): AuditRecord[] {
  return oneEntryPerAction(history.records).filter(
    (record) => record.outcome.kind !== 'refused' || SUPPORT_READS_REFUSED.has(record.outcome.reason),
  );
}

function outcomeOf(record: AuditRecord): Text {
  const { outcome } = record;
  switch (outcome.kind) {
    case 'attempted':
      return text('history.outcome.attempted');
    case 'refused':
      return text('history.outcome.refused', { detail: text(REFUSED_DETAIL[outcome.reason] ?? 'history.reason.cannotRun') });
    case 'succeeded':
      return withRequestId(text('history.outcome.succeeded'), outcome.requestId);
    case 'failed':
      return withRequestId(text('history.outcome.failed', { detail: outcome.code ?? outcome.cause }), outcome.requestId);
  }
}

function withRequestId(outcome: Text, requestId: string | undefined): Text {
  return requestId ? text('guidance.handOver.withRequestId', { outcome, requestId }) : outcome;
}

/**
 * What is still to do: on a compromised-looking account the securing steps its findings call for,
 * otherwise the steps the findings call for (the highlighted ones). A step Unlock already did that
 * the findings still call for (revoking sessions does not clear a risk) says when it was done, so
 * the ticket neither hides it nor asks for it as if it never happened. A privileged target's
 * finding already says who must act.
 */
function openLines({ diagnosis, stepName, history }: GuidanceContext): Text[] {
  if (diagnosis.privileged) return [];
  const open = diagnosis.stillOpen.length > 0 ? diagnosis.stillOpen : diagnosis.steps.filter((step) => step.primary);
  if (open.length === 0) return [text('guidance.handOver.nothingOpen')];
  const done = history?.kind === 'read' ? history.records.filter((record) => record.outcome.kind === 'succeeded') : [];
  return [
    text('guidance.handOver.open'),
    ...open.map((step) => {
      const last = done.find((record) => record.step === step.id && record.itemId === step.itemId);
      return last
        ? text('guidance.handOver.openDone', { step: stepName(step), time: last.at })
        : text('guidance.handOver.fact', { fact: stepName(step) });
    }),
  ];
}
