/**
 * The remediation steps a diagnosis offers. Which finding offers which step is decided in one place,
 * `OFFERED_BY` in remediation/steps.ts; this file only narrows it where a step cannot help or is not
 * ours to take.
 */
import { CHANGES_ACCOUNT, OFFERED_BY, REMEDIATION_IDS, type RemediationId } from '../steps/registry';
import { PASSWORD_FAILURES } from './signInErrors';
import type { Finding, RemediationStep } from '../domain/diagnosis';

export interface StepContext {
  /** The target holds a role the bot must not touch: no steps at all. */
  readonly privileged: boolean;
  /** Mastered in Active Directory: a cloud enable or reset is refused or not written back. */
  readonly onPremises: boolean;
  /** Roles could not be read, so the target may be privileged: nothing that changes the account. */
  readonly rolesUnknown: boolean;
}

/** In `REMEDIATION_IDS` order, each once, except `removeInboxRule` once per rule; `handOver` last. */
export function remediationSteps(findings: readonly Finding[], context: StepContext): RemediationStep[] {
  if (context.privileged) return [];
  const steps: RemediationStep[] = [];
  for (const id of REMEDIATION_IDS) {
    if (id === 'handOver' || isWithheld(id, context)) continue;
    const offering = findings.filter((finding) => offers(finding, id));
    if (id === 'removeInboxRule') {
      for (const finding of offering) {
        if (finding.kind === 'suspiciousInboxRule') steps.push({ id, ruleId: finding.ruleId, ruleName: finding.ruleName });
      }
    } else if (offering.length > 0) {
      steps.push({ id });
    }
  }
  steps.push({ id: 'handOver' });
  return steps;
}

function isWithheld(id: RemediationId, context: StepContext): boolean {
  if (context.rolesUnknown && CHANGES_ACCOUNT[id]) return true;
  return context.onPremises && (id === 'allowSignIn' || id === 'resetPassword');
}

function offers(finding: Finding, id: RemediationId): boolean {
  if (!OFFERED_BY[id].includes(finding.kind)) return false;
  // A reset only helps when the password is the problem: not for a malicious-IP block, an MFA
  // prompt or failure, a Conditional Access or device block.
  if (finding.kind === 'failedSignIns' && id === 'resetPassword') {
    return finding.causes.some((cause) => PASSWORD_FAILURES.has(cause.category));
  }
  // Already confirmed compromised: confirming again changes nothing.
  if (finding.kind === 'userAtRisk' && id === 'confirmCompromised') return finding.riskState !== 'confirmedCompromised';
  return true;
}
