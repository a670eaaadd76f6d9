/** The one line at the top of a card: what is wrong, and what to do first. */
import type { Finding, RemediationStep } from '../domain/diagnosis';
import { text, type Text } from '../i18n/text';
import { stepLabel } from '../steps/registry';
import { isProblem } from './checkFindings';

export function summaryOf(findings: readonly Finding[], steps: readonly RemediationStep[], facts: { privileged: boolean; compromised: boolean }): Text {
  if (facts.privileged) return text('summary.privileged');
  const first = steps.find((step) => step.primary);
  const step = first ? stepLabel(first) : undefined;
  if (facts.compromised) {
    return step ? text('summary.compromised', { step }) : text('summary.compromisedNoStep');
  }
  // Findings come most severe first.
  const worst = findings.find(isProblem);
  if (!worst) return text('summary.nothingWrong');
  return step ? text('summary.problem', { problem: worst.title, step }) : text('summary.problemNoStep', { problem: worst.title });
}
