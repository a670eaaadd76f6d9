/**
 * The alert card posted to the helpdesk's alert channel: who did what to whom, and how often (a limit
 * reached), or who answered No to a confirmation asked in Teams. Account names only, no secrets:
 * every member of the channel reads it.
 */
import type { Attachment } from 'botbuilder';
import { text, type Text } from '../src/i18n/text';
import type { HelpdeskAlert } from '../src/operations/alerts';
import { stepName, windowText } from './banners';
import { messageCard, type CardView } from './index';

export function alertCard(alert: HelpdeskAlert, view: CardView): Attachment {
  const action = stepName(alert.step);
  const operator = alert.operator.name;
  const target = `${alert.target.displayName} (${alert.target.userPrincipalName})`;
  if (alert.kind === 'limitReached') {
    const { limit } = alert;
    const facts = { operator, target, time: alert.at, attempt: limit.count + 1, window: windowText(limit.windowMinutes), max: limit.max };
    const paragraphs: Text[] = [
      text(limit.scope === 'operator' ? 'alert.limit.operator' : 'alert.limit.target', facts),
      text('alert.limit.advice', { operator }),
      text('alert.limit.repeats', { window: windowText(limit.windowMinutes) }),
    ];
    return messageCard({ heading: text('alert.limit.heading', { action }), paragraphs }, view);
  }
  const facts = { operator, target, action, name: alert.answeredBy.name, time: alert.at };
  return messageCard(
    {
      heading: text('alert.denied.heading'),
      paragraphs: [text(alert.asked === 'user' ? 'alert.denied.user' : 'alert.denied.manager', facts), text('alert.denied.advice', { target })],
    },
    view,
  );
}
