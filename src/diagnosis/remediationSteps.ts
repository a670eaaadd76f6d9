/**
 * The remediation steps a diagnosis offers. Each step says which findings make it worth offering
 * (`src/steps/`); this file only withholds what is not ours to do here: everything for a privileged
 * target, changes when the target's roles could not be read, and cloud-only changes for an account
 * mastered on premises.
 */
import type { Finding, RemediationStep } from '../domain/diagnosis';
import { STEPS } from '../steps/registry';
import type { StepDefinition } from '../steps/step';

export interface StepContext {
  /** The target holds a role the bot must not touch: no steps at all. */
  readonly privileged: boolean;
  /** Mastered in Active Directory: a cloud enable or reset is refused or not written back. */
  readonly onPremises: boolean;
  /** Roles could not be read, so the target may be privileged: nothing that changes the account. */
  readonly rolesUnknown: boolean;
}

/** In registry order, each once, except a step offered per item (a rule each); the hand-over last. */
export function remediationSteps(findings: readonly Finding[], context: StepContext): RemediationStep[] {
  if (context.privileged) return [];
  return STEPS.filter((step) => !isWithheld(step, context)).flatMap((step) =>
    step.offers(findings).map((instance): RemediationStep => ({ id: step.id, ...instance })),
  );
}

function isWithheld(step: StepDefinition, context: StepContext): boolean {
  if (step.kind !== 'write') return false;
  return context.rolesUnknown || (context.onPremises && step.cloudOnly);
}
