/** The guidance steps: the compromised-account checklist, and the hand-over with everything gathered. */
import type { Attachment } from 'botbuilder';
import { messageCard, type CardView } from '../cards';
import type { MessageKey } from '../src/i18n/catalogue';
import { text, type Text } from '../src/i18n/text';
import type { Authorisation } from '../src/operations/runStep';
import type { RemediationId } from '../src/steps/registry';

type Allowed = Extract<Authorisation, { kind: 'allowed' }>;

const CHECKLIST: readonly MessageKey[] = [
  'guidance.checklist.1',
  'guidance.checklist.2',
  'guidance.checklist.3',
  'guidance.checklist.4',
  'guidance.checklist.5',
  'guidance.checklist.6',
  'guidance.checklist.more',
];

export function guidanceCard(step: RemediationId, allowed: Allowed, view: CardView): Attachment {
  const { target, diagnosis, state } = allowed;
  if (step === 'compromisedChecklist') {
    return messageCard(
      { heading: text('guidance.checklist.heading', { name: target.displayName }), paragraphs: CHECKLIST.map((key) => text(key)) },
      view,
    );
  }
  const findings: Text[] = diagnosis.findings.map((finding) => text('guidance.handOver.finding', { title: finding.title }));
  return messageCard(
    {
      heading: text('guidance.handOver.heading', { name: target.displayName, upn: target.userPrincipalName }),
      paragraphs: [text('guidance.handOver.intro'), ...findings, text('guidance.handOver.checkedAt', { time: state.checkedAt })],
    },
    view,
  );
}
