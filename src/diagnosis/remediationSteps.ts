/**
 * The remediation steps a diagnosis offers, in the order a card shows them, and which are
 * highlighted. Each step says which findings call for it (`src/steps/`); this file withholds what is
 * not ours to do here (everything for a privileged target, changes while the target's roles are
 * unknown, cloud-only changes for an account mastered on premises), adds the steps any account may
 * need as secondary actions, puts securing first on a compromised-looking account (the step that
 * secures it in one confirmation before all, when several are open), and highlights at most three.
 */
import type { Finding, RemediationStep } from '../domain/diagnosis';
import { STEPS } from '../steps/registry';
import type { StepDefinition, StepPurpose } from '../steps/step';

export interface StepContext {
  /** The target holds a role the bot must not touch: no steps at all. */
  readonly privileged: boolean;
  /** Mastered in Active Directory: a cloud enable or reset is refused or not written back. */
  readonly onPremises: boolean;
  /** Roles could not be read, so the target may be privileged: nothing that changes the account. */
  readonly rolesUnknown: boolean;
  /** Securing comes first, and lifting a protection last. */
  readonly compromised: boolean;
}

/** Highlighted buttons at most: more is a wall of buttons nobody reads. */
export const MAX_PRIMARY_STEPS = 3;

/** On a compromised-looking account: secure, then give a way back in, then lift protections. */
const PURPOSE_ORDER: Readonly<Record<StepPurpose | 'guidance', number>> = { secure: 0, restore: 1, lift: 2, guidance: 3 };

export interface OfferedSteps {
  readonly steps: RemediationStep[];
  /** The securing steps the findings call for (an empty list when the account does not look compromised). */
  readonly stillOpen: RemediationStep[];
}

interface Entry {
  readonly step: StepDefinition;
  readonly offered: RemediationStep;
  /** A finding calls for it (rather than being offered on demand). */
  readonly called: boolean;
}

export function remediationSteps(findings: readonly Finding[], context: StepContext): OfferedSteps {
  if (context.privileged) return { steps: [], stillOpen: [] };
  const allowed = (STEPS as readonly StepDefinition[]).filter((step) => !isWithheld(step, context));
  const called: Entry[] = allowed.flatMap((step) => step.offers(findings).map((instance) => ({ step, offered: { id: step.id, ...instance }, called: true })));
  const onDemand: Entry[] = allowed
    .filter((step) => step.onDemand && !called.some((entry) => entry.step === step))
    .map((step) => ({ step, offered: { id: step.id }, called: false }));
  // Steps that share a claim are alternative answers (confirm compromised or dismiss risk), not open work.
  const stillOpen = context.compromised
    ? called.filter(({ step }) => step.kind === 'write' && step.purpose === 'secure' && !step.claimGroup && !step.runs).map(({ offered }) => offered)
    : [];
  // Several securing steps open: the step that does them all behind one confirmation comes first.
  const bundled: Entry[] = allowed.flatMap((step) =>
    step.kind === 'write' && step.runs === 'openSecuringSteps' && stillOpen.length >= step.fromOpenSteps ? [{ step, offered: { id: step.id }, called: true }] : [],
  );
  const ordered = context.compromised ? [...bundled, ...[...called].sort((a, b) => rank(a.step) - rank(b.step))] : called;
  // Secondary guidance that every card has (the hand-over) goes after the on-demand steps, last.
  const entries = [...ordered, ...onDemand];
  const sorted = [...entries.filter((entry) => !alwaysLast(entry.step)), ...entries.filter((entry) => alwaysLast(entry.step))];
  let highlighted = 0;
  const steps = sorted.map(({ step, offered, called: isCalled }): RemediationStep => {
    if (!isCalled || step.secondary || highlighted >= MAX_PRIMARY_STEPS) return offered;
    highlighted += 1;
    return { ...offered, primary: true };
  });
  return { steps, stillOpen };
}

function rank(step: StepDefinition): number {
  return PURPOSE_ORDER[step.kind === 'write' ? step.purpose : 'guidance'];
}

function alwaysLast(step: StepDefinition): boolean {
  return step.kind === 'guidance' && step.secondary === true;
}

function isWithheld(step: StepDefinition, context: StepContext): boolean {
  if (step.kind !== 'write') return false;
  return context.rolesUnknown || (context.onPremises && step.cloudOnly);
}
