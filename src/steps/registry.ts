/**
 * Every remediation step Unlock knows, in the order a card shows them. Adding a step is one file in
 * this folder, an entry here, its strings in both catalogues, its simulator route and its tests.
 */
import { allowSignIn } from './allowSignIn';
import { compromisedChecklist } from './compromisedChecklist';
import { confirmCompromised } from './confirmCompromised';
import { dismissRisk } from './dismissRisk';
import { handOver } from './handOver';
import { removeInboxRule } from './removeInboxRule';
import { removeSignInMethod } from './removeSignInMethod';
import { resetPassword } from './resetPassword';
import { revokeSessions } from './revokeSessions';
import { secureAccount } from './secureAccount';
import { itemLabel } from '../i18n/itemName';
import { text, type Text } from '../i18n/text';
import type { StepDefinition } from './step';
import { temporaryAccessPass } from './temporaryAccessPass';
import { unblockSending } from './unblockSending';

export const STEPS = [
  secureAccount,
  allowSignIn,
  resetPassword,
  temporaryAccessPass,
  unblockSending,
  removeInboxRule,
  removeSignInMethod,
  revokeSessions,
  dismissRisk,
  confirmCompromised,
  compromisedChecklist,
  handOver,
] as const satisfies readonly StepDefinition[];

export type StepId = (typeof STEPS)[number]['id'];

export const STEP_IDS = STEPS.map((step) => step.id) as [StepId, ...StepId[]];

const BY_ID: ReadonlyMap<string, StepDefinition> = new Map(STEPS.map((step) => [step.id, step]));

/** The step with this id, or undefined for an id no step has (a tampered card, an old record). */
export function stepDefinition(id: string): StepDefinition | undefined {
  return BY_ID.get(id);
}

/** The key under which the at-most-once claim of this offered step is held. */
export function claimKey(step: { readonly id: string; readonly itemId?: string }): string {
  const definition = stepDefinition(step.id);
  if (definition?.kind === 'write' && definition.claimGroup) return definition.claimGroup;
  return step.itemId ? `${step.id}:${step.itemId}` : step.id;
}

/**
 * A step as people read it: "Reset password", or 'Remove rule: "Forward all"' for a step about one
 * item; an id no step has (an old record) as it is. The one place cards, summaries, the history and
 * the hand-over name a step.
 */
export function stepLabel(step: { readonly id: string; readonly itemName?: string }): Text | string {
  const title = stepDefinition(step.id)?.title;
  const name = title ? text(title) : step.id;
  return step.itemName !== undefined ? text('summary.stepWithItem', { step: name, item: itemLabel(step.itemName) }) : name;
}
