/** The one line at the top of a card: what is wrong, and what to do first. */
import type { Finding, RemediationStep } from '../domain/diagnosis';
import { text, type Text } from '../i18n/text';
import { stepDefinition, stepLabel } from '../steps/registry';
import { isProblem } from './checkFindings';

/**
 * `asked`: the step the operator asked for ("reset Megan's password"), which the card puts first and
 * highlights; the line then names it too, so the top of the card and its first button agree.
 */
export function summaryOf(
  findings: readonly Finding[],
  steps: readonly RemediationStep[],
  facts: { privileged: boolean; compromised: boolean },
  asked?: RemediationStep,
): Text {
  if (facts.privileged) return whoCanAct(findings);
  const first = steps.find((step) => step.primary);
  if (facts.compromised) {
    if (asked && !secures(asked)) {
      // Lifting a protection waits until the account is secured: say so, and what comes first.
      return first ? text('summary.compromisedAskedLater', { asked: stepLabel(asked), step: stepLabel(first) }) : text('summary.compromisedNoStep');
    }
    const step = asked ?? first;
    return step ? text('summary.compromised', { step: stepLabel(step) }) : text('summary.compromisedNoStep');
  }
  const step = asked ?? first;
  // Findings come most severe first.
  const worst = findings.find(isProblem);
  if (!worst) return asked ? text('summary.nothingWrongAsked', { step: stepLabel(asked) }) : text('summary.nothingWrong');
  return step ? text('summary.problem', { problem: worst.title, step: stepLabel(step) }) : text('summary.problemNoStep', { problem: worst.title });
}

function secures(step: RemediationStep): boolean {
  const definition = stepDefinition(step.id);
  return definition?.kind === 'write' && definition.purpose === 'secure';
}

/** A target Unlock does not change: who can act instead, in so many words. */
function whoCanAct(findings: readonly Finding[]): Text {
  for (const finding of findings) {
    if (finding.kind === 'privilegedTarget') return text('summary.privilegedRoles', { roles: finding.roles.join(', ') });
    if (finding.kind === 'protectedTarget') return text(finding.reason === 'operator' ? 'summary.protectedOperator' : 'summary.protectedGroup');
  }
  return text('summary.privileged');
}
