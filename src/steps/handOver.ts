/** Hand over to support: everything the checks found, to paste into a ticket. Always offered, last. */
import { text } from '../i18n/text';
import type { GuidanceStep } from './step';

export const handOver = {
  id: 'handOver',
  kind: 'guidance',
  title: 'step.handOver.title',
  confirm: 'step.handOver.confirm',
  secondary: true,
  offers: () => [{}],
  guidance: ({ target, diagnosis, state }) => ({
    heading: text('guidance.handOver.heading', { name: target.displayName, upn: target.userPrincipalName }),
    paragraphs: [
      text('guidance.handOver.intro'),
      ...diagnosis.findings.map((finding) => text('guidance.handOver.finding', { title: finding.title })),
      text('guidance.handOver.checkedAt', { time: state.checkedAt }),
    ],
  }),
} as const satisfies GuidanceStep<'handOver'>;
