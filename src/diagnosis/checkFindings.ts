/**
 * What the diagnosis could not see, and the all-clear. A part that could not be read never fails the
 * whole check; it is named, with why and what would fix it.
 */
import { CHECK_REQUIREMENTS } from '../domain/checkRequirements';
import type { AccountState, Checked, UnavailableCause, UserAccount } from '../domain/account';
import type { MessageKey } from '../i18n/catalogue';
import { text, type Text } from '../i18n/text';
import type { CheckName, CouldNotCheckFinding, Finding, NothingWrongFinding } from '../domain/diagnosis';

/** Every part a diagnosis reads, in the order the card lists what it could not check. */
export const CHECK_NAMES: readonly CheckName[] = [
  'signIns',
  'signInActivity',
  'risk',
  'registration',
  'roles',
  'eligibleRoles',
  'inboxRules',
  'restrictedSender',
  'signInMethods',
  'protection',
];

const CHECK_TITLES: Readonly<Record<CheckName, MessageKey>> = {
  signInActivity: 'check.signInActivity',
  signIns: 'check.signIns',
  risk: 'check.risk',
  registration: 'check.registration',
  roles: 'check.roles',
  eligibleRoles: 'check.eligibleRoles',
  inboxRules: 'check.inboxRules',
  restrictedSender: 'check.restrictedSender',
  signInMethods: 'check.signInMethods',
  protection: 'check.protection',
};

const CAUSE_TEXTS: Readonly<Record<UnavailableCause, MessageKey>> = {
  permission: 'cause.permission',
  licence: 'cause.licence',
  notFound: 'cause.notFound',
  throttled: 'cause.throttled',
  outage: 'cause.outage',
};


export function checkedParts(state: AccountState): Readonly<Record<CheckName, Checked<unknown>>> {
  return {
    signInActivity: state.signInActivity,
    signIns: state.signIns,
    risk: state.risk,
    registration: state.registration,
    roles: state.roles,
    eligibleRoles: state.eligibleRoles,
    inboxRules: state.inboxRules,
    restrictedSender: state.restrictedSender,
    signInMethods: state.signInMethods,
    protection: state.protection,
  };
}

export function couldNotCheckFindings(state: AccountState): CouldNotCheckFinding[] {
  const parts = checkedParts(state);
  const findings: CouldNotCheckFinding[] = [];
  for (const check of CHECK_NAMES) {
    const part = parts[check];
    if (part.kind !== 'unavailable') continue;
    const requirements = CHECK_REQUIREMENTS[check];
    const needs = part.needs ?? (part.cause === 'licence' ? requirements.licence : part.cause === 'permission' ? requirements.permission : undefined);
    const details: Text[] = [text(CAUSE_TEXTS[part.cause])];
    if (needs !== undefined) details.push(text('finding.couldNotCheck.needs', { needs }));
    // Without the roles we cannot rule out an admin the bot must not touch: safety first. Eligible
    // roles are the exception without a licence: a tenant without PIM has nobody eligible.
    if (check === 'roles' || check === 'protection' || (check === 'eligibleRoles' && part.cause !== 'licence')) {
      details.push(text('finding.couldNotCheck.rolesWithheld'));
    } else if (check === 'eligibleRoles') {
      details.push(text('finding.couldNotCheck.noPim'));
    }
    if (part.requestId !== undefined) details.push(text('finding.couldNotCheck.requestId', { requestId: part.requestId }));
    findings.push({
      kind: 'couldNotCheck',
      severity: 'info',
      title: text(CHECK_TITLES[check]),
      details,
      check,
      cause: part.cause,
      ...(needs !== undefined ? { needs } : {}),
    });
  }
  return findings;
}

/**
 * A problem is anything blocking or worth a warning about the account. Information (an MFA prompt,
 * an on-premises account, a part we could not read) and "this is an admin" are not problems with the
 * account, so they do not hide the all-clear.
 */
export function isProblem(finding: Finding): boolean {
  return (finding.severity === 'blocking' || finding.severity === 'warning') && finding.kind !== 'privilegedTarget' && finding.kind !== 'protectedTarget';
}

export function nothingWrongFinding(user: UserAccount, findings: readonly Finding[]): NothingWrongFinding | undefined {
  if (findings.some(isProblem)) return undefined;
  const partial = findings.some((f) => f.kind === 'couldNotCheck');
  return {
    kind: 'nothingWrong',
    severity: 'ok',
    title: text(partial ? 'finding.nothingWrong.titlePartial' : 'finding.nothingWrong.title'),
    details: [
      ...(partial ? [text('finding.nothingWrong.partial')] : []),
      text('finding.nothingWrong.lookElsewhere'),
      text('finding.nothingWrong.wrongUsername', { upn: user.userPrincipalName }),
      text('finding.nothingWrong.mfaDevice'),
      text('finding.nothingWrong.deviceOrAccess'),
      text('finding.nothingWrong.app'),
      text('finding.nothingWrong.incident'),
    ],
  };
}
