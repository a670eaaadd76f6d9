/** The one line at the top of a card: what is wrong, and what to do first. */
import type { Finding, RemediationStep } from '../domain/diagnosis';
import { text, type Text } from '../i18n/text';
import { stepDefinition } from '../steps/registry';
import { isProblem } from './checkFindings';

export function summaryOf(findings: readonly Finding[], steps: readonly RemediationStep[], facts: { privileged: boolean; compromised: boolean }): Text {
  if (facts.privileged) return text('summary.privileged');
  const first = steps.find((step) => step.primary);
  const step = first ? stepName(first) : undefined;
  if (facts.compromised) {
    return step ? text('summary.compromised', { step }) : text('summary.compromisedNoStep');
  }
  // Findings come most severe first.
  const worst = findings.find(isProblem);
  if (!worst) return text('summary.nothingWrong');
  return step ? text('summary.problem', { problem: worst.title, step }) : text('summary.problemNoStep', { problem: worst.title });
}

/** "Reset password", or "Remove rule: Forward all" for a step about one item. */
function stepName(step: RemediationStep): Text | undefined {
  const title = stepDefinition(step.id)?.title;
  if (!title) return undefined;
  return step.itemName ? text('summary.stepWithItem', { step: text(title), item: step.itemName }) : text(title);
}
