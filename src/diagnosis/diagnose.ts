/**
 * The diagnosis: raw account state in, findings and the steps that apply out. Pure: no I/O, no clock
 * (time comes from `state.checkedAt`), so the same state always gives the same diagnosis.
 */
import type { AccountState, Checked } from '../domain/account';
import {
  passwordManagedOnPremisesFinding,
  privilegedTargetFinding,
  protectedTargetFinding,
  restrictedSenderFinding,
  sessionsOpenAfterRiskFinding,
  signInBlockedFinding,
  ssprNotRegisteredFinding,
  userAtRiskFinding,
} from './accountFindings';
import { couldNotCheckFindings, nothingWrongFinding } from './checkFindings';
import { callerDoubts } from './identityWarnings';
import { ownDomains, suspiciousInboxRuleFindings } from './inboxRules';
import { privilegedRoles, rolesUnknown } from './privilegedRoles';
import { remediationSteps } from './remediationSteps';
import { summaryOf } from './summary';
import { newSignInMethodFindings, signInMethodsFinding } from './signInMethods';
import { failedSignInsFinding, recentFailures, smartLockoutFinding } from './signInFindings';
import { callerVerification } from './verifierFacts';
import type { Diagnosis, Finding, Severity } from '../domain/diagnosis';

/** What the tenant's configuration decides about a diagnosis. */
export interface DiagnosisOptions {
  /** Any directory role holder is out of reach (default), or only those Entra keeps from a User Administrator. */
  readonly protectAllRoleHolders: boolean;
}

export const DEFAULT_DIAGNOSIS_OPTIONS: DiagnosisOptions = { protectAllRoleHolders: true };

export function diagnose(state: AccountState, options: DiagnosisOptions = DEFAULT_DIAGNOSIS_OPTIONS): Diagnosis {
  const { user } = state;
  const heldPrivilegedRoles = privilegedRoles(valueOf(state.roles) ?? [], options.protectAllRoleHolders);
  const eligiblePrivilegedRoles = privilegedRoles(valueOf(state.eligibleRoles) ?? [], options.protectAllRoleHolders);
  const protection = protectedTargetFinding(valueOf(state.protection) ?? null);
  const failures = recentFailures(state, valueOf(state.signIns) ?? []);
  const risk = valueOf(state.risk);
  const registration = valueOf(state.registration);
  const restrictedSender = valueOf(state.restrictedSender);
  const inboxRules = valueOf(state.inboxRules);
  const signInMethods = valueOf(state.signInMethods) ?? [];
  const verification = callerVerification(state);

  const found: Finding[] = present([
    privilegedTargetFinding(heldPrivilegedRoles, eligiblePrivilegedRoles),
    protection,
    signInBlockedFinding(user),
    smartLockoutFinding(failures, state.checkedAt, callerDoubts(verification.warnings).length > 0),
    userAtRiskFinding(risk ?? null),
    sessionsOpenAfterRiskFinding(risk ?? null, user, state.checkedAt),
    restrictedSenderFinding(restrictedSender ?? null, user),
    failedSignInsFinding(failures),
    ...suspiciousInboxRuleFindings(inboxRules ?? [], ownDomains([user.userPrincipalName, user.mail])),
    ...newSignInMethodFindings(signInMethods, state.checkedAt),
    ssprNotRegisteredFinding(registration ?? null),
    passwordManagedOnPremisesFinding(user),
    ...couldNotCheckFindings(state),
  ]);
  const methodList = signInMethodsFinding(signInMethods, found);
  if (methodList) found.push(methodList);
  // Eligible counts as held: a Global Administrator through PIM is one activation away.
  const privileged = heldPrivilegedRoles.length > 0 || eligiblePrivilegedRoles.length > 0 || protection !== undefined;
  // On an account Unlock may not change, an "OK" and a list of other causes to try helps nobody:
  // the card says who can act instead.
  const allClear = privileged ? undefined : nothingWrongFinding(user, found);
  const findings = sortBySeverity(allClear === undefined ? found : [...found, allClear]);

  const unknown = rolesUnknown(state);
  const compromised = looksCompromised(findings);
  const { steps, stillOpen } = remediationSteps(findings, { privileged, onPremises: user.onPremisesSyncEnabled, rolesUnknown: unknown, compromised });
  const summary = summaryOf(findings, steps, { privileged, compromised });
  return { userId: user.id, findings, steps, privileged, rolesUnknown: unknown, compromised, stillOpen, summary, verification };
}

/** Signs that someone else may control the account. */
export function looksCompromised(findings: readonly Finding[]): boolean {
  return findings.some(
    (finding) =>
      finding.kind === 'userAtRisk' ||
      finding.kind === 'sessionsOpenAfterRisk' ||
      finding.kind === 'restrictedSender' ||
      finding.kind === 'suspiciousInboxRule' ||
      finding.kind === 'newSignInMethod',
  );
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { blocking: 0, warning: 1, info: 2, ok: 3 };

/** Most severe first; `Array.prototype.sort` is stable, so equal severities keep the order above. */
export function sortBySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function valueOf<T>(checked: Checked<T>): T | undefined {
  return checked.kind === 'ok' ? checked.value : undefined;
}

function present(findings: readonly (Finding | undefined)[]): Finding[] {
  return findings.filter((finding): finding is Finding => finding !== undefined);
}
