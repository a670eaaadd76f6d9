/** The compromised-account checklist: what to do beyond the buttons, in order. Changes nothing. */
import type { MessageKey } from '../i18n/catalogue';
import { text } from '../i18n/text';
import { offeredWhen, type GuidanceStep } from './step';

const CHECKLIST: readonly MessageKey[] = [
  'guidance.checklist.1',
  'guidance.checklist.2',
  'guidance.checklist.3',
  'guidance.checklist.4',
  'guidance.checklist.5',
  'guidance.checklist.6',
  'guidance.checklist.more',
];

export const compromisedChecklist = {
  id: 'compromisedChecklist',
  kind: 'guidance',
  title: 'step.compromisedChecklist.title',
  confirm: 'step.compromisedChecklist.confirm',
  offers: offeredWhen(
    (finding) => finding.kind === 'userAtRisk' || finding.kind === 'suspiciousInboxRule' || finding.kind === 'restrictedSender',
  ),
  guidance: ({ target }) => ({
    heading: text('guidance.checklist.heading', { name: target.displayName }),
    paragraphs: CHECKLIST.map((key) => text(key)),
  }),
} as const satisfies GuidanceStep<'compromisedChecklist'>;
