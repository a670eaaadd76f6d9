/**
 * First steps for someone describing their own trouble ("nevaru pieslēgties", "I can't send email").
 * Guidance only: it names no account and changes nothing, so it is safe to show to anyone.
 */
import type { Attachment } from 'botbuilder';
import { messageCard, type CardView } from './index';
import type { MessageKey } from '../src/i18n/catalogue';
import type { UserRequest } from '../src/i18n/phrases';
import { text } from '../src/i18n/text';

const GUIDANCE: Readonly<Record<Exclude<UserRequest, 'help'>, readonly MessageKey[]>> = {
  cantSignIn: ['selfService.cantSignIn.heading', 'selfService.sspr', 'selfService.lockoutWait', 'selfService.operators'],
  accountLocked: ['selfService.accountLocked.heading', 'selfService.lockoutWait', 'selfService.sspr', 'selfService.operators'],
  cantSendMail: ['selfService.cantSendMail.heading', 'selfService.bounce', 'selfService.operators'],
};

export function selfServiceCard(request: Exclude<UserRequest, 'help'>, view: CardView): Attachment {
  const [heading, ...paragraphs] = GUIDANCE[request];
  return messageCard({ heading: text(heading ?? 'help.heading'), paragraphs: paragraphs.map((key) => text(key)) }, view);
}
